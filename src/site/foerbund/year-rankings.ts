/**
 * Förbund ranked by each indicator in one year, for the year pages: only
 * förbund with a value that year, highest first, with the change since the
 * year before. A förbund's area is its members that year, so a change can
 * also come from a change of members; the table marks both that and years
 * whose membership rests on date bounds.
 */
import { coverageYears, memberYearRows, publishedComparisons, registrySource } from "../data";
import { formatNumber } from "../format";
import { measure, type Measure } from "../measures";
import { publishedText } from "./coverage";
import { foerbundNameInYear, foerbundValuesByKpi, foerbundYears } from "./model";
import { rankFoerbund, type RankInput, type RankRow } from "./ranking";

/** The measures ranked on a year page, in this order. */
export const RANKED_MEASURES = ["ohalsotal", "sjukpenningtal", "arbetsloshet", "ekonomiskt-bistand", "unga-utanfor"] as const;

export interface YearRanking {
  measure: Measure;
  year: number;
  rows: RankRow[];
  boundedCount: number;
  /** How many förbund and kommuner the ranking covers, beside the registry's range and the published national count. */
  countNote: string;
}

export interface CountInputs {
  year: number;
  rankedIds: readonly string[];
  /** Whole-kommun members on 31 December of the year: förbund id and kommunkod. */
  members: ReadonlyArray<{ foerbund_id: string; member_code: string; stadsdel: string }>;
  registry: { certain: number; possible: number } | null;
  /** The published national förbund count for the year (the last of the year), if any. */
  published: { value: number; qualifier: string; citation: string } | null;
}

/**
 * The ranking's coverage in words: förbund ranked, kommuner in their areas
 * (each counted once; a kommun that may have changed förbund during an
 * undated succession is named as such), the registry's förbund count that
 * day and the published national count. Pure.
 */
export function rankingCountNote(c: CountInputs): string {
  const ranked = new Set(c.rankedIds);
  const areasOf = new Map<string, Set<string>>();
  for (const m of c.members) {
    if (m.stadsdel !== "" || !ranked.has(m.foerbund_id)) continue;
    areasOf.set(m.member_code, (areasOf.get(m.member_code) ?? new Set()).add(m.foerbund_id));
  }
  const twice = [...areasOf.values()].filter((s) => s.size > 1).length;
  const parts = [`Rangordningen har ${formatNumber(ranked.size)} förbund med värde, med ${formatNumber(areasOf.size)} kommuner i sina områden (varje kommun räknad en gång).`];
  if (twice > 0) parts.push(`${formatNumber(twice)} av kommunerna står i två områden, eftersom källorna inte visar vilken dag de bytte förbund.`);
  if (c.registry) parts.push(`Registret har ${c.registry.certain === c.registry.possible ? formatNumber(c.registry.certain) : `${formatNumber(c.registry.certain)}–${formatNumber(c.registry.possible)}`} förbund den 31 december ${c.year}.`);
  parts.push(c.published ? `Publicerat antal förbund i landet ${c.year}: ${publishedText(c.published.value, c.published.qualifier)} (${c.published.citation}).` : `Inget publicerat antal förbund i landet finns för ${c.year}.`);
  return parts.join(" ");
}

function countNoteFor(year: number, rankedIds: readonly string[]): string {
  const cov = coverageYears().find((r) => r.year === year);
  const pub = publishedComparisons()
    .filter((r) => r.scope === "riket" && r.metric === "foerbund_count" && r.compared_on.startsWith(`${year}-`))
    .sort((a, b) => a.compared_on.localeCompare(b.compared_on) || a.id.localeCompare(b.id))
    .at(-1);
  return rankingCountNote({
    year,
    rankedIds,
    members: memberYearRows().filter((r) => r.year === year),
    registry: cov ? { certain: cov.foerbund_count_certain, possible: cov.foerbund_count_possible } : null,
    published: pub ? { value: pub.published, qualifier: pub.qualifier, citation: registrySource(pub.source_id)?.citation ?? pub.source_id } : null,
  });
}

function inputsFor(m: Measure, year: number): RankInput[] {
  const out: RankInput[] = [];
  for (const [id, years] of foerbundValuesByKpi(m.kpi!)) {
    const row = years.get(year);
    if (!row) continue;
    const prev = years.get(year - 1);
    out.push({
      id,
      // The name in force that year: a ranking of 2012 shows 2012's names.
      name: foerbundNameInYear(id, year),
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
    return { measure: m, year, rows, boundedCount: rows.filter((r) => r.bounded).length, countNote: rows.length ? countNoteFor(year, rows.map((r) => r.id)) : "" };
  });
}
