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
import { resource } from "./data";
import { retrievedDates, sourcesOf } from "./sources";
import { joinSv } from "./format";

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
  /** For a year without any indicator value: a plain statement of that, the latest year and when Kolada was retrieved; else null. */
  noValuesNote: string | null;
}

/**
 * Said at the top of a year page whose indicators are all empty, so that the
 * empty tables are not read as zeros or as a broken page.
 */
export function noValuesNote(year: number, riket: YearPage["riket"]): string | null {
  if (riket.some((r) => r.value !== null)) return null;
  const datasets = [...new Set(riket.map((r) => r.measure.dataset))];
  const latest = Math.max(...datasets.map((d) => resource(d).latest_year ?? -Infinity));
  const retrieved = retrievedDates(sourcesOf(datasets));
  return (
    `Kolada har ännu inga värden för ${year} i den här versionen; de senaste är från ${latest}. ` +
    `Nyckeltalen för ${year} kommer med när Kolada publicerat dem och webbplatsen byggts om med nya data. ` +
    (retrieved.length ? `Värdena i den här versionen hämtades ${joinSv(retrieved)}. ` : "") +
    `Förbundsregistret och de publicerade antalen förbund och kommuner för ${year} finns nedan.`
  );
}

export function yearPage(year: number): YearPage {
  const years = pageYears();
  const i = years.indexOf(year);
  if (i < 0) throw new Error(`no year page for ${year}`);
  const riket = KOMMUN_PAGE_MEASURES.map((slug) => {
    const m = measure(slug);
    return { measure: m, value: valueAt(m.dataset, RIKET, year)?.value ?? null };
  });
  return {
    year,
    previous: years[i - 1] ?? null,
    next: years[i + 1] ?? null,
    national: nationalTablesForYear(year).filter((t) => !(participantYearSet().has(year) && TABLES_ON_PARTICIPANT_PAGE.has(t.table))),
    riket,
    coverage: coverageForYear(year),
    rankings: yearRankings(year),
    lastValueYear: lastValueYear(),
    participantsHref: participantYearSet().has(year) ? `/deltagare/#ar-${year}` : null,
    noValuesNote: noValuesNote(year, riket),
  };
}
