/**
 * Förbund coverage for the start page, the year pages and the methods page:
 * what the registry can prove (certain), its upper bound (possible), and the
 * published national counts beside them. The pure functions take rows; the
 * wrappers at the end read the published datasets.
 */
import {
  coverageYears,
  publishedComparisons,
  registrySource,
  type TackningJamforelseRow,
  type TackningPerArRow,
  type KallorRow,
} from "../data";
import { formatNumber } from "../format";

export interface Range {
  certain: number | null;
  possible: number | null;
}

/** The registry beside a published count: proven, possible among what it records, and the true upper bound (null where no complete list bounds it). */
export interface RegistryRange {
  certain: number | null;
  recorded: number | null;
  possible: number | null;
  /** How the published count relates to the range, as the pipeline classified it (tackning-jamforelse). */
  comparison: TackningJamforelseRow["comparison_code"];
}

/** One published count of förbund and member kommuner, from one source on one date. */
export interface PublishedCount {
  /** As published: "2008", "2015-05", "2012-12-31". */
  referenceDate: string;
  /** The day the registry is read on for the comparison (last day of the period). */
  comparedOn: string;
  foerbund: number | null;
  kommuner: number | null;
  /** "ca" when the source gives an approximate figure. */
  foerbundQualifier: string;
  kommunerQualifier: string;
  sourceId: string;
  source: { citation: string; url: string | null };
  /** The registry's range the same day. */
  registryFoerbund: RegistryRange;
  registryKommuner: RegistryRange;
}

export interface YearCoverage {
  year: number;
  /** The day the registry is read on: 31 December. */
  referenceDate: string;
  foerbund: Range;
  kommuner: Range & { unrecorded: number; withoutCertain: number };
  /** Share of the population 16–64 in member kommuner (0–1); null where population is missing (after the Kolada archive ends). */
  share: Range;
  spells: { exact: number; bounded: number };
  completeList: boolean;
  published: PublishedCount[];
  /** Days in the year when a complete list makes the registry exact (April 2015): certain = possible. */
  exactDays: PublishedCount[];
}

/**
 * Published counts, one entry per (date, source): the förbund and kommun
 * counts of the same source and date side by side, ordered by date.
 */
export function publishedCounts(rows: readonly TackningJamforelseRow[], sourceOf: (id: string) => KallorRow | undefined): PublishedCount[] {
  const byKey = new Map<string, PublishedCount>();
  for (const r of rows) {
    // National, dated counts of förbund and member kommuner only; county and undated figures are listed on the method page.
    if (r.scope !== "riket" || r.compared_on === "" || r.metric === "non_member_kommuner") continue;
    const key = `${r.compared_on}|${r.source_id}`;
    let p = byKey.get(key);
    if (!p) {
      const s = sourceOf(r.source_id);
      p = {
        referenceDate: r.reference_date,
        comparedOn: r.compared_on,
        foerbund: null,
        kommuner: null,
        foerbundQualifier: "",
        kommunerQualifier: "",
        sourceId: r.source_id,
        source: { citation: s?.citation ?? r.source_id, url: s?.url ? s.url : null },
        registryFoerbund: { certain: null, recorded: null, possible: null, comparison: "not_comparable" },
        registryKommuner: { certain: null, recorded: null, possible: null, comparison: "not_comparable" },
      };
      byKey.set(key, p);
    }
    const range: RegistryRange = { certain: r.ours_certain, recorded: r.ours_recorded, possible: r.ours_possible, comparison: r.comparison_code };
    if (r.metric === "foerbund_count") {
      p.foerbund = r.published;
      p.foerbundQualifier = r.qualifier;
      p.registryFoerbund = range;
    } else {
      p.kommuner = r.published;
      p.kommunerQualifier = r.qualifier;
      p.registryKommuner = range;
    }
  }
  return [...byKey.values()].sort((a, b) => a.comparedOn.localeCompare(b.comparedOn) || a.sourceId.localeCompare(b.sourceId));
}

/** True when the registry's range is a single number for both counts: a complete list covers the day. */
export function isExact(p: PublishedCount): boolean {
  const one = (r: RegistryRange) => r.certain !== null && r.certain === r.possible;
  return one(p.registryFoerbund) && one(p.registryKommuner);
}

export function yearCoverage(row: TackningPerArRow, published: readonly PublishedCount[]): YearCoverage {
  const inYear = published.filter((p) => Number(p.comparedOn.slice(0, 4)) === row.year);
  return {
    year: row.year,
    referenceDate: row.reference_date,
    foerbund: { certain: row.foerbund_count_certain, possible: row.foerbund_count_possible },
    kommuner: {
      certain: row.member_kommuner_certain,
      possible: row.member_kommuner_possible,
      unrecorded: row.member_kommuner_unrecorded,
      withoutCertain: row.kommuner_without_certain,
    },
    share: { certain: row.share_pop_16_64_certain, possible: row.share_pop_16_64_possible },
    spells: { exact: row.spells_exact, bounded: row.spells_bounded },
    completeList: row.complete_list,
    published: inYear,
    exactDays: inYear.filter(isExact),
  };
}

/** The wording of a published figure: "ca 70" or "drygt 80" for an approximate one. */
export function publishedText(value: number | null, qualifier: string): string {
  return qualifier !== "" && value !== null ? `${qualifier} ${formatNumber(value)}` : formatNumber(value);
}

/**
 * How a published count relates to the registry's range, in Swedish: the
 * words for the pipeline's comparison code (tackning-jamforelse), with the
 * size of the difference where there is one.
 */
export function comparisonWords(published: number, range: RegistryRange): string {
  const { certain, recorded, possible } = range;
  switch (range.comparison) {
    case "not_comparable":
      return "kan inte jämföras";
    case "exact":
      return "stämmer exakt";
    case "within_range":
      return "inom registrets spann";
    case "above_recorded":
      return `${formatNumber(published - recorded!)} fler än registret känner till`;
    case "above_possible":
      return `${formatNumber(published - possible!)} fler än registret tillåter, fast en fullständig förteckning finns`;
    case "below_certain":
      return `${formatNumber(certain! - published)} färre än registret kan belägga`;
  }
}

// ---- from the published datasets ----

export function allPublishedCounts(): PublishedCount[] {
  return publishedCounts(publishedComparisons(), registrySource);
}

export function coverageForYear(year: number): YearCoverage | null {
  const row = coverageYears().find((r) => r.year === year);
  return row ? yearCoverage(row, allPublishedCounts()) : null;
}

/** The one date the registry is exact for the whole country (April 2015), from the comparison rows. */
export function exactNationalCount(): PublishedCount | null {
  return allPublishedCounts().find(isExact) ?? null;
}
