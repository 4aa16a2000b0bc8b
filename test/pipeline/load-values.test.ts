/**
 * load-values.ts reads the snapshot's value files without a zod parse per
 * row. These tests compare it with the row-by-row reader it replaced (kept
 * below as `reference`: parseCsv, validateRows with indicatorValueSchema, the
 * kpi and code check, assertUniqueKey and the old checkValues), on small
 * constructed value files (test fixtures, not real data) with awkward cells,
 * quotes, CRLF, a byte order mark, blank lines and reordered columns: the same
 * rows, or the same error message, or the test fails.
 */
import { describe, expect, it } from "vitest";
import { parseCsv, requireColumns } from "../../src/pipeline/csv";
import { firstMissingKommunValue, type CoverageSpec } from "../../src/pipeline/coverage";
import { DataInputError } from "../../src/pipeline/errors";
import { boundsProblem, INDICATORS, totalOutsidePartsReason, type IndicatorInfo } from "../../src/pipeline/indicators";
import { checkValueFile, readValueFile, valueCellCache } from "../../src/pipeline/load-values";
import { indicatorValueSchema, SNAPSHOT_COLUMNS, type IndicatorValue, type Provenance } from "../../src/pipeline/schema";
import { assertUniqueKey, validateRows } from "../../src/pipeline/validate";

const FILE = "kolada/values/n00957.csv";
const INFO = INDICATORS.find((i) => i.kpi === "N00957")!;
const KOMMUNER = new Set(["0114", "0115"]);
const LAN = new Set(["01"]);
const COVERAGE: CoverageSpec = { years: { N00957: { T: [2020, 2021] } }, gaps: new Map(), kommuner: ["0114", "0115"] };
const entry = (rows?: number): Provenance["files"][number] => ({ path: "values/n00957.csv", title: "t", from: [{ file: "x", sha256: "0".repeat(64) }], source_ref: "", rows });

/** The loader before the fast path, step by step as loadSnapshot ran it. */
function reference(text: string, info: IndicatorInfo, expectedRows?: number): IndicatorValue[] {
  const table = parseCsv(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, FILE);
  requireColumns(table, SNAPSHOT_COLUMNS.indicatorValue);
  const rows = validateRows(indicatorValueSchema, table);
  if (expectedRows !== undefined && rows.length !== expectedRows) throw new DataInputError({ file: FILE, row: rows.length + 1 }, `${rows.length} data rows, but provenance.json records ${expectedRows}`);
  for (const r of rows) {
    if (r.kpi !== info.kpi) throw new DataInputError({ file: FILE, row: r.row, column: "kpi", value: r.kpi }, `expected ${info.kpi} in this file`);
    const known = r.level === "kommun" ? KOMMUNER : r.level === "lan" ? LAN : null;
    if (known && !known.has(r.code)) throw new DataInputError({ file: FILE, row: r.row, column: "code", value: r.code }, `unknown ${r.level} code`);
  }
  assertUniqueKey(rows, ["level", "code", "year", "sex"], FILE);
  const byKey = new Map(rows.map((r) => [`${r.level}|${r.code}|${r.year}|${r.sex}`, r]));
  for (const r of rows) {
    if (r.value === null) continue;
    const problem = boundsProblem(info, r.value);
    if (problem) throw new DataInputError({ file: FILE, row: r.row, column: "value", value: r.value }, problem);
    if (r.sex !== "T") continue;
    const [k, m] = (["K", "M"] as const).map((sex) => byKey.get(`${r.level}|${r.code}|${r.year}|${sex}`)?.value ?? null);
    const reason = k === null || m === null || k === undefined || m === undefined ? null : totalOutsidePartsReason(info, r.value, k, m);
    if (reason) throw new DataInputError({ file: FILE, row: r.row, column: "status", value: r.status }, `the value for both sexes lies outside the values for women and men (${k}, ${m}): it must be a source_defect; re-import`);
  }
  const missing = firstMissingKommunValue(info.kpi, rows, [...KOMMUNER], COVERAGE);
  if (missing) throw new DataInputError({ file: FILE, column: "code", value: `${missing.code} ${missing.year} ${missing.sex}` }, `a kommun value is missing: ${missing.reason}`);
  return rows.map((r) => ({ kpi: info.kpi, level: r.level, code: r.code, year: r.year, sex: r.sex, value: r.value, status: r.status, note: r.note }));
}

