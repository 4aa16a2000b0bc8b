/**
 * Write one dataset as CSV and JSON, after checking that its schema, its
 * fields and its rows agree: a disagreement is a bug in the pipeline, and a
 * datapackage that lies about its files is worse than no build.
 */
import type { FileTree } from "../atomic";
import { formatCsvChunks } from "../csv";
import type { Dataset } from "./dataset";
import { checkRows } from "./row-check";

/**
 * The schema's columns are the fields, in order, and a field's enum lists
 * exactly the schema's options. (A schema may check an enum the datapackage
 * does not declare, as for med-och-utan-forbund's group.)
 */
export function checkSchemaMatchesFields(d: Dataset): void {
  const columns = Object.keys(d.schema.shape);
  const names = d.fields.map((f) => f.name);
  if (columns.join(",") !== names.join(",")) throw new Error(`dataset ${d.name}: schema columns ${columns.join(",")} differ from fields ${names.join(",")}`);
  for (const f of d.fields) {
    const options = enumOptions(d.schema.shape[f.name]);
    if (f.enum && (options ?? []).join("|") !== f.enum.join("|"))
      throw new Error(`dataset ${d.name}, column "${f.name}": field enum ${f.enum?.join("|") ?? "(none)"} differs from schema enum ${options?.join("|") ?? "(none)"}`);
  }
}

/** The options of a z.enum column, or undefined for any other column. */
function enumOptions(column: unknown): readonly string[] | undefined {
  const options = (column as { options?: unknown }).options;
  return Array.isArray(options) && options.every((o) => typeof o === "string") ? options : undefined;
}

/** Exactly the written rows: the dataset's columns in order, a missing property as null. */
export function publishedRows(d: Dataset): Record<string, unknown>[] {
  const columns = d.fields.map((f) => f.name);
  return d.rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
}

export function datasetFiles(d: Dataset): FileTree {
  checkSchemaMatchesFields(d);
  const rows = publishedRows(d);
  checkRows(d.schema, rows, `dataset ${d.name}`);
  const columns = d.fields.map((f) => f.name);
  return new Map([
    [`${d.name}.csv`, formatCsvChunks(columns, rows, undefined, true)],
    [`${d.name}.json`, jsonArrayChunks(rows)],
  ]);
}

/** Exactly JSON.stringify(rows) + "\n", built in chunks so no single string grows past V8's limit. */
export function jsonArrayChunks(rows: readonly unknown[], rowsPerChunk = 20_000): string[] {
  if (rows.length === 0) return ["[]\n"];
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += rowsPerChunk) {
    const body = rows.slice(i, i + rowsPerChunk).map((r) => JSON.stringify(r)).join(",");
    chunks.push((i === 0 ? "[" : ",") + body);
  }
  chunks.push("]\n");
  return chunks;
}
