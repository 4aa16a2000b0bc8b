/**
 * The snapshot's indicator value files (kolada/values/<kpi>.csv), read and
 * checked as loadSnapshot did with sealedCsv + validateRows + its checks, but
 * without a zod parse, a copy and string keys per row: at 100 KPIs these
 * files hold 1.8 M rows, and that work was most of the data step's CPU time.
 *
 * Same result, same errors: each distinct cell of a column is parsed once by
 * that column's own schema (indicatorValueSchema.shape), the value column by
 * plainPointDecimal, and the rules across cells by indicatorValueIssues (the
 * schema's superRefine). A row that fails any of these is parsed whole by
 * indicatorValueSchema, which throws zod's own error, as before. The checks
 * after validation run in the same order, each over all rows, so the first
 * error named is the one the row-by-row code named.
 */
import type { z } from "zod";
import { decodeUtf8, parseCsvRecords, requireColumns } from "./csv";
import { firstMissingKommunValue, type CoverageSpec } from "./coverage";
import { DataInputError } from "./errors";
import { boundsProblem, totalOutsidePartsReason, type IndicatorInfo } from "./indicators";
import { indicatorValueIssues, indicatorValueSchema, SNAPSHOT_COLUMNS, type AreaLevel, type IndicatorValue, type Provenance, type Sex } from "./schema";
import { plainPointDecimal, validateRow } from "./validate";

/** One column's parsed cells, by cell text: each distinct cell goes through the column's schema once. */
class ColumnCells<T> {
  private readonly known = new Map<string, T>();
  private lastCell: string | undefined;
  private lastOutput: T | undefined;
  constructor(private readonly schema: z.ZodType<T, string>) {}
  /** The schema's output (for text, the first cell read with that text, so equal cells share one string), or undefined when it fails. */
  get(cell: string): T | undefined {
    if (cell === this.lastCell) return this.lastOutput;
    let output = this.known.get(cell);
    if (output === undefined) {
      const parsed = this.schema.safeParse(cell);
      if (!parsed.success) return undefined;
      output = parsed.data;
      this.known.set(cell, output);
    }
    this.lastCell = cell;
    this.lastOutput = output;
    return output;
  }
}

/** The parsed cells of one load, shared by its value files (one string per distinct code, level, status and note). */
export function valueCellCache() {
  const shape = indicatorValueSchema.shape;
  return {
    kpi: new ColumnCells(shape.kpi),
    level: new ColumnCells(shape.level),
    code: new ColumnCells(shape.code),
    year: new ColumnCells(shape.year),
    sex: new ColumnCells(shape.sex),
    status: new ColumnCells(shape.status),
    note: new ColumnCells(shape.note),
  };
}
export type ValueCellCache = ReturnType<typeof valueCellCache>;

export interface ValueFile {
  file: string;
  rows: IndicatorValue[];
  /** The CSV line of each row, for error messages. */
  lines: Int32Array;
}

export interface ValueRead extends ValueFile {
  /** The first row whose kpi cell is not the catalog's (a valid id, e.g. another KPI's): checkValueFile names it. */
  otherKpi: { index: number; kpi: string } | null;
}

/**
 * A sealed value file's rows, validated as sealedCsv(…, indicatorValueSchema)
 * would, and counted against provenance.json. Each row's kpi is `info.kpi`;
 * a row with another kpi is named by checkValueFile, where the row-by-row
 * loader named it.
 */
export function readValueFile(bytes: Buffer, entry: Provenance["files"][number], file: string, info: IndicatorInfo, cells: ValueCellCache): ValueRead {
  const text = decodeUtf8(bytes, file);
  const read = valueRows(text, file, info, cells);
  if (entry.rows !== undefined && read.rows.length !== entry.rows)
    throw new DataInputError({ file, row: read.rows.length + 1 }, `${read.rows.length} data rows, but provenance.json records ${entry.rows}`);
  return { file, ...read };
}

const COLUMNS = SNAPSHOT_COLUMNS.indicatorValue;

/**
 * The file through parseCsvRecords (parseCsv's own reader and checks), each
 * row through the fast path or else zod: the same rows, or the same error,
 * as sealedCsv.
 */
function valueRows(text: string, file: string, info: IndicatorInfo, cells: ValueCellCache): Omit<ValueRead, "file"> {
  const { columns, records } = parseCsvRecords(text, file);
  requireColumns({ file, columns, rows: [] }, COLUMNS);
  const order = COLUMNS.map((c) => columns.indexOf(c));
  const rows: IndicatorValue[] = new Array(records.length);
  const lines = new Int32Array(records.length);
  let otherKpi: ValueRead["otherKpi"] = null;
  for (let i = 0; i < records.length; i++) {
    const { line, fields } = records[i]!;
    lines[i] = line;
    // A row the fast path does not take: zod decides, and names the problem.
    rows[i] = rowFromCells(fields, order, info, cells) ?? parseWhole(columns, fields, line, file, info);
    // zod's kpi is the cell as it is (a pattern check).
    const kpi = fields[order[0]!]!;
    if (otherKpi === null && kpi !== info.kpi) otherKpi = { index: i, kpi };
  }
  return { rows, lines, otherKpi };
}

