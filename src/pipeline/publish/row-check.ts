/**
 * Check published rows against their zod row schema, one row at a time, and
 * say exactly where a row fails: which dataset or file, which row (0-based
 * index in the JSON array), which column and which value.
 */
import type { z } from "zod";
import type { RowSchema } from "./dataset";

export class PublishedRowError extends Error {
  constructor(
    readonly where: string,
    readonly index: number,
    readonly column: string | undefined,
    readonly value: unknown,
    readonly problem: string,
  ) {
    super(`${where}, row index ${index}${column === undefined ? "" : `, column "${column}"`}, value ${JSON.stringify(value) ?? "undefined"}: ${problem}`);
    this.name = "PublishedRowError";
  }
}

/**
 * Parse every row; the first failure throws. With `exactKeys`, a row with a
 * column the schema does not know fails too (z.object would drop it silently).
 */
export function checkRows<S extends RowSchema>(schema: S, rows: readonly unknown[], where: string, exactKeys = false): Array<z.infer<S>> {
  const columns = Object.keys(schema.shape);
  const known = new Set(columns);
  const out: Array<z.infer<S>> = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const result = schema.safeParse(row);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const column = issue.path.length ? String(issue.path[0]) : undefined;
      const value = column !== undefined && row !== null && typeof row === "object" ? (row as Record<string, unknown>)[column] : row;
      throw new PublishedRowError(where, i, column, value, issue.message);
    }
    if (exactKeys && Object.keys(row as object).length !== columns.length) {
      const extra = Object.keys(row as object).find((k) => !known.has(k))!;
      throw new PublishedRowError(where, i, extra, (row as Record<string, unknown>)[extra], "not a column of this dataset");
    }
    out[i] = result.data as z.infer<S>;
  }
  return out;
}

/** How many distinct values per column the writer's check remembers (numbers can be a million distinct values). */
const REMEMBERED_VALUES = 10_000;

/**
 * checkRows for the writer, over the published cells (`cells[k](row)` is the
 * cell of column k, as cellReaders gives them) without building a copy of
 * each row, and checking each distinct value of a column once.
 *
 * Why this is the same check: for a z.object without object-level checks
 * (no refine on the object), a row of exactly the columns passes exactly when
 * each cell passes its column's schema, and the published row has exactly
 * the columns. A column's schema is a pure function of the value, so a
 * remembered answer for an equal primitive value is the answer (-0 is not
 * remembered, as a Map does not tell it from 0). The first failing row is
 * parsed again with the whole schema by checkRows, so the error names the
 * same row, column, value and problem. A schema with object-level checks
 * takes checkRows for every row.
 */
export function checkCells(schema: RowSchema, rows: readonly Record<string, unknown>[], cells: ReadonlyArray<(row: Record<string, unknown>) => unknown>, where: string): void {
  const columns = Object.keys(schema.shape);
  const published = (row: Record<string, unknown>) => Object.fromEntries(columns.map((c, k) => [c, cells[k]!(row)]));
  const throwIfRowFails = (i: number) => {
    try {
      checkRows(schema, [published(rows[i]!)], where);
    } catch (e) {
      if (e instanceof PublishedRowError) throw new PublishedRowError(e.where, i, e.column, e.value, e.problem);
      throw e;
    }
  };
  if (hasObjectChecks(schema)) {
    for (let i = 0; i < rows.length; i++) throwIfRowFails(i);
    return;
  }
  const passes = columns.map((c) => rememberingCheck(schema.shape[c] as z.ZodType));
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let k = 0; k < columns.length; k++) {
      if (!passes[k]!(cells[k]!(row))) {
        throwIfRowFails(i);
        // A column passed alone but not in its row: the two ways disagree, which must stop the write too.
        throw new PublishedRowError(where, i, columns[k], cells[k]!(row), "the value fails its column's schema but the row passes (a bug in the writer's check)");
      }
    }
  }
}

function hasObjectChecks(schema: RowSchema): boolean {
  const def = schema._zod.def as { checks?: unknown[] };
  return (def.checks?.length ?? 0) > 0;
}

function rememberingCheck(column: z.ZodType): (value: unknown) => boolean {
  const seen = new Map<unknown, boolean>();
  return (value) => {
    if (Object.is(value, -0)) return column.safeParse(value).success;
    let ok = seen.get(value);
    if (ok !== undefined) return ok;
    ok = column.safeParse(value).success;
    const primitive = value === null || (typeof value !== "object" && typeof value !== "function");
    if (primitive && seen.size < REMEMBERED_VALUES) seen.set(value, ok);
    return ok;
  };
}
