/**
 * Förbund ranked by each indicator in one year, for the year pages: only
 * förbund with a value that year, highest first, with the change since the
 * year before. A förbund's area is its members that year, so a change can
 * also come from a change of members; the table marks both that and years
 * whose membership rests on date bounds.
 */
import { measure, type Measure } from "../measures";
import { foerbund, foerbundValuesByKpi, foerbundYears } from "./model";
import { rankFoerbund, type RankInput, type RankRow } from "./ranking";

/** The measures ranked on a year page, in this order. */
export const RANKED_MEASURES = ["ohalsotal", "sjukpenningtal", "arbetsloshet", "ekonomiskt-bistand", "unga-utanfor"] as const;

export interface YearRanking {
  measure: Measure;
  year: number;
  rows: RankRow[];
  boundedCount: number;
}

function inputsFor(m: Measure, year: number): RankInput[] {
  const out: RankInput[] = [];
  for (const [id, years] of foerbundValuesByKpi(m.kpi!)) {
    const row = years.get(year);
    if (!row) continue;
    const prev = years.get(year - 1);
    out.push({
      id,
      name: foerbund(id).name,
      value: row.value,
      membership: row.membership,
      members: row.members,
      previous: prev ? { value: prev.value, members: prev.members } : null,
      href: foerbundYears(id).includes(year) ? `/forbund/${id}/${year}/` : null,
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