function fast(text: string, info: IndicatorInfo, expectedRows?: number): IndicatorValue[] {
  const read = readValueFile(Buffer.from(text, "utf8"), entry(expectedRows), FILE, info, valueCellCache());
  checkValueFile(info, read, KOMMUNER, LAN, [...KOMMUNER], COVERAGE);
  return read.rows;
}

/** Rows as JSON (key order included), or the error message. */
function outcome(read: () => IndicatorValue[]): string {
  try {
    return JSON.stringify(read());
  } catch (e) {
    if (!(e instanceof DataInputError)) throw e;
    return `error: ${e.message}`;
  }
}

const same = (text: string, expectedRows?: number, info = INFO) => expect(outcome(() => fast(text, info, expectedRows)), JSON.stringify(text)).toBe(outcome(() => reference(text, info, expectedRows)));

/** A good file: riket, län 01 and two kommuner, 2020–2021, T/K/M, T between K and M. */
function goodLines(): string[][] {
  const lines: string[][] = [];
  for (const [level, code] of [["riket", "00"], ["lan", "01"], ["kommun", "0114"], ["kommun", "0115"]] as const)
    for (const year of ["2020", "2021"])
      for (const [sex, value] of [["T", "25.5"], ["K", "30"], ["M", "21.25"]])
        lines.push(["N00957", level, code, year, sex!, value!, "published", ""]);
  return lines;
}
const HEADER = SNAPSHOT_COLUMNS.indicatorValue.join(",");
const csvOf = (lines: string[][], header = HEADER, eol = "\n") => [header, ...lines.map((l) => l.join(","))].join(eol) + eol;

