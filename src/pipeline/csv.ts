import { DataInputError } from "./errors";

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
  if (text.trim() === "") throw new DataInputError({ file, row: 1, column: expectedColumns[0] }, `the file is empty (expected a header row${expectedColumns.length ? ": " + expectedColumns.join(",") : ""})`);
  const first = text.trimStart()[0];
  if (first === "{" || first === "[")
    throw new DataInputError({ file, row: 1, column: expectedColumns[0] }, `this is JSON, not CSV (it starts with "${first}"); expected a header row${expectedColumns.length ? ": " + expectedColumns.join(",") : ""}`);
  const records = splitRecords(text, file);
  const header = records[0]!;
  const columns = header.fields.map((c) => c.trim());
  const seen = new Set<string>();
  columns.forEach((column) => {
    if (column === "") throw new DataInputError({ file, row: 1, column }, "the header has an empty column name");
    if (seen.has(column)) throw new DataInputError({ file, row: 1, column }, "the header names this column twice");
    seen.add(column);
  });
  const rows: CsvRow[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.length === 1 && record.fields[0] === "") continue; // blank line
    if (record.fields.length !== columns.length) {
      throw new DataInputError(
        { file, row: record.line, column: columns[Math.min(record.fields.length, columns.length) - 1], value: record.fields.join(",") },
        `expected ${columns.length} fields as in the header, found ${record.fields.length}`,
      );
    }
    const values: Record<string, string> = {};
    columns.forEach((column, i) => {
      const value = record.fields[i]!;
      if (value.length > MAX_FIELD_CHARS)
        throw new DataInputError({ file, row: record.line, column, value }, `a field of ${value.length} characters; at most ${MAX_FIELD_CHARS} are accepted`);
      values[column] = value;
    });
    rows.push({ row: record.line, values });
  }
  if (rows.length === 0) throw new DataInputError({ file, row: 2, column: columns[0] }, "the file has a header but no data rows");
  return { file, columns, rows };
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

interface RawRecord {
  line: number;
  fields: string[];
}

function splitRecords(text: string, file: string): RawRecord[] {
  const records: RawRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quotedFieldStart = 0;
  for (let i = 0; i < text.length; i++) {
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
      records.push({ line: recordLine, fields });
      fields = [];
      field = "";
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (inQuotes) throw new DataInputError({ file, row: quotedFieldStart, column: `field ${fields.length + 1}` }, "a quoted field is never closed");
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
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

/**
 * CSV injection (OWASP): a spreadsheet runs a cell that starts with =, +, -,
 * @, a tab or a carriage return as a formula. Such a text cell gets a leading
 * apostrophe, which spreadsheets show as plain text. Numbers stay numbers:
 * they are written from number values, and a text cell that is exactly a
 * number ("-5", "-0.5") is left as it is.
 */
export function spreadsheetSafe(text: string): string {
  // The first character decides for almost every cell, without a regular expression.
  const first = text.charCodeAt(0);
  if (first !== 61 && first !== 43 && first !== 45 && first !== 64 && first !== 9 && first !== 13) return text;
  return /^-?\d+(\.\d+)?$/.test(text) ? text : `'${text}`;
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
