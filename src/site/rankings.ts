/**
 * Förbund ranked by an indicator in one year, for the year pages: only
 * förbund with a value that year, highest first, with the change since the
 * year before. A förbund's area is its members that year, so a change can
 * also come from a change of members; the table marks both that and years
 * whose membership rests on date bounds.
 */
import { foerbundMemberYears, foerbundName, foerbundValuesByKpi, type FoerbundValueRow } from "./data";
import { measure, type Measure } from "./measures";

/** The measures ranked on a year page, in this order. */
export const RANKED_MEASURES = ["ohalsotal", "sjukpenningtal", "arbetsloshet", "ekonomiskt-bistand", "unga-utanfor"] as const;

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
  /** Current − previous, on the rounded values shown; null when either is missing. */
  change: number | null;
  /** At least one member that year is only possible (a date bound from a snapshot). */
  bounded: boolean;
  /** The number of members differs from the year before: the change compares different areas. */
  membersChanged: boolean;
}

const roundTo = (v: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
};

/**
 * Rank by the value as shown (rounded to the measure's decimals), highest
 * first; equal shown values share a rank ("1, 2, 2, 4"); ties are listed by name.
 */
export function rankFoerbund(inputs: readonly RankInput[], decimals: number): RankRow[] {
  const collator = new Intl.Collator("sv");
  const withValue = inputs
    .filter((i): i is RankInput & { value: number } => i.value !== null && Number.isFinite(i.value))
    .map((i) => ({ ...i, shown: roundTo(i.value, decimals) }))
    .sort((a, b) => b.shown - a.shown || collator.compare(a.name, b.name));
  let lastShown = NaN;
  let lastRank = 0;
  return withValue.map((i, n) => {
    const rank = i.shown === lastShown ? lastRank : n + 1;
    lastShown = i.shown;
    lastRank = rank;
    const prev = i.previous?.value;
    const change = prev === null || prev === undefined || !Number.isFinite(prev) ? null : roundTo(i.shown - roundTo(prev, decimals), decimals);
    return {
      rank,
      id: i.id,
      name: i.name,
      href: i.href,
      value: i.value,
      change,
      bounded: i.membership === "bounded",
      membersChanged: i.previous !== null && i.previous.members !== i.members,
    };
  });
}

export interface YearRanking {
  measure: Measure;
  year: number;
  rows: RankRow[];
  boundedCount: number;
}

function inputsFor(m: Measure, year: number): RankInput[] {
  const byId = foerbundValuesByKpi(m.kpi!);
  const out: RankInput[] = [];
  for (const [id, years] of byId) {
    const row: FoerbundValueRow | undefined = years.get(year);
    if (!row) continue;
    const prev = years.get(year - 1);
    out.push({
      id,
      name: foerbundName(id) ?? id,
      value: row.value,
      membership: row.membership,
      members: row.members,
      previous: prev ? { value: prev.value, members: prev.members } : null,
      href: foerbundMemberYears(id).has(year) ? `/forbund/${id}/${year}/` : null,
    });
  }
  return out;
}

/** The year's ranking for each ranked measure; a measure without values that year has no rows. */
export function yearRankings(year: number): YearRanking[] {
  return RANKED_MEASURES.map((slug) => {
    const m = measure(slug);
    const rows = rankFoerbund(inputsFor(m, year), m.decimals);
    return { measure: m, year, rows, boundedCount: rows.filter((r) => r.bounded).length };
  });
}
