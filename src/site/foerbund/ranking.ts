/**
 * Ranking förbund by an indicator: one rule for the year pages' tables and
 * for a single förbund's "plats 12 av 74". Values are compared as shown
 * (rounded half up to the measure's decimals), so two "26,8" never get
 * different places; the highest value is place 1, and equal shown values
 * share a place ("standard competition": 1, 2, 2, 4). Missing values are
 * left out of both the places and the total. Pure module.
 */
import { roundHalfUp } from "../format";
import { differenceOf } from "./stats";

export interface RankInput {
  id: string;
  name: string;
  value: number | null;
  membership: "certain" | "bounded";
  members: number;
  /** The same förbund the year before; null when it has no row then. */
  previous: { value: number | null; members: number } | null;
  /** Link to the förbund's page for the year, or null when that page does not exist. */
  href: string | null;
}

export interface RankRow {
  rank: number;
  id: string;
  name: string;
  href: string | null;
  value: number;
  /** Current − previous of the unrounded values (shown rounded); null when either is missing. */
  change: number | null;
  /** At least one member that year is only possible (a date bound from a snapshot). */
  bounded: boolean;
  /** The number of members differs from the year before: the change compares different areas. */
  membersChanged: boolean;
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

/**
 * The places of `items` with a value, highest shown value first; ties listed
 * by `order`. The one ranking rule of the site.
 */
export function rankByShownValue<T extends { value: number | null }>(items: readonly T[], decimals: number, order: (a: T, b: T) => number = () => 0): Array<{ item: T & { value: number }; rank: number; shown: number }> {
  const ranked = items
    .filter((i): i is T & { value: number } => usable(i.value))
    .map((item) => ({ item, shown: roundHalfUp(item.value, decimals), rank: 0 }))
    .sort((a, b) => b.shown - a.shown || order(a.item, b.item));
  ranked.forEach((r, n) => (r.rank = n > 0 && ranked[n - 1]!.shown === r.shown ? ranked[n - 1]!.rank : n + 1));
  return ranked;
}

/** The year page's table: every förbund with a value, with its change since the year before. */
export function rankFoerbund(inputs: readonly RankInput[], decimals: number): RankRow[] {
  const collator = new Intl.Collator("sv");
  return rankByShownValue(inputs, decimals, (a, b) => collator.compare(a.name, b.name)).map(({ item: i, rank }) => {
    const prev = i.previous?.value;
    return {
      rank,
      id: i.id,
      name: i.name,
      href: i.href,
      value: i.value,
      change: usable(prev) ? differenceOf(i.value, prev) : null,
      bounded: i.membership === "bounded",
      membersChanged: i.previous !== null && i.previous.members !== i.members,
    };
  });
}

/** The place of `id` among `values`; null when it has no value. */
export function rankOf(values: ReadonlyArray<{ id: string; value: number | null }>, id: string, decimals: number): Rank | null {
  const ranked = rankByShownValue(values, decimals);
  const own = ranked.find((r) => r.item.id === id);
  if (!own) return null;
  return { rank: own.rank, of: ranked.length, tiedWith: ranked.filter((r) => r.shown === own.shown).length - 1 };
}

/** "plats 12 av 74", "högst av 74", "lägst av 74", with "delad" for ties (places count from the highest value). */
export function rankInWords(r: Rank): string {
  const shared = r.tiedWith > 0 ? " (delad)" : "";
  if (r.of === 1) return "enda förbundet med värde";
  if (r.rank === 1) return `högst av ${r.of}${shared}`;
  if (r.rank + r.tiedWith === r.of) return `lägst av ${r.of}${shared}`;
  return `plats ${r.rank} av ${r.of}${shared}`;
}
