/**
 * A small xlsx (Office Open XML spreadsheet) reader for the tables this
 * project imports, with no dependency beyond node:zlib. It reads the sheets
 * in workbook order and their cells: shared strings, inline strings, numbers
 * and formula results stored as text. Dates are not interpreted (a date is its
 * serial number); a boolean or an error cell, or any cell type it does not
 * know, fails naming the file, sheet and cell.
 */
import { DataInputError } from "../../errors";
import { attrByLocalName, decodeXmlText, xmlEvents, type XmlEvent } from "./xml";
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
  /** The rows in order, parsed as they are read (a sheet may hold a million rows). */
  rows(): IterableIterator<SheetRow>;
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

const MAX_PART_BYTES = 500_000_000;

export function readXlsx(bytes: Buffer, file: string): Sheet[] {
  const members = readZip(bytes, file);
  const part = (name: string, required: boolean): string | null => {
    const entry = members.get(name);
    if (!entry) {
      if (required) throw new DataInputError({ file, column: name }, "an xlsx file must contain this part; not a spreadsheet?");
      return null;
    }
    const data = entry.read();
    // V8's longest string is about 2^29 characters; a larger part needs a streaming reader, which this is not.
    if (data.length > MAX_PART_BYTES) throw new DataInputError({ file, column: name }, `${data.length} bytes uncompressed: larger than this reader handles (${MAX_PART_BYTES})`);
    return data.toString("utf8");
  };
  const rels = relationships(events(file, "xl/_rels/workbook.xml.rels", part("xl/_rels/workbook.xml.rels", true)!));
  const sharedPath = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target ?? "xl/sharedStrings.xml";
  const sharedText = part(sharedPath, false);
  const shared = sharedText === null ? [] : sharedStrings(events(file, sharedPath, sharedText));
  const sheets: Sheet[] = [];
  for (const e of events(file, "xl/workbook.xml", part("xl/workbook.xml", true)!)) {
    if (e.kind !== "open" || e.name !== "sheet") continue;
    const name = e.attrs.name ?? "";
    const id = attrByLocalName(e.attrs, "id", true);
    const target = id === undefined ? undefined : rels.get(id)?.target;
    if (!target || !members.has(target)) throw new DataInputError({ file, column: `sheet "${name}"` }, `xl/workbook.xml names relationship ${JSON.stringify(id ?? null)}, which does not lead to a part in the file`);
    sheets.push({ name, rows: () => sheetRows(file, target, part(target, true)!, shared, `${file}, sheet "${name}"`) });
  }
  if (sheets.length === 0) throw new DataInputError({ file, column: "xl/workbook.xml" }, "the workbook lists no sheets");
  return sheets;
}

/** A part's XML events, read lazily; XML the tokenizer cannot read fails naming the file and part. */
function* events(file: string, name: string, text: string): Generator<XmlEvent> {
  try {
    yield* xmlEvents(text);
  } catch (error) {
    throw new DataInputError({ file, column: name }, `not XML this reader understands: ${(error as Error).message}`);
  }
}

/** Relationship id → target part path (resolved against xl/) and type. */
function relationships(events: Iterable<XmlEvent>): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>();
  for (const e of events) {
    if (e.kind !== "open" || e.name !== "Relationship" || !e.attrs.Id || !e.attrs.Target) continue;
    const t = e.attrs.Target;
    out.set(e.attrs.Id, { target: t.startsWith("/") ? t.slice(1) : `xl/${t}`, type: e.attrs.Type ?? "" });
  }
  return out;
}

/** The text of each <si>: its <t>, or its rich-text runs' <t>s joined; phonetic hints (<rPh>) left out. */
function sharedStrings(events: Iterable<XmlEvent>): string[] {
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
  type: string;
  v: string | null;
  inline: string | null;
}

/**
 * Rows and cells in one pass of one regular expression: a sheet can hold a
 * million rows, and one match per cell is several times faster than walking
 * every tag. Everything outside <row> and <c> (dimension, column widths,
 * merged cells) is not needed and is skipped.
 */