/**
 * The row indicatorValueSchema would make of these cells (`raw` in the file's
 * column order, `order` the file index of each schema column), with the
 * catalog's kpi; undefined when any cell or rule needs zod to decide.
 */
function rowFromCells(raw: readonly string[], order: readonly number[], info: IndicatorInfo, cells: ValueCellCache): IndicatorValue | undefined {
  const kpi = cells.kpi.get(raw[order[0]!]!);
  const level = cells.level.get(raw[order[1]!]!);
  const code = cells.code.get(raw[order[2]!]!);
  const year = cells.year.get(raw[order[3]!]!);
  const sex = cells.sex.get(raw[order[4]!]!);
  const value = plainPointDecimal(raw[order[5]!]!);
  const status = cells.status.get(raw[order[6]!]!);
  const note = cells.note.get(raw[order[7]!]!);
  if (kpi === undefined || level === undefined || code === undefined || year === undefined || sex === undefined || value === undefined || status === undefined || note === undefined) return undefined;
  const row: IndicatorValue = { kpi: info.kpi, level, code, year, sex, value, status, note };
  return indicatorValueIssues(row).length ? undefined : row;
}

/** The row through indicatorValueSchema, exactly as validateRows does it: zod's output, or zod's error naming row, column and value. */
function parseWhole(columns: readonly string[], fields: readonly string[], line: number, file: string, info: IndicatorInfo): IndicatorValue {
  const values: Record<string, string> = {};
  for (let i = 0; i < columns.length; i++) values[columns[i]!] = fields[i]!;
  const v = validateRow(indicatorValueSchema, { row: line, values }, file);
  return { kpi: info.kpi, level: v.level, code: v.code, year: v.year, sex: v.sex, value: v.value, status: v.status, note: v.note };
}

const LEVEL_INDEX: Record<AreaLevel, number> = { kommun: 0, lan: 1, riket: 2 };
const SEX_INDEX: Record<Sex, number> = { T: 0, K: 1, M: 2 };

/**
 * The checks loadSnapshot ran on a value file after validation, in the same
 * order: every row's kpi and code known; one row per level, code, year and
 * sex; each value within its indicator's bounds, and a both-sexes value
 * within its parts unless a source defect; every kommun value the source
 * promises present. 1.8 M rows at 100 KPIs, so no string key per row: each
 * (level, code, year, sex) is a slot in a typed array, with T, K and M of
 * the same area and year side by side.
 */
export function checkValueFile(info: IndicatorInfo, v: ValueRead, kommunCodes: ReadonlySet<string>, lanCodes: ReadonlySet<string>, kommunList: readonly string[], coverage: CoverageSpec): void {
  const { file, rows, lines } = v;
  const codes = new Map<string, number>();
  const codeOf = new Int32Array(rows.length);
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (v.otherKpi?.index === i) throw new DataInputError({ file, row: lines[i], column: "kpi", value: v.otherKpi.kpi }, `expected ${info.kpi} in this file`);
    const known = r.level === "kommun" ? kommunCodes : r.level === "lan" ? lanCodes : null;
    if (known && !known.has(r.code)) throw new DataInputError({ file, row: lines[i], column: "code", value: r.code }, `unknown ${r.level} code`);
    let c = codes.get(r.code);
    if (c === undefined) codes.set(r.code, (c = codes.size));
    codeOf[i] = c;
    if (r.year < minYear) minYear = r.year;
    if (r.year > maxYear) maxYear = r.year;
  }
  // Slot of the T row of an area and year (K and M follow it); holds row index + 1, 0 = no row.
  const years = maxYear - minYear + 1;
  const areaYear = (i: number, r: IndicatorValue) => ((codeOf[i]! * 3 + LEVEL_INDEX[r.level]) * years + (r.year - minYear)) * 3;
  const slots = new Int32Array(rows.length ? codes.size * 3 * years * 3 : 0);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const slot = areaYear(i, r) + SEX_INDEX[r.sex];
    const first = slots[slot]!;
    if (first !== 0)
      throw new DataInputError({ file, row: lines[i], column: "level+code+year+sex", value: `${r.level}|${r.code}|${r.year}|${r.sex}` }, `duplicate key: the same level, code, year, sex as row ${lines[first - 1]}`);
    slots[slot] = i + 1;
  }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.value === null) continue;
    const problem = boundsProblem(info, r.value);
    if (problem) throw new DataInputError({ file, row: lines[i], column: "value", value: r.value }, problem);
    if (r.sex !== "T") continue;
    const t = areaYear(i, r);
    const atK = slots[t + SEX_INDEX.K]!;
    const atM = slots[t + SEX_INDEX.M]!;
    const k = atK === 0 ? null : rows[atK - 1]!.value;
    const m = atM === 0 ? null : rows[atM - 1]!.value;
    const reason = k === null || m === null ? null : totalOutsidePartsReason(info, r.value, k, m);
    if (reason) throw new DataInputError({ file, row: lines[i], column: "status", value: r.status }, `the value for both sexes lies outside the values for women and men (${k}, ${m}): it must be a source_defect; re-import`);
  }
  const missing = firstMissingKommunValue(info.kpi, rows, kommunList, coverage);
  if (missing) throw new DataInputError({ file, column: "code", value: `${missing.code} ${missing.year} ${missing.sex}` }, `a kommun value is missing: ${missing.reason}`);
}
