/**
 * Facts about the förbund registry for the methods page, computed from the
 * data so the page cannot drift: the complete lists, how much of each year
 * rests on date bounds, and the published counts beside the registry.
 */
import { completeListRows, coverageYears, foerbundRows, lan, publishedComparisons, registrySource, spellRows, type TackningJamforelseRow, type TackningPerArRow } from "../data";
import { formatDate } from "../format";
import { dateInWords } from "./dates";
import { comparisonWords, publishedText } from "./coverage";

export interface CompleteListFact {
  /** The day or month the list describes, in words. */
  when: string;
  /** "hela landet" or the län names. */
  scope: string;
  source: { citation: string; url: string | null };
}

/** The complete lists (fullstandiga-listor), in words. */
export function completeLists(): CompleteListFact[] {
  return completeListRows().map((c) => {
    const s = registrySource(c.source_id);
    return {
      when: formatDate(c.date),
      scope: c.scope === "riket" ? "hela landet" : c.scope.split(";").map((l) => lan(l)?.name ?? l).join(", "),
      source: { citation: s?.citation ?? c.source_id, url: s?.url ? s.url : null },
    };
  });
}

export interface BoundedShare {
  year: number;
  exact: number;
  bounded: number;
}

/** Per year: memberships proven on 31 December vs only allowed by date bounds. Pure. */
export function boundedShares(rows: readonly TackningPerArRow[]): BoundedShare[] {
  return rows.map((r) => ({ year: r.year, exact: r.spells_exact, bounded: r.spells_bounded }));
}

export interface ComparisonLine {
  when: string;
  metric: string;
  published: string;
  certain: number | null;
  recorded: number | null;
  possible: number | null;
  words: string;
  source: { citation: string; url: string | null };
}

const METRIC_WORDS: Record<TackningJamforelseRow["metric"], string> = { foerbund_count: "Förbund", member_kommuner: "Kommuner i förbund", non_member_kommuner: "Kommuner utanför förbund" };

/** tackning-jamforelse as table lines, in Swedish (words for the dataset's comparison_code). Pure. */
export function comparisonLines(rows: readonly TackningJamforelseRow[], sourceOf: typeof registrySource): ComparisonLine[] {
  return [...rows]
    .sort((a, b) => a.compared_on.localeCompare(b.compared_on) || a.source_id.localeCompare(b.source_id) || a.metric.localeCompare(b.metric))
    .map((r) => {
      const s = sourceOf(r.source_id);
      return {
        // An undated page is stored as a bound (">=2019-07"); it is worded, never shown as a code.
        when: r.compared_on === "" ? `odaterad (${dateInWords(r.reference_date)})` : formatDate(r.reference_date),
        metric: r.scope === "riket" ? METRIC_WORDS[r.metric] : `${METRIC_WORDS[r.metric]}, ${lan(r.scope)?.name ?? r.scope}`,
        published: publishedText(r.published, r.qualifier),
        certain: r.ours_certain,
        recorded: r.ours_recorded,
        possible: r.ours_possible,
        words: comparisonWords(r.published, { certain: r.ours_certain, recorded: r.ours_recorded, possible: r.ours_possible, comparison: r.comparison_code }),
        source: { citation: s?.citation ?? r.source_id, url: s?.url ? s.url : null },
      };
    });
}

export function registryFacts() {
  return {
    foerbund: foerbundRows().length,
    spells: spellRows().length,
    boundedSpells: spellRows().filter((s) => s.dating === "bounded").length,
    completeLists: completeLists(),
    years: boundedShares(coverageYears()),
    comparisons: comparisonLines(publishedComparisons(), registrySource),
  };
}
