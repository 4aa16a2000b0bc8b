/**
 * Read a published dataset back (public/data/<name>.json) with its row
 * schema: the site's one way to load data, so a page never sees a row the
 * pipeline would not have written.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PUBLISHED_SCHEMAS, type PublishedName, type PublishedRow } from "./datasets";
import { checkRows, PublishedRowError } from "./row-check";

/**
 * Every row of `<dir>/<name>.json`, checked against the dataset's schema. A
 * failing row throws a PublishedRowError naming the file, the row index
 * (0-based, as in the JSON array), the column and the value.
 */
export function readPublished<N extends PublishedName>(dir: string, name: N): PublishedRow<N>[] {
  const file = join(dir, `${name}.json`);
  const rows: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (!Array.isArray(rows)) throw new PublishedRowError(file, 0, undefined, typeof rows, "expected a JSON array of rows");
  return checkRows(PUBLISHED_SCHEMAS[name], rows, file, true) as PublishedRow<N>[];
}
