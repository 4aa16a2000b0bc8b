/**
 * What a year page shows: the registry's coverage that year beside the
 * published national counts, the national printed figures, riket's indicator
 * values and the förbund ranked by each indicator.
 */
import { coverageForYear, type YearCoverage } from "./foerbund/coverage";
import { RIKET, valueAt } from "./data";
import { KOMMUN_PAGE_MEASURES, measure, type Measure } from "./measures";
import { lastValueYear, nationalTablesForYear, pageYears, type NationalTable } from "./national";
import { yearRankings, type YearRanking } from "./foerbund/year-rankings";
import { participantYearSet } from "./participants/page";

/** National tables that /deltagare/ shows year by year; a year page links there instead of repeating them. */
const TABLES_ON_PARTICIPANT_PAGE = new Set(["T03", "T09", "T11", "T17"]);

export interface YearPage {
  year: number;
  previous: number | null;
  next: number | null;
  national: NationalTable[];
  riket: Array<{ measure: Measure; value: number | null }>;
  /** Null for a year the registry is not read for. */
  coverage: YearCoverage | null;
  rankings: YearRanking[];
  /** The last year with indicator values (Kolada archive). */
  lastValueYear: number;
  /** The year's row on /deltagare/ ("/deltagare/#ar-2017"), or null when no source has a figure that year. */
  participantsHref: string | null;
}

export function yearPage(year: number): YearPage {
  const years = pageYears();
  const i = years.indexOf(year);
  if (i < 0) throw new Error(`no year page for ${year}`);
  return {
    year,
    previous: years[i - 1] ?? null,
    next: years[i + 1] ?? null,
    national: nationalTablesForYear(year).filter((t) => !(participantYearSet().has(year) && TABLES_ON_PARTICIPANT_PAGE.has(t.table))),
    riket: KOMMUN_PAGE_MEASURES.map((slug) => {
      const m = measure(slug);
      return { measure: m, value: valueAt(m.dataset, RIKET, year)?.value ?? null };
    }),
    coverage: coverageForYear(year),
    rankings: yearRankings(year),
    lastValueYear: lastValueYear(),
    participantsHref: participantYearSet().has(year) ? `/deltagare/#ar-${year}` : null,
  };
}
