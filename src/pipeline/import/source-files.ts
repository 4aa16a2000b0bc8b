import { createHash } from "node:crypto";
import { decodeUtf8, parseCsv, requireColumns, type CsvTable } from "../csv";
import { DataInputError } from "../errors";
import { parseJson, readRegularFile } from "../files";

/** A source file as read: its text, its checksum (recorded in provenance), and its name relative to --from. */
export interface SourceFile {
  name: string;
  text: string;
  sha256: string;
}

export function readSourceFile(root: string, name: string, expectedColumns: readonly string[] = []): SourceFile {
  const bytes = readRegularFile(root, name, name, `source file not found under ${root}`);
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
  return { json: parseJson(source.text, name), source };
}

export const checksum = (s: SourceFile) => ({ file: s.name, sha256: s.sha256 });
