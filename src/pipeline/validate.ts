import { z } from "zod";
import type { CsvRow, CsvTable } from "./csv";
import { DataInputError } from "./errors";

/**
 * Validate each CSV row against a zod schema. The first failing row stops the
 * run with a DataInputError naming file, row, column and value.
 */
export function validateRows<S extends z.ZodType>(schema: S, table: CsvTable): Array<z.output<S> & { row: number }> {
  return table.rows.map((row) => ({ ...(validateRow(schema, row, table.file) as object), row: row.row }) as z.output<S> & { row: number });
}

export function validateRow<S extends z.ZodType>(schema: S, row: CsvRow, file: string): z.output<S> {
  const result = schema.safeParse(row.values);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const column = issue.path.length ? String(issue.path[0]) : undefined;
  throw new DataInputError({ file, row: row.row, column, value: column ? row.values[column] : undefined }, issue.message);
}

/** Fail on the second row with the same key; name the key columns and both rows. */
export function assertUniqueKey<T extends { row: number }>(rows: readonly T[], key: readonly (keyof T & string)[], file: string): void {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const k = key.map((c) => String(r[c])).join("|");
    const first = seen.get(k);
    if (first !== undefined) {
      throw new DataInputError(
        { file, row: r.row, column: key.join("+"), value: k },
        `duplicate key: the same ${key.join(", ")} as row ${first}`,
      );
    }
    seen.set(k, r.row);
  }
}

// ---- Field parsers shared by every schema: codes are strings, numbers are point-decimal. ----

/** A number written with a decimal point; a decimal comma or thousands space is an error, not a guess. */
export const pointDecimal = z.string().transform((s, ctx) => {
  const t = s.trim();
  if (/^-?\d+,\d+$/.test(t)) {
    ctx.addIssue({ code: "custom", message: "decimal comma: numbers must use a decimal point" });
    return z.NEVER;
  }
  // No measured value needs more than 40 characters; a longer run of digits is a corrupt cell.
  if (t.length > MAX_NUMBER_CHARS) {
    ctx.addIssue({ code: "custom", message: `not a number: ${t.length} characters, at most ${MAX_NUMBER_CHARS}` });
    return z.NEVER;
  }
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) {
    ctx.addIssue({ code: "custom", message: "not a number" });
    return z.NEVER;
  }
  const n = Number(t);
  // 1e999 parses as Infinity, which a CSV would write as an empty cell that claims to be published.
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: "custom", message: "not a finite number (too large)" });
    return z.NEVER;
  }
  return n;
});

export const MAX_NUMBER_CHARS = 40;

/** As pointDecimal, but an empty cell is a missing value (null), never 0. */
export const optionalPointDecimal = z.string().transform((s, ctx) => {
  if (s.trim() === "") return null;
  const parsed = pointDecimal.safeParse(s);
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", message: parsed.error.issues[0]!.message });
    return z.NEVER;
  }
  return parsed.data;
});

/**
 * optionalPointDecimal's output for the cells a large value file is made of
 * ("", "12", "-0.5"), without zod: undefined for any other cell, which the
 * caller then parses with the schema itself. Such a cell has no space to trim,
 * no comma, at most MAX_NUMBER_CHARS characters and matches pointDecimal's
 * pattern, so optionalPointDecimal would return the same Number(cell), which is
 * finite (at most 40 digits).
 */
export function plainPointDecimal(cell: string): number | null | undefined {
  if (cell === "") return null;
  return cell.length <= MAX_NUMBER_CHARS && PLAIN_DECIMAL.test(cell) ? Number(cell) : undefined;
}
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

export const kommunkod = z.string().regex(/^\d{4}$/, "kommunkod must be 4 digits as a string, e.g. 0114");
export const lanskod = z.string().regex(/^\d{2}$/, "länskod must be 2 digits as a string, e.g. 01");

export const yearIn = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{4}$/, "year must be 4 digits")
    .transform(Number)
    .refine((y) => y >= min && y <= max, `year out of range ${min}–${max}`);

export const nonEmpty = z.string().trim().min(1, "must not be empty");

/** A name (kommun, län, förbund): non-empty and at most 200 characters, so a corrupt cell fails here, named, not later. */
export const MAX_NAME_CHARS = 200;
export const name = nonEmpty.max(MAX_NAME_CHARS, `longer than ${MAX_NAME_CHARS} characters: not a name`);

/**
 * A web address that parses as an http(s) URL and holds only the characters
 * RFC 3986 allows (no quotes, angle brackets, spaces or backslashes), so it
 * can never close an HTML attribute even where escaping were forgotten.
 */
export function httpUrlProblem(s: string): string | null {
  if (!/^https?:\/\//i.test(s)) return "a URL must start with http:// or https://";
  if (!/^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/.test(s)) return "a URL may only hold the characters RFC 3986 allows (no quotes, <, >, spaces)";
  try {
    const url = new URL(s);
    if (url.hostname === "") return "a URL needs a host";
  } catch {
    return "not a URL that parses";
  }
  return null;
}

/** An http(s) URL (see httpUrlProblem), or empty where a source has none. */
export const optionalHttpUrl = z.string().superRefine((s, ctx) => {
  const problem = s === "" ? null : httpUrlProblem(s);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
