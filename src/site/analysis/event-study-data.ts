/** The event-study page's data, read from the published datasets (handelsestudie, handelsestudie-kommuner, the indicator values). */
import { eventStudyKommunRows, eventStudyRows, valueRows } from "../data";
import { measure } from "../measures";
import { pointsOf, type OutcomeAnalysis } from "./event-study";

/** The outcomes in the order of the page; ohälsotal first (the main outcome). */
export function outcomeSlugs(): string[] {
  return [...new Set(eventStudyRows().map((r) => r.indicator))];
}

export function outcomeAnalysis(slug: string): OutcomeAnalysis {
  const m = measure(slug);
  const rows = eventStudyRows();
  const kommunYears = valueRows(m.dataset).filter((r) => r.level === "kommun" && r.sex === "T" && r.value !== null).map((r) => r.year);
  const seriesYears = kommunYears.length ? { first: Math.min(...kommunYears), last: Math.max(...kommunYears) } : null;
  const joiners = eventStudyKommunRows().filter((k) => k.treatment_year !== null);
  return {
    measure: { slug, name: m.shortName, subject: m.subject, unit: m.unit, shortUnit: m.kind === "percent" ? "procentenheter" : m.shortUnit, decimals: m.decimals },
    main: pointsOf(rows, slug, "huvud"),
    weighted: pointsOf(rows, slug, "huvud", "befolkning"),
    placebo: pointsOf(rows, slug, "placebo"),
    boundEarliest: pointsOf(rows, slug, "bunden-tidigast"),
    boundLatest: pointsOf(rows, slug, "bunden-senast"),
    seriesYears,
    joinsBeforeSeries: seriesYears ? joiners.filter((k) => k.treatment_year! - 1 < seriesYears.first).length : 0,
    knownYearJoiners: joiners.length,
  };
}

export interface StatusCount {
  status: string;
  label: string;
  count: number;
}

const STATUS_LABELS: Record<string, string> = {
  "ar-kant": "Första anslutningen ett känt år: ingår i huvudanalysen",
  intervall: "Anslutningen bara känd mellan två år: ingår bara i gränsberäkningarna",
  "start-obegransad": "Medlem, men när kommunen gick med är okänt: ingår inte",
  "aldrig-saker": "Bara möjligt medlemskap: ingår bara som jämförelse så länge den säkert var utanför",
  "utanfor-enligt-lista": "Inget registrerat medlemskap, utanför enligt en fullständig lista: jämförelse fram till listan",
  okand: "Inget vet: ingår inte",
};

/** How many kommuner have each status, in the order of the labels. */
export function statusCounts(): StatusCount[] {
  const rows = eventStudyKommunRows();
  return Object.entries(STATUS_LABELS)
    .map(([status, label]) => ({ status, label, count: rows.filter((r) => r.treatment_status === status).length }))
    .filter((s) => s.count > 0);
}

/** Known join years and how many kommuner joined each. */
export function joinYearCounts(): Array<{ year: number; count: number }> {
  const byYear = new Map<number, number>();
  for (const r of eventStudyKommunRows()) if (r.treatment_year !== null) byYear.set(r.treatment_year, (byYear.get(r.treatment_year) ?? 0) + 1);
  return [...byYear].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ year, count }));
}
