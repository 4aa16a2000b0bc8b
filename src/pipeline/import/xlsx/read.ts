/**
 * A small xlsx (Office Open XML spreadsheet) reader for the tables this
 * project imports, with no dependency beyond node:zlib. It reads the sheets
 * in workbook order and their cells: shared strings, inline strings, numbers
 * and formula results stored as text. Dates are not interpreted (a date is its
 * serial number); a boolean or an error cell, or any cell type it does not
 * know, fails naming the file, sheet and cell.
 */
import { DataInputError } from "../../errors";
import { attrByLocalName, xmlEvents, type XmlEvent } from "./xml";
import { readZip } from "./zip";

export type CellValue = string | number;

export interface SheetRow {
  /** 1-based row number as in the spreadsheet. */
  row: number;
  /** 0-based column index → value; empty cells are absent. */
  cells: Map<number, CellValue>;
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

/** Column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseRef(ref: string): { col: number; row: number } | null {
  const m = /^([A-Z]{1,3})([1-9][0-9]*)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

export function readXlsx(bytes: Buffer, file: string): Sheet[] {
  const members = readZip(bytes, file);
  const part = (name: string, required: boolean): string | null => {
    const data = members.get(name);
    if (!data) {
      if (required) throw new DataInputError({ file, column: name }, "an xlsx file must contain this part; not a spreadsheet?");
      return null;
    }
    return data.toString("utf8");
  };
  const events = (name: string, text: string): XmlEvent[] => {
    try {
      return [...xmlEvents(text)];
    } catch (error) {
      throw new DataInputError({ file, column: name }, `not XML this reader understands: ${(error as Error).message}`);
    }
  };
  const rels = relationships(events("xl/_rels/workbook.xml.rels", part("xl/_rels/workbook.xml.rels", true)!));
  const sharedPath = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const sharedText = part(sharedPath, false);
  const shared = sharedText === null ? [] : sharedStrings(events(sharedPath, sharedText));
  const sheets: Sheet[] = [];
  for (const e of events("xl/workbook.xml", part("xl/workbook.xml", true)!)) {
    if (e.kind !== "open" || e.name !== "sheet") continue;
    const name = e.attrs.name ?? "";
    const id = attrByLocalName(e.attrs, "id", true);
    const target = id === undefined ? undefined : rels.get(id)?.target;
    if (!target) throw new DataInputError({ file, column: `sheet "${name}"` }, `xl/workbook.xml names relationship ${JSON.stringify(id ?? null)}, which xl/_rels/workbook.xml.rels does not list`);
    sheets.push({ name, rows: sheetRows(events(target, part(target, true)!), shared, `${file}, sheet "${name}"`) });
  }
  if (sheets.length === 0) throw new DataInputError({ file, column: "xl/workbook.xml" }, "the workbook lists no sheets");
  return sheets;
}

/** Relationship id → target part path (resolved against xl/) and type. */
function relationships(events: readonly XmlEvent[]): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>();
  for (const e of events) {
    if (e.kind !== "open" || e.name !== "Relationship" || !e.attrs.Id || !e.attrs.Target) continue;
    const t = e.attrs.Target;
    out.set(e.attrs.Id, { target: t.startsWith("/") ? t.slice(1) : `xl/${t}`, type: e.attrs.Type ?? "" });
  }
  return out;
}

/** The text of each <si>: its <t>, or its rich-text runs' <t>s joined; phonetic hints (<rPh>) left out. */
function sharedStrings(events: readonly XmlEvent[]): string[] {
  const out: string[] = [];
  let current: string | null = null;
  let inT = false;
  let inPhonetic = false;
  for (const e of events) {
    if (e.kind === "open") {
      if (e.name === "si") current = e.selfClosing ? (out.push(""), null) : "";
      else if (e.name === "rPh") inPhonetic = !e.selfClosing;
      else if (e.name === "t" && !e.selfClosing) inT = true;
    } else if (e.kind === "close") {
      if (e.name === "si" && current !== null) (out.push(current), (current = null));
      else if (e.name === "rPh") inPhonetic = false;
      else if (e.name === "t") inT = false;
    } else if (inT && !inPhonetic && current !== null) current += e.text;
  }
  return out;
}

interface OpenCell {
  ref: string;
  col: number;
  type: string;
  v: string | null;
  inline: string | null;
}

/**
 * The rows of one worksheet. Longer than it looks because each cell type is
 * handled where it is read, so an unknown one fails at its own cell.
 */