const SHEET_PARTS = /<(?:[\w.-]+:)?row\b([^>]*?)(\/?)>|<\/(?:[\w.-]+:)?row>|<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const V = /<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const T = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const ATTRS = { r: /(?:^|\s)r\s*=\s*"([^"]*)"/, t: /(?:^|\s)t\s*=\s*"([^"]*)"/ };
const attr = (attrs: string, name: keyof typeof ATTRS) => ATTRS[name].exec(attrs)?.[1];

/** The rows of one worksheet, each yielded when it closes; each cell type is handled where it is read, so an unknown one fails at its own cell. */
function* sheetRows(file: string, part: string, xml: string, shared: readonly string[], where: string): Generator<SheetRow> {
  let row: SheetRow | null = null;
  let nextRow = 1;
  let nextCol = 0;
  const fail = (ref: string, value: unknown, problem: string): never => {
    throw new DataInputError({ file: where, row: row?.row, column: `cell ${ref}`, value }, problem);
  };
  const text = (s: string) => {
    try {
      return decodeXmlText(s);
    } catch (error) {
      throw new DataInputError({ file, column: part }, `not XML this reader understands: ${(error as Error).message}`);
    }
  };
  for (const m of xml.matchAll(SHEET_PARTS)) {
    if (m[0].startsWith("</")) {
      if (row) yield row;
      row = null;
    } else if (m[3] === undefined) {
      // <row ...> or <row .../>
      const r = attr(m[1]!, "r");
      const n = r === undefined ? nextRow : Number(r);
      if (!Number.isInteger(n) || n < nextRow) throw new DataInputError({ file: where, column: "row r", value: r }, "row numbers must increase");
      row = { row: n, cells: new Map() };
      nextRow = n + 1;
      nextCol = 0;
      if (m[2] === "/") {
        yield row;
        row = null;
      }
    } else {
      if (!row) throw new DataInputError({ file: where, column: "c" }, "a cell outside a row");
      const ref = attr(m[3], "r") ?? `${columnLetters(nextCol)}${row.row}`;
      const parsed = parseRef(ref);
      if (!parsed || parsed.row !== row.row) return fail(ref, ref, `not a cell reference in row ${row.row}`);
      nextCol = parsed.col + 1;
      const inner = m[4];
      if (inner === undefined) continue; // <c .../>: an empty (styled) cell
      const v = V.exec(inner)?.[1];
      const type = attr(m[3], "t") ?? "n";
      const inline = type === "inlineStr" ? [...inner.replace(PHONETIC, "").matchAll(T)].map((t) => text(t[1]!)).join("") : null;
      const value = cellValue({ ref, type, v: v === undefined ? null : text(v), inline }, shared, fail);
      if (value !== null) row.cells.set(parsed.col, value);
    }
  }
  if (row) throw new DataInputError({ file: where, row: row.row }, "the sheet ends inside a row: truncated?");
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
 * in it (matched exactly, after trimming), or this fails at once, naming the
 * missing one and what the header holds. The data rows are read as iterated.
 */
export function sheetTable(sheet: Sheet, file: string, columns: readonly string[], searchRows = 10): { header: number; rows: IterableIterator<TableRow> } {
  const where = `${file}, sheet "${sheet.name}"`;
  const it = sheet.rows();
  let headerRow: SheetRow | undefined;
  for (let i = 0; i < searchRows && !headerRow; i++) {
    const next = it.next();
    if (next.done) break;
    if ([...next.value.cells.values()].some((v) => String(v).trim() === columns[0])) headerRow = next.value;
  }
  if (!headerRow) throw new DataInputError({ file: where, column: columns[0] }, `no header row with "${columns[0]}" in the first ${searchRows} rows`);
  const index = new Map<string, number>();
  for (const [col, v] of headerRow.cells) if (!index.has(String(v).trim())) index.set(String(v).trim(), col);
  for (const c of columns)
    if (!index.has(c)) throw new DataInputError({ file: where, row: headerRow.row, column: c }, `column not found in the header (it has: ${[...index.keys()].join(", ")}); renamed by the publisher?`);
  function* rows(): Generator<TableRow> {
    for (const r of it) {
      if (r.cells.size === 0) continue;
      yield { row: r.row, get: (c: string) => r.cells.get(index.get(c)!), at: (c: string) => `${columnLetters(index.get(c)!)}${r.row} (${c})` };
    }
  }
  return { header: headerRow.row, rows: rows() };
}
