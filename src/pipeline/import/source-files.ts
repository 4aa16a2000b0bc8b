import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeUtf8, parseCsv, requireColumns, type CsvTable } from "../csv";
import { DataInputError } from "../errors";

/** A source file as read: its text, its checksum (recorded in provenance), and its name relative to --from. */
export interface SourceFile {
  name: string;
  text: string;
  sha256: string;
}

export function readSourceFile(root: string, name: string, expectedColumns: readonly string[] = []): SourceFile {
  const path = join(root, name);
  if (!existsSync(path)) throw new DataInputError({ file: name }, `source file not found under ${root}`);
  const bytes = readFileSync(path);
  if (bytes.length === 0)
    throw new DataInputError({ file: name, row: 1, column: expectedColumns[0] }, `the file is empty (0 bytes)${expectedColumns.length ? "; expected a header " + expectedColumns.join(",") : ""}`);
  return { name, text: decodeUtf8(bytes, name), sha256: createHash("sha256").update(bytes).digest("hex") };
}

export function readSourceCsv(root: string, name: string, columns: readonly string[]): { table: CsvTable; source: SourceFile } {
  const source = readSourceFile(root, name, columns);
  const table = parseCsv(source.text, name, columns);
  requireColumns(table, columns);
  return { table, source };
}

export function readSourceJson(root: string, name: string): { json: unknown; source: SourceFile } {
  const source = readSourceFile(root, name);
  try {
    return { json: JSON.parse(source.text), source };
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    const row = Number.isFinite(position) ? source.text.slice(0, position).split("\n").length : undefined;
    throw new DataInputError({ file: name, row }, `not valid JSON: ${message}`);
  }
}

export const checksum = (s: SourceFile) => ({ file: s.name, sha256: s.sha256 });
