/**
 * Year-page arithmetic for förbund areas: change since the previous year and
 * how a value compares with its län and riket, at the shown precision (ranks
 * are ranking.ts). Pure module, tested in test/site-foerbund/.
 */
import { formatNumber, roundHalfUp } from "../format";

const usable = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/**
 * a − b without binary noise (30.45 − 30 is 0.4500000000000028 in floating
 * point), so that rounding the difference half up gives what a reader gets
 * from the printed values' decimals. Twelve significant digits is far more
 * than any published value carries.
 */
export function differenceOf(a: number, b: number): number {
  return Number((a - b).toPrecision(12));
}

export interface YearValue {
  year: number;
  value: number | null;
}

export interface Change {
  year: number;
  previousYear: number;
  value: number;
  previous: number;
  /** value − previous, in the measure's unit. */
  change: number;
}

/**
 * The change from the year before `year`. Only the immediately preceding year
 * counts: if either year lacks a value there is no change (null), never a
 * change from an older year or from zero.
 */
export function changeSincePrevious(points: readonly YearValue[], year: number): Change | null {
  const now = points.find((p) => p.year === year);
  const before = points.find((p) => p.year === year - 1);
  if (!now || !before || !usable(now.value) || !usable(before.value)) return null;
  return { year, previousYear: year - 1, value: now.value, previous: before.value, change: differenceOf(now.value, before.value) };
}

/** "+1,2", "−0,4", "±0,0" at the shown precision. */
export function signedNumber(change: number, decimals: number): string {
  const r = roundHalfUp(change, decimals);
  if (r === 0) return `±${formatNumber(0, decimals)}`;
  return r > 0 ? `+${formatNumber(r, decimals)}` : formatNumber(r, decimals);
}

/** "högre än", "lägre än" or "samma som", at the shown precision. */
export function compareWord(a: number, b: number, decimals: number): "högre än" | "lägre än" | "samma som" {
  const x = roundHalfUp(a, decimals);
  const y = roundHalfUp(b, decimals);
  return x > y ? "högre än" : x < y ? "lägre än" : "samma som";
}

/** Two member lists differ (a change in value may then be a change of area). */
export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}