describe("load-values: the same rows and errors as the row-by-row loader", () => {
  it("reads a good file, with the catalog's kpi and the fields in the schema's order", () => {
    const text = csvOf(goodLines());
    same(text);
    same(text, 24);
    same(text, 23);
    expect(fast(text, INFO)[0]).toEqual({ kpi: "N00957", level: "riket", code: "00", year: 2020, sex: "T", value: 25.5, status: "published", note: "" });
  });

  it("agrees on hand-picked awkward files", () => {
    const lines = goodLines();
    const withCell = (row: number, column: number, cell: string) => csvOf(lines.map((l, i) => (i === row ? l.map((c, j) => (j === column ? cell : c)) : l)));
    const withCells = (changes: Array<[number, number, string]>) => csvOf(lines.map((l, i) => l.map((c, j) => changes.find(([r, k]) => r === i && k === j)?.[2] ?? c)));
    const texts = [
      withCells([[4, 7, '"two\nlines"'], [4, 5, "400"]]),
      withCells([[4, 7, '"two\nlines"'], [9, 5, "400"]]),
      withCells([[4, 7, '"two\nlines"'], [9, 4, "T"]]),
      withCells([[4, 7, '"two\nlines"'], [9, 0, "N00958"]]),
      withCells([[4, 7, '"a, b"'], [6, 5, '" 30"'], [13, 2, '"0114 "']]),
      withCells([[4, 7, '" padded "']]),
      withCells([[4, 5, '" 30"']]),
      withCells([[4, 2, '"0114"'], [4, 7, '""""']]),
      "\ufeff" + csvOf(lines),
      csvOf(lines, HEADER, "\r\n"),
      csvOf(lines).replace("\n", "\n\n\n"),
      csvOf(lines).slice(0, -1),
      csvOf(lines.map((l) => [l[7]!, ...l.slice(0, 7)]), "note,kpi,level,code,year,sex,value,status"),
      csvOf(lines, "kpi , level,code,year,sex,value,status,note"),
      csvOf(lines, "kpi,level,code,year,sex,value,status,note,extra"),
      csvOf(lines, "kpi,level,code,year,sex,value,status"),
      withCell(4, 7, '"a, quoted ""note"""'),
      withCell(4, 5, " 30"),
      withCell(4, 5, "3e1"),
      withCell(4, 5, ".5"),
      withCell(4, 5, "30,5"),
      withCell(4, 5, '"30,5"'),
      withCell(4, 5, "1" + "0".repeat(45)),
      withCell(4, 5, "-1"),
      withCell(4, 5, "400"),
      withCell(4, 5, ""),
      withCell(3, 5, "40"),
      withCell(4, 6, "source_defect"),
      withCell(5, 6, "source_defect").replace(/source_defect,\n/, "source_defect,oklart\n").replace("21.25,source_defect", ",source_defect"),
      withCell(4, 0, "N00958"),
      withCell(4, 0, "X1"),
      withCell(4, 1, "region"),
      withCell(4, 2, "1"),
      withCell(7, 2, "0199"),
      withCell(4, 3, "1989"),
      withCell(4, 3, "20x0"),
      withCell(4, 4, "t"),
      withCell(4, 6, "not_published"),
      withCell(4, 7, "x".repeat(10_001)),
      withCell(4, 4, "K"),
      csvOf([...lines.slice(0, 10), lines[8]!.slice(0, 7), ...lines.slice(10)]),
      csvOf(lines.filter((l) => !(l[2] === "0115" && l[3] === "2021" && l[4] === "T"))),
      csvOf([...lines.slice(0, 4).map((l, i) => (i === 2 ? l.map((c, j) => (j === 5 ? "" : c)) : l)), ...lines.slice(4), ["N00957", "kommun", "0114", "2020", "T", "1", "published", "", "x"]]),
      csvOf(lines).replace("published,\n", "published,\r"),
      csvOf(lines).replace("published,\n", 'published,"open\n'),
      HEADER + "\n",
      "",
      '[{"kpi":"N00957"}]',
    ];
    for (const text of texts) same(text);
  });

  it("agrees on 1 500 random files with one to three awkward changes", () => {
    let seed = 20261201;
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const pools = [
      ["N00957", "N00958", "n00957", "X"],
      ["kommun", "lan", "riket", "Kommun", ""],
      ["0114", "0115", "01", "00", "0199", "114", " 0114"],
      ["2020", "2021", "2019", "1989", "2027", "20", "2020.0"],
      ["T", "K", "M", "t", ""],
      ["", "0", "25.5", "30", "21.25", "-0.5", "1e1", " 2", "2,5", "abc", "100000", "26.0", "0.0000001"],
      ["published", "source_defect", "not_published", ""],
      ["", "note", "a, b", 'say "x"', "line\nbreak"],
    ];
    const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    for (let n = 0; n < 1500; n++) {
      let lines = goodLines();
      for (let changes = 1 + random(3); changes > 0; changes--) {
        const row = random(lines.length);
        const column = random(8);
        const kind = random(10);
        if (kind < 7) lines[row]![column] = quote(pools[column]![random(pools[column]!.length)]!);
        else if (kind === 7) lines.splice(random(lines.length), 0, [...lines[row]!]);
        else if (kind === 8) lines[row] = lines[row]!.slice(0, 7);
        else lines = lines.filter((_, i) => i !== row);
      }
      const eol = random(4) === 0 ? "\r\n" : "\n";
      same((random(5) === 0 ? "\ufeff" : "") + csvOf(lines, HEADER, eol));
    }
  });

  it("names the right row for a bad value after 50 000 good rows", () => {
    const lines: string[][] = [];
    for (let year = 1990; year <= 2026; year++) for (let code = 1000; code < 2400; code++) lines.push(["N00957", "kommun", String(code), String(year), "K", "20.5", "published", ""]);
    expect(lines.length).toBeGreaterThan(50_000);
    const kommuner = new Set(lines.map((l) => l[2]!));
    const read = (text: string) => {
      const v = readValueFile(Buffer.from(text), entry(), FILE, INFO, valueCellCache());
      checkValueFile(INFO, v, kommuner, LAN, [], { years: {}, gaps: new Map() });
      return v.rows;
    };
    expect(read(csvOf(lines))).toHaveLength(lines.length);
    lines[50_000]![5] = "\"20,5\"";
    expect(() => read(csvOf(lines))).toThrow(/kolada\/values\/n00957\.csv, row 50002, column "value", value "20,5": decimal comma: numbers must use a decimal point/);
    lines[50_000]![5] = "20.5";
    lines[50_001]![4] = "K";
    lines[50_001]![2] = lines[50_000]![2]!;
    lines[50_001]![3] = lines[50_000]![3]!;
    expect(() => read(csvOf(lines))).toThrow(/row 50003, column "level\+code\+year\+sex", value "kommun\|\d{4}\|\d{4}\|K": duplicate key: the same level, code, year, sex as row 50002/);
  });
});
