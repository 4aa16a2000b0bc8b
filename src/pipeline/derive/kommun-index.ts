/**
 * One KPI's (or one weight's) kommun values as numbers per kommun, read by
 * every aggregation of the build. At 100 KPIs the same 1.8 million values were
 * indexed again by each step (the län/riket check, the förbund areas, the
 * with/without groups) under `${code}|${year}|${sex}` string keys, which was
 * most of the derive step's time and garbage. Here each list is indexed once:
 * per kommun a Float64Array by (year, sex), NaN where there is no value.
 */
import type { Sex } from "../schema";

/** The fields an index reads; rows with a level other than kommun are left out (a KommunValue has no level). */
export interface IndexableValue {
  level?: string;
  code: string;
  year: number;
  sex: Sex;
  value: number | null;
}

/** T, K, M → 0, 1, 2; −1 for anything else. Compared, not looked up in an object: a loaded string is often not internalized, and a keyed lookup would internalize it on every row. */
const sexSlot = (sex: string): number => (sex === "T" ? 0 : sex === "K" ? 1 : sex === "M" ? 2 : -1);

export interface KommunIndex {
  firstYear: number;
  /** The number of years from firstYear covered by each kommun's array. */
  span: number;
  /** code → values at (year − firstYear) · 3 + sex slot (T, K, M); NaN where none is published. */
  byCode: ReadonlyMap<string, Float64Array>;
  /** The distinct years of the kommun rows (including empty values), ascending, and their sexes in the order they first appear. */
  years: readonly number[];
  sexes: readonly Sex[];
  /** The first kommun, year and sex given two non-empty values, if any: the aggregation refuses such a list. */
  duplicate: { code: string; year: number; sex: Sex } | null;
}

/** Where a year and sex sit in each kommun's array of this index; −1 when the index holds no such year or sex. */
export function slotOf(index: KommunIndex, year: number, sex: Sex): number {
  const y = year - index.firstYear;
  const s = sexSlot(sex);
  return Number.isInteger(y) && y >= 0 && y < index.span && s >= 0 ? y * 3 + s : -1;
}

/** The value in a kommun's array at a slot from slotOf; NaN when there is none. */
export function valueAt(row: Float64Array | undefined, slot: number): number {
  return row === undefined || slot < 0 ? NaN : row[slot]!;
}

// A list's index is kept while the list lives. Every list indexed is a loaded or derived one that is never changed
// afterwards (they are readonly throughout); a changed length still rebuilds the index, as a cheap guard.
const cache = new WeakMap<readonly IndexableValue[], { length: number; index: KommunIndex }>();

export function kommunIndex(rows: readonly IndexableValue[]): KommunIndex {
  const hit = cache.get(rows);
  if (hit && hit.length === rows.length) return hit.index;
  const index = buildIndex(rows);
  cache.set(rows, { length: rows.length, index });
  return index;
}

function buildIndex(rows: readonly IndexableValue[]): KommunIndex {
  // First the span of years, then one array per kommun over it.
  let firstYear = Infinity;
  let lastYear = -Infinity;
  const sexes: Sex[] = [];
  for (const r of rows) {
    if (r.level !== undefined && r.level !== "kommun") continue;
    if (!Number.isInteger(r.year)) throw new Error(`kommunIndex: year ${r.year} of kommun ${r.code} is not a whole year`);
    if (sexSlot(r.sex) < 0) throw new Error(`kommunIndex: sex ${r.sex} of kommun ${r.code} is not T, K or M`);
    if (r.year < firstYear) firstYear = r.year;
    if (r.year > lastYear) lastYear = r.year;
    if (sexes.length < 3 && !sexes.includes(r.sex)) sexes.push(r.sex);
  }
  if (sexes.length === 0) return { firstYear: 0, span: 0, byCode: new Map(), years: [], sexes, duplicate: null };
  const span = lastYear - firstYear + 1;
  const yearSeen = new Uint8Array(span);
  // Per kommun its values and which slots hold one, to find a slot given twice even when the value itself is NaN.
  const byCode = new Map<string, Float64Array>();
  const filled = new Map<string, Uint8Array>();
  let last: { code: string; values: Float64Array; has: Uint8Array } | null = null;
  let duplicate: KommunIndex["duplicate"] = null;
  for (const r of rows) {
    if (r.level !== undefined && r.level !== "kommun") continue;
    const y = r.year - firstYear;
    yearSeen[y] = 1;
    if (r.value === null) continue;
    // Rows come grouped by kommun, so the previous row's arrays are usually the ones.
    if (last === null || last.code !== r.code) {
      let values = byCode.get(r.code);
      let has = filled.get(r.code);
      if (values === undefined || has === undefined) {
        byCode.set(r.code, (values = new Float64Array(span * 3).fill(NaN)));
        filled.set(r.code, (has = new Uint8Array(span * 3)));
      }
      last = { code: r.code, values, has };
    }
    const slot = y * 3 + sexSlot(r.sex);
    if (last.has[slot] === 1) duplicate ??= { code: r.code, year: r.year, sex: r.sex };
    last.has[slot] = 1;
    last.values[slot] = r.value;
  }
  const years: number[] = [];
  for (let y = 0; y < span; y++) if (yearSeen[y] === 1) years.push(firstYear + y);
  return { firstYear, span, byCode, years, sexes, duplicate };
}