function sheetRows(events: readonly XmlEvent[], shared: readonly string[], where: string): SheetRow[] {
  const rows: SheetRow[] = [];
  let row: SheetRow | null = null;
  let cell: OpenCell | null = null;
  let capture: "v" | "t" | null = null;
  let inPhonetic = false;
  let nextRow = 1;
  const fail = (ref: string, value: unknown, problem: string): never => {
    throw new DataInputError({ file: where, row: row?.row, column: `cell ${ref}`, value }, problem);
  };
  for (const e of events) {
    if (e.kind === "text") {
      if (cell && capture === "v") cell.v = (cell.v ?? "") + e.text;
      else if (cell && capture === "t" && !inPhonetic) cell.inline = (cell.inline ?? "") + e.text;
      continue;
    }
    if (e.kind === "open") {
      if (e.name === "row") {
        const n = e.attrs.r === undefined ? nextRow : Number(e.attrs.r);
        if (!Number.isInteger(n) || n < nextRow) throw new DataInputError({ file: where, column: "row r", value: e.attrs.r }, "row numbers must increase");
        row = { row: n, cells: new Map() };
        nextRow = n + 1;
        rows.push(row);
        if (e.selfClosing) row = null;
      } else if (e.name === "c") {
        if (!row) throw new DataInputError({ file: where, column: "c" }, "a cell outside a row");
        const nextCol = row.cells.size ? Math.max(...row.cells.keys()) + 1 : 0;
        const ref = e.attrs.r ?? `${columnLetters(nextCol)}${row.row}`;
        const parsed = parseRef(ref);
        if (!parsed || parsed.row !== row.row) fail(ref, ref, `not a cell reference in row ${row.row}`);
        cell = { ref, col: parsed!.col, type: e.attrs.t ?? "n", v: null, inline: null };
        if (e.selfClosing) cell = null; // an empty (styled) cell
      } else if (e.name === "v" && cell && !e.selfClosing) capture = "v";
      else if (e.name === "t" && cell && !e.selfClosing) capture = "t";
      else if (e.name === "rPh") inPhonetic = !e.selfClosing;
      continue;
    }
    if (e.name === "v" || e.name === "t") capture = null;
    else if (e.name === "rPh") inPhonetic = false;
    else if (e.name === "row") row = null;
    else if (e.name === "c" && cell && row) {
      const value = cellValue(cell, shared, fail);
      if (value !== null) row.cells.set(cell.col, value);
      cell = null;
    }
  }
  return rows;
}

function cellValue(cell: OpenCell, shared: readonly string[], fail: (ref: string, value: unknown, problem: string) => never): CellValue | null {
  switch (cell.type) {
    case "s": {
      if (cell.v === null) return null;
      const i = Number(cell.v);
      if (!Number.isInteger(i) || i < 0 || i >= shared.length) return fail(cell.ref, cell.v, `shared string index out of range (${shared.length} strings)`);
      return shared[i]!;
    }
    case "inlineStr":
      return cell.inline ?? "";
    case "str":
      return cell.v ?? "";
    case "n": {
      if (cell.v === null) return null;
      const x = Number(cell.v);
      if (cell.v.trim() === "" || !Number.isFinite(x)) return fail(cell.ref, cell.v, "a number cell whose value is not a number");
      return x;
    }
    case "e":
      return fail(cell.ref, cell.v, "an error cell (such as #N/A) where data was expected");
    default:
      return fail(cell.ref, cell.type, `cell type t="${cell.type}" is not one this reader understands (s, inlineStr, str, n)`);
  }
}

export interface TableRow {
  row: number;
  /** Header name → value (absent when the cell is empty). */
  get(column: string): CellValue | undefined;
  /** "D12 (Kommun)": where a value sits, for error messages. */
  at(column: string): string;
}

/**
 * A sheet as a table: the header row is the first of the sheet's first
 * `searchRows` rows that holds `columns[0]`; every name in `columns` must be
 * in it (matched exactly, after trimming), or this fails naming the missing
 * one and what the header holds.
 */
export function sheetTable(sheet: Sheet, file: string, columns: readonly string[], searchRows = 10): { header: number; rows: TableRow[] } {
  const where = `${file}, sheet "${sheet.name}"`;
  const headerRow = sheet.rows.slice(0, searchRows).find((r) => [...r.cells.values()].some((v) => String(v).trim() === columns[0]));
  if (!headerRow) throw new DataInputError({ file: where, column: columns[0] }, `no header row with "${columns[0]}" in the first ${searchRows} rows`);
  const index = new Map<string, number>();
  for (const [col, v] of headerRow.cells) if (!index.has(String(v).trim())) index.set(String(v).trim(), col);
  for (const c of columns)
    if (!index.has(c)) throw new DataInputError({ file: where, row: headerRow.row, column: c }, `column not found in the header (it has: ${[...index.keys()].join(", ")}); renamed by the publisher?`);
  const rows = sheet.rows
    .filter((r) => r.row > headerRow.row && r.cells.size > 0)
    .map((r) => ({
      row: r.row,
      get: (c: string) => r.cells.get(index.get(c)!),
      at: (c: string) => `${columnLetters(index.get(c)!)}${r.row} (${c})`,
    }));
  return { header: headerRow.row, rows };
}
