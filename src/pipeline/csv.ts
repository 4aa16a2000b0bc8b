import { isUtf8 } from "node:buffer";
import { DataInputError } from "./errors";
import { spreadsheetSafe } from "./spreadsheet-safe";

/** A parsed CSV row, with the 1-based line number it started on (header = 1). */
export interface CsvRow {
  row: number;
  values: Record<string, string>;
}

export interface CsvTable {
  file: string;
  columns: string[];
  rows: CsvRow[];
}

/**
 * Decode bytes as strict UTF-8. Published tables here are UTF-8; a Latin-1 or
 * Windows-1252 file would silently turn "Malmö" into mojibake, so we refuse it
 * and point at the first bad byte's line.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  if (isUtf8(bytes)) {
    // The same text as TextDecoder's (which drops one byte order mark), without its cost on large files.
    let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const lines = new TextDecoder("utf-8").decode(bytes).split(/\r?\n/);
    const index = Math.max(0, lines.findIndex((l) => l.includes("\ufffd")));
    const line = lines[index] ?? "";
    // Name the column the bad byte sits in, read from the (lossily decoded) header.
    const header = (lines[0] ?? "").split(",");
    const fields = line.split(",");
    const column = header[fields.findIndex((f) => f.includes("\ufffd"))];
    throw new DataInputError({ file, row: index + 1, column, value: line.trim() }, "the file is not valid UTF-8 (wrong encoding, e.g. Latin-1?)");
  }
}

/**
 * The longest field any input may hold. The longest real one (a registry
 * note) has about 430 characters; a field of megabytes is a corrupt file, and
 * would otherwise break a later step far from the file ("Invalid string length").
 */
export const MAX_FIELD_CHARS = 10_000;

/** RFC 4180 CSV with a comma separator and a header row. */
export function parseCsv(text: string, file: string, expectedColumns: readonly string[] = []): CsvTable {
  const { columns, records } = parseCsvRecords(text, file, expectedColumns);
  const rows: CsvRow[] = new Array(records.length);
  for (let r = 0; r < records.length; r++) {
    const { line, fields } = records[r]!;
    const values: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) values[columns[i]!] = fields[i]!;
    rows[r] = { row: line, values };
  }
  return { file, columns, rows };
}

/** A CSV record: its fields and the 1-based line it started on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * parseCsv's checks and rows, as field arrays in the header's column order
 * (no object per row): for the snapshot's large value files. parseCsv is
 * built on this, so both throw the same errors.
 */
export function parseCsvRecords(text: string, file: string, expectedColumns: readonly string[] = []): { file: string; columns: string[]; records: CsvRecord[] } {
  if (text.trim() === "") throw new DataInputError({ file, row: 1, column: expectedColumns[0] }, `the file is empty (expected a header row${expectedColumns.length ? ": " + expectedColumns.join(",") : ""})`);
  const first = text.trimStart()[0];
  if (first === "{" || first === "[")
    throw new DataInputError({ file, row: 1, column: expectedColumns[0] }, `this is JSON, not CSV (it starts with "${first}"); expected a header row${expectedColumns.length ? ": " + expectedColumns.join(",") : ""}`);
  const all = splitRecords(text, file);
  const header = all[0]!;
  const columns = header.fields.map((c) => c.trim());
  const seen = new Set<string>();
  columns.forEach((column) => {
    if (column === "") throw new DataInputError({ file, row: 1, column }, "the header has an empty column name");
    if (seen.has(column)) throw new DataInputError({ file, row: 1, column }, "the header names this column twice");
    seen.add(column);
  });
  const records: CsvRecord[] = [];
  for (let r = 1; r < all.length; r++) {
    const record = all[r]!;
    const fields = record.fields;
    if (fields.length === 1 && fields[0] === "") continue; // blank line
    if (fields.length !== columns.length) {
      throw new DataInputError(
        { file, row: record.line, column: columns[Math.min(fields.length, columns.length) - 1], value: fields.join(",") },
        `expected ${columns.length} fields as in the header, found ${fields.length}`,
      );
    }
    for (let i = 0; i < fields.length; i++) {
      const value = fields[i]!;
      if (value.length > MAX_FIELD_CHARS)
        throw new DataInputError({ file, row: record.line, column: columns[i], value }, `a field of ${value.length} characters; at most ${MAX_FIELD_CHARS} are accepted`);
    }
    records.push(record);
  }
  if (records.length === 0) throw new DataInputError({ file, row: 2, column: columns[0] }, "the file has a header but no data rows");
  return { file, columns, records };
}

/** Require exactly these columns (order free); name the first missing or unexpected one. */
export function requireColumns(table: CsvTable, expected: readonly string[]): void {
  for (const column of expected) {
    if (!table.columns.includes(column)) {
      const unexpected = table.columns.filter((c) => !expected.includes(c));
      const hint = unexpected.length ? ` (found unexpected ${unexpected.map((c) => `"${c}"`).join(", ")}: renamed?)` : "";
      throw new DataInputError({ file: table.file, row: 1, column }, `required column is missing${hint}`);
    }
  }
  for (const column of table.columns) {
    if (!expected.includes(column)) {
      throw new DataInputError({ file: table.file, row: 1, column }, `unexpected column (expected ${expected.join(", ")})`);
    }
  }
}

