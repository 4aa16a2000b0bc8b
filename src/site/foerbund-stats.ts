/**
 * Year-page arithmetic for förbund areas: ranks among förbund, change since
 * the previous year, and how a value compares with its län and riket.
 * Pure module, tested in test/site-foerbund/.
 */
import { formatNumber } from "./format";

export interface RankInput {
  id: string;
  value: number | null;
}

export interface Rank {
  /** 1 = the highest value. Equal values (at the shown precision) share a rank. */
  rank: number;
  /** Number of förbund with a value (the others are not ranked). */
  of: number;
  /** How many other förbund have the same value (at the shown precision). */
  tiedWith: number;
}

const usable = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

/** Round for comparison the way the number is shown, so two "26,8" never get different ranks. */
function shown(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/**
 * Rank `id` among `values`, highest first ("standard competition" ranking:
 * 1, 2, 2, 4). Missing values are excluded from both the rank and the total;
 * an id without a value gets null.
 */
export function rankOf(values: readonly RankInput[], id: string, decimals: number): Rank | null {
  const own = values.find((v) => v.id === id);
  if (!own || !usable(own.value)) return null;
  const mine = shown(own.value, decimals);
  const all = values.filter((v) => usable(v.value)).map((v) => shown(v.value!, decimals));
  const higher = all.filter((v) => v > mine).length;
  const equal = all.filter((v) => v === mine).length;
  return { rank: higher + 1, of: all.length, tiedWith: equal - 1 };
}

/** "plats 12 av 74", "högst av 74", "lägst av 74", with "delad" for ties (places count from the highest value). */
export function rankInWords(r: Rank): string {
  const shared = r.tiedWith > 0 ? " (delad)" : "";
  if (r.of === 1) return "enda förbundet med värde";
  if (r.rank === 1) return `högst av ${r.of}${shared}`;
  if (r.rank + r.tiedWith === r.of) return `lägst av ${r.of}${shared}`;
  return `plats ${r.rank} av ${r.of}${shared}`;
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
  return { year, previousYear: year - 1, value: now.value, previous: before.value, change: now.value - before.value };
}

/** "+1,2", "−0,4", "±0,0" at the shown precision. */
export function signedNumber(change: number, decimals: number): string {
  const r = shown(change, decimals);
  if (r === 0) return `±${formatNumber(0, decimals)}`;
  return r > 0 ? `+${formatNumber(r, decimals)}` : formatNumber(r, decimals);
}

/** "högre än", "lägre än" or "samma som", at the shown precision. */
export function compareWord(a: number, b: number, decimals: number): "högre än" | "lägre än" | "samma som" {
  const x = shown(a, decimals);
  const y = shown(b, decimals);
  return x > y ? "högre än" : x < y ? "lägre än" : "samma som";
}

/** Two member lists differ (a change in value may then be a change of area). */
export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}
