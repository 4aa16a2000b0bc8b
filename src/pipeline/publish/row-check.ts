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