/**
 * Split the text into records. Most lines of the snapshot hold no quote and
 * no carriage return: such a line is cut at its commas with indexOf and
 * slice, rather than built up a character at a time. A record with a quote or
 * a bare CR anywhere in it goes through the full RFC 4180 reader
 * (quotedRecord), from the record's start, so both give the same fields and
 * line numbers.
 */
function splitRecords(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const end = text.length;
  // The next quote and CR at or after pos (end when none): found once, not per line.
  let quote = -1;
  let cr = -1;
  let pos = 0;
  let line = 1;
  while (pos < end) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = end;
    if (quote < pos) quote = indexOrEnd(text, '"', pos);
    if (cr < pos) cr = indexOrEnd(text, "\r", pos);
    // A CR right before the LF is a CRLF line end; any other CR ends a record of its own.
    const lineEnd = cr === nl - 1 ? nl - 1 : nl;
    if (quote >= nl && (cr >= nl || cr === lineEnd)) {
      records.push({ line, fields: splitLine(text, pos, lineEnd) });
      pos = nl + 1;
      line++;
      continue;
    }
    const record = quotedRecord(text, pos, line, file);
    if (record.fields) records.push({ line, fields: record.fields });
    pos = record.next;
    line = record.line;
  }
  return records;
}

function indexOrEnd(text: string, ch: string, from: number): number {
  const i = text.indexOf(ch, from);
  return i < 0 ? text.length : i;
}

/** The comma-separated fields of text[start, end), which holds no quote and no line break. */
function splitLine(text: string, start: number, end: number): string[] {
  const fields: string[] = [];
  let from = start;
  for (;;) {
    const comma = text.indexOf(",", from);
    if (comma < 0 || comma >= end) {
      fields.push(text.slice(from, end));
      return fields;
    }
    fields.push(text.slice(from, comma));
    from = comma + 1;
  }
}

/**
 * One record read character by character from `start` (RFC 4180: quoted
 * fields may hold commas, doubled quotes and line breaks); throws on a quote
 * never closed. Returns its fields
 * (null for a last record that holds nothing, as at the end of the text), the
 * position after its line end, and the line number after it.
 */
function quotedRecord(text: string, start: number, startLine: number, file: string): { fields: string[] | null; next: number; line: number } {
  const fields: string[] = [];
  let field = "";
  let line = startLine;
  let inQuotes = false;
  let quotedFieldStart = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === "") {
      inQuotes = true;
      quotedFieldStart = line;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      return { fields, next: i + 1, line: line + 1 };
    } else {
      field += ch;
    }
  }
  if (inQuotes) throw new DataInputError({ file, row: quotedFieldStart, column: `field ${fields.length + 1}` }, "a quoted field is never closed");
  if (field !== "" || fields.length > 0) fields.push(field);
  return { fields: fields.length ? fields : null, next: text.length, line };
}

/** Serialize rows as CSV: comma, LF, quotes only where needed. Deterministic. */
export function formatCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return formatCsvChunks(columns, rows, Infinity).join("");
}

/**
 * The same CSV text, in chunks of at most `rowsPerChunk` rows (for files too
 * large for one string). `forSpreadsheets`: text cells are made safe to open
 * in a spreadsheet (see spreadsheetSafe); used for published downloads, never
 * for the snapshot, which keeps the source's text exactly.
 */
export function formatCsvChunks(columns: readonly string[], rows: readonly Record<string, unknown>[], rowsPerChunk = 20_000, forSpreadsheets = false): string[] {
  const chunks = [csvHeader(columns)];
  for (let i = 0; i < rows.length; i += rowsPerChunk) {
    let text = "";
    for (let r = i; r < Math.min(rows.length, i + rowsPerChunk); r++) {
      const row = rows[r]!;
      for (let k = 0; k < columns.length; k++) text += (k === 0 ? "" : ",") + csvCell(row[columns[k]!], forSpreadsheets);
      text += "\n";
    }
    chunks.push(text);
  }
  return chunks;
}

/** The header line of formatCsvChunks. */
export function csvHeader(columns: readonly string[]): string {
  return columns.map(quote).join(",") + "\n";
}

/**
 * One cell of formatCsvChunks: a text (made spreadsheet-safe when asked) or
 * any other value's text (a number that is not finite, null and undefined
 * are empty), quoted where needed. A number's text (digits, ".", "-", "e",
 * "+") never needs quotes, so numbers skip the check: they are most cells.
 */
export function csvCell(value: unknown, forSpreadsheets: boolean): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "string") return quote(forSpreadsheets ? spreadsheetSafe(value) : value);
  return quote(cell(value));
}


function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return String(value);
  }
  return String(value);
}

/** Quoted when it holds a quote, comma or line break (a scan of char codes: this runs for every text cell). */
function quote(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}
