/**
 * Write one dataset as CSV and JSON, after checking that its schema, its
 * fields and its rows agree: a disagreement is a bug in the pipeline, and a
 * datapackage that lies about its files is worse than no build.
 */
import type { FileContent, FileTree } from "../atomic";
import { formatCsvChunks } from "../csv";
import type { Dataset } from "./dataset";
import { checkRows, PublishedRowError } from "./row-check";

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

/**
 * A dataset's CSV and JSON. Every row is checked against the schema here,
 * before anything is written; the text itself is made chunk by chunk while
 * the file is written (atomic.ts), so at 100 KPIs the whole output is never
 * in memory at once. The chunks are exactly formatCsvChunks(columns,
 * publishedRows(d), …, true) and jsonArrayChunks(publishedRows(d)) joined.
 */
export function datasetFiles(d: Dataset): FileTree {
  checkSchemaMatchesFields(d);
  const columns = d.fields.map((f) => f.name);
  // The array as it is now: a later push must not reach the files after the rows were checked.
  const rows = d.rows.slice();
  checkPublishedRows(d, columns, rows);
  return new Map<string, FileContent>([
    [`${d.name}.csv`, reiterable(() => csvChunks(columns, rows))],
    [`${d.name}.json`, reiterable(() => jsonChunks(columns, rows))],
  ]);
}

const CHUNK_ROWS = 20_000;

/** checkRows over publishedRows(d), a slice at a time so the copies never pile up; the index is the row's in the whole dataset. */
function checkPublishedRows(d: Dataset, columns: readonly string[], rows: readonly Record<string, unknown>[]): void {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const slice = rows.slice(i, i + CHUNK_ROWS).map((r) => publishedRow(r, columns));
    try {
      checkRows(d.schema, slice, `dataset ${d.name}`);
    } catch (e) {
      if (e instanceof PublishedRowError) throw new PublishedRowError(e.where, e.index + i, e.column, e.value, e.problem);
      throw e;
    }
  }
}

const publishedRow = (r: Record<string, unknown>, columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null]));

/** An iterable that runs `make` afresh each time, so the same chunks can be written, hashed or joined more than once. */
function reiterable(make: () => Iterable<string>): Iterable<string> {
  return { [Symbol.iterator]: () => make()[Symbol.iterator]() };
}

/** The CSV: formatCsvChunks reads each column as row[c], and an absent property and null both give an empty cell, as in publishedRows. */
function* csvChunks(columns: readonly string[], rows: readonly Record<string, unknown>[]): Generator<string> {
  yield formatCsvChunks(columns, [], CHUNK_ROWS, true)[0]!;
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) yield formatCsvChunks(columns, rows.slice(i, i + CHUNK_ROWS), Infinity, true)[1] ?? "";
}

/**
 * The JSON, as jsonArrayChunks(publishedRows(d)) but without building the
 * copies: JSON.stringify of an object is "{", then "key":value for each own
 * property in order, joined by ",", then "}", where value is what
 * JSON.stringify gives for that value alone (an absent property becomes
 * null, as publishedRows makes it). Property order is insertion order except
 * for array-index names, which come first: a dataset with such a column
 * (or with no column) takes the plain way.
 */
function* jsonChunks(columns: readonly string[], rows: readonly Record<string, unknown>[]): Generator<string> {
  if (columns.length === 0 || columns.some((c) => /^(0|[1-9]\d*)$/.test(c))) {
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) yield jsonChunk(i, rows.slice(i, i + CHUNK_ROWS).map((r) => JSON.stringify(publishedRow(r, columns))));
  } else {
    const keys = columns.map((c, k) => (k === 0 ? "{" : ",") + JSON.stringify(c) + ":");
    const rowJson = (r: Record<string, unknown>): string => {
      let out = "";
      for (let k = 0; k < columns.length; k++) out += keys[k] + JSON.stringify(r[columns[k]!] ?? null);
      return out + "}";
    };
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) yield jsonChunk(i, rows.slice(i, i + CHUNK_ROWS).map(rowJson));
  }
  yield rows.length === 0 ? "[]\n" : "]\n";
}

const jsonChunk = (start: number, rowTexts: string[]) => (start === 0 ? "[" : ",") + rowTexts.join(",");

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
