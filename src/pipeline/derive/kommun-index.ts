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

const SEX_SLOT: Readonly<Record<string, number>> = { T: 0, K: 1, M: 2 };

export interface KommunIndex {
  firstYear: number;
  /** The number of years from firstYear covered by each kommun's array. */
  span: number;
  /** code → values at (year − firstYear) · 3 + sex slot (T, K, M); NaN where none is published. */
  byCode: ReadonlyMap<string, Float64Array>;
  /** The distinct years and sexes of the kommun rows (including empty values), in the order they first appear. */
  years: readonly number[];
  sexes: readonly Sex[];
  /** The first kommun, year and sex given two non-empty values, if any: the aggregation refuses such a list. */
  duplicate: { code: string; year: number; sex: Sex } | null;
}

/** The value of a kommun, year and sex; NaN when there is none. */
export function valueAt(index: KommunIndex, row: Float64Array | undefined, year: number, sex: Sex): number {
  if (row === undefined) return NaN;
  const y = year - index.firstYear;
  if (!(y >= 0 && y < index.span)) return NaN;
  return row[y * 3 + SEX_SLOT[sex]!]!;
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
  let firstYear = Infinity;
  let lastYear = -Infinity;
  const years: number[] = [];
  const seenYears = new Set<number>();
  const sexes: Sex[] = [];
  for (const r of rows) {
    if (r.level !== undefined && r.level !== "kommun") continue;
    if (!Number.isInteger(r.year)) throw new Error(`kommunIndex: year ${r.year} of kommun ${r.code} is not a whole year`);
    if (SEX_SLOT[r.sex] === undefined) throw new Error(`kommunIndex: sex ${r.sex} of kommun ${r.code} is not T, K or M`);
    if (!seenYears.has(r.year)) {
      seenYears.add(r.year);
      years.push(r.year);
      if (r.year < firstYear) firstYear = r.year;
      if (r.year > lastYear) lastYear = r.year;
    }
    if (!sexes.includes(r.sex)) sexes.push(r.sex);
  }
  const span = years.length === 0 ? 0 : lastYear - firstYear + 1;
  const byCode = new Map<string, Float64Array>();
  // Which slots hold a value, to find a slot given twice even when the value itself is NaN.
  const filled = new Map<string, Uint8Array>();
  let duplicate: KommunIndex["duplicate"] = null;
  for (const r of rows) {
    if ((r.level !== undefined && r.level !== "kommun") || r.value === null) continue;
    let values = byCode.get(r.code);
    let has = filled.get(r.code);
    if (values === undefined || has === undefined) {
      byCode.set(r.code, (values = new Float64Array(span * 3).fill(NaN)));
      filled.set(r.code, (has = new Uint8Array(span * 3)));
    }
    const slot = (r.year - firstYear) * 3 + SEX_SLOT[r.sex]!;
    if (has[slot] === 1) duplicate ??= { code: r.code, year: r.year, sex: r.sex };
    has[slot] = 1;
    values[slot] = r.value;
  }
  return { firstYear: years.length === 0 ? 0 : firstYear, span, byCode, years, sexes, duplicate };
}
