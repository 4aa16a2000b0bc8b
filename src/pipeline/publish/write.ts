/**
 * Write one dataset as CSV and JSON, after checking that its schema, its
 * fields and its rows agree: a disagreement is a bug in the pipeline, and a
 * datapackage that lies about its files is worse than no build.
 */
import type { FileContent, FileTree } from "../atomic";
import { csvCell, csvHeader } from "../csv";
import { cellReaders, type Dataset } from "./dataset";
import { checkCells } from "./row-check";

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

/** Exactly the written rows: the dataset's columns in order, computed ones computed, a missing property as null. */
export function publishedRows(d: Dataset): Record<string, unknown>[] {
  const columns = d.fields.map((f) => f.name);
  const cells = cellReaders(d);
  return d.rows.map((r) => Object.fromEntries(columns.map((c, k) => [c, cells[k]!(r)])));
}

/**
 * A dataset's CSV and JSON. Every row is checked against the schema here,
 * before anything is written; the text itself is made chunk by chunk while
 * the file is written (atomic.ts), so at 100 KPIs the whole output is never
 * in memory at once. The chunks are exactly formatCsvChunks(columns,
 * publishedRows(d), …, true) and JSON.stringify(publishedRows(d)) + "\n"
 * joined, made from the cells without the copies.
 */
export function datasetFiles(d: Dataset): FileTree {
  checkSchemaMatchesFields(d);
  const columns = d.fields.map((f) => f.name);
  const cells = cellReaders(d);
  // The array as it is now: a later push must not reach the files after the rows were checked.
  const rows = d.rows.slice();
  checkCells(d.schema, rows, cells, `dataset ${d.name}`);
  return new Map<string, FileContent>([
    [`${d.name}.csv`, reiterable(() => csvChunks(columns, cells, rows))],
    [`${d.name}.json`, reiterable(() => jsonChunks(columns, cells, rows))],
  ]);
}

/** Rows per written chunk: small enough that a chunk's text (and the pieces it is joined from) dies young, which spares the garbage collector most of its work. */
const CHUNK_ROWS = 1_000;

type Cell = (row: Record<string, unknown>) => unknown;

/** An iterable that runs `make` afresh each time, so the same chunks can be written, hashed or joined more than once. */
function reiterable(make: () => Iterable<string>): Iterable<string> {
  return { [Symbol.iterator]: () => make()[Symbol.iterator]() };
}

/** The CSV, as formatCsvChunks(columns, publishedRows(d), CHUNK_ROWS, true): the same header and csvCell per cell. */
function* csvChunks(columns: readonly string[], cells: readonly Cell[], rows: readonly Record<string, unknown>[]): Generator<string> {
  yield csvHeader(columns);
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    let text = "";
    for (let r = i; r < Math.min(rows.length, i + CHUNK_ROWS); r++) {
      const row = rows[r]!;
      for (let k = 0; k < cells.length; k++) text += (k === 0 ? "" : ",") + csvCell(cells[k]!(row), true);
      text += "\n";
    }
    yield text;
  }
}

/**
 * The JSON, as JSON.stringify(publishedRows(d)) + "\n" but without building
 * the copies: JSON.stringify of an object is "{", then "key":value for each
 * own property in order, joined by ",", then "}", where value is what
 * JSON.stringify gives for that value alone. Property order is insertion
 * order except for array-index names, which come first: a dataset with such
 * a column (or with no column) takes the plain way.
 */
function* jsonChunks(columns: readonly string[], cells: readonly Cell[], rows: readonly Record<string, unknown>[]): Generator<string> {
  if (columns.length === 0 || columns.some((c) => /^(0|[1-9]\d*)$/.test(c))) {
    const published = (r: Record<string, unknown>) => Object.fromEntries(columns.map((c, k) => [c, cells[k]!(r)]));
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) yield (i === 0 ? "[" : ",") + rows.slice(i, i + CHUNK_ROWS).map((r) => JSON.stringify(published(r))).join(",");
  } else {
    const keys = columns.map((c, k) => (k === 0 ? "{" : ",") + JSON.stringify(c) + ":");
    const values = columns.map(() => jsonValue());
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
      let text = i === 0 ? "[" : ",";
      for (let r = i; r < Math.min(rows.length, i + CHUNK_ROWS); r++) {
        const row = rows[r]!;
        if (r > i) text += ",";
        for (let k = 0; k < cells.length; k++) text += keys[k]! + values[k]!(cells[k]!(row));
        text += "}";
      }
      yield text;
    }
  }
  yield rows.length === 0 ? "[]\n" : "]\n";
}

/** How many distinct texts per column jsonValue remembers. */
const REMEMBERED_TEXTS = 10_000;

/**
 * JSON.stringify of one cell, for a column: a finite number's JSON is its
 * String (-0 included: both give "0"), null is "null", and a column's texts
 * repeat (codes, names, statuses), so each distinct text is stringified once.
 */
function jsonValue(): (value: unknown) => string {
  const texts = new Map<string, string>();
  return (value) => {
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    if (value === null) return "null";
    if (typeof value !== "string") return JSON.stringify(value);
    let json = texts.get(value);
    if (json === undefined) {
      json = JSON.stringify(value);
      if (texts.size < REMEMBERED_TEXTS) texts.set(value, json);
    }
    return json;
  };
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
