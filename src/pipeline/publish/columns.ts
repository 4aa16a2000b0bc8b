/**
 * Column schemas of published rows, shared by the row schemas under
 * datasets/. They describe JSON as written: a missing number is null, a
 * missing text is "" (see write.ts), codes are strings. No transforms, so the
 * writer and readPublished check exactly the same values.
 */
import { z } from "zod";
import { FIRST_YEAR, LAST_YEAR } from "../indicators";
import { kommunkod, lanskod } from "../validate";

export { kommunkod, lanskod };
export const text = z.string();
/** Text that must be there (names, ids, sources). */
export const nonEmptyText = z.string().min(1);
export const year = z.number().int().min(FIRST_YEAR).max(LAST_YEAR);
export const count = z.number().int().nonnegative();
export const number = z.number();
/** A measured value: null where it is missing (a status says why), never 0 in its place. */
export const optionalNumber = z.number().nullable();
export const optionalCount = count.nullable();
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "not a lowercase slug");
export const kpi = z.string().regex(/^[NU]\d{5}$/, "not a Kolada KPI id");
/** riket 00, län 2 digits, kommun 4 digits. */
export const areaCode = z.string().regex(/^\d{2}(\d{2})?$/, "not an area code");
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "not an ISO day (YYYY-MM-DD)");
/** An ISO day, or "" where the bound is open. */
export const optionalIsoDay = z.union([z.literal(""), isoDay]);
/** Semicolon-separated list in one cell; "" = none. */
export const list = z.string();
