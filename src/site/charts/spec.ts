/**
 * A chart described as data. The same spec gives the SVG, the text summary,
 * the data table and the CSV download, so the four always agree.
 * Pure module (no node:fs): the compare page's client script uses it too.
 */
import { csvNumber, csvText } from "../csv";

export interface ChartPoint {
  /** x position; a month (period "2015-05") sits inside its year. */
  year: number;
  value: number | null;
  /** The period as printed in the table and CSV when it is not a plain year, e.g. "2015-05". */
  period?: string;
  /** A förbund area's year whose members rest on date bounds (drawn dashed with a hollow point). */
  bounded?: boolean;
}

/** How a line is drawn: the area in focus, what it is compared with, the national reference, and a förbund area around the focus. */
export type SeriesRole = "focus" | "compare" | "reference" | "area";

export interface ChartSeries {
  /** Stable key, e.g. "kommun:0180". */
  key: string;
  name: string;
  role: SeriesRole;
  points: ChartPoint[];
}

export interface ChartMeasure {
  name: string;
  /** Full unit, shown under the title: "dagar per invånare 16–64 år". */
  unit: string;
  /** Unit after a number: "dagar", "%", "" for plain counts. */
  shortUnit: string;
  decimals: number;
}

export interface ChartSpec {
  /** Stable id; the CSV is /diagram/<id>.csv. Lowercase, digits, hyphens. */
  id: string;
  title: string;
  measure: ChartMeasure;
  series: ChartSeries[];
  /** datapackage.json resources the values come from; the source line is generated from them. */
  datasets: string[];
  /** For printed tables (e.g. ["T01"]): cite only these tables of the dataset, not all of its sources. */
  printedTables?: string[];
  /** The first sentence of the summary names the focus series this way, e.g. "Ohälsotalet i Stockholm". */
  lead: string;
  /** Start the y axis at zero (counts and shares); default true. */
  yZero?: boolean;
  /** Extra sentence after the generated summary (e.g. about a source defect). */
  note?: string;
  /**
   * Columns only the CSV carries, after the series, keyed by period (e.g. a
   * förbund area's membership certainty and status per year); "" where a
   * period has none.
   */
  csvColumns?: Array<{ name: string; byPeriod: Readonly<Record<string, string>> }>;
}

export interface ChartTable {
  columns: string[];
  rows: Array<{ period: string; label: string; values: Array<number | null> }>;
}

/** The chart's table: one row per period, one column per series. The CSV has exactly these rows. */
export function chartTable(spec: ChartSpec): ChartTable {
  const periods = new Map<string, { year: number; period: string }>();
  for (const s of spec.series) for (const p of s.points) periods.set(p.period ?? String(p.year), { year: p.year, period: p.period ?? String(p.year) });
  const ordered = [...periods.values()].sort((a, b) => a.year - b.year || a.period.localeCompare(b.period));
  return {
    columns: spec.series.map((s) => s.name),
    rows: ordered.map(({ period }) => ({
      period,
      label: period,
      values: spec.series.map((s) => s.points.find((p) => (p.period ?? String(p.year)) === period)?.value ?? null),
    })),
  };
}

/**
 * The chart's data as CSV, in the same conventions as the datasets: UTF-8,
 * comma, decimal point, an empty cell for a missing value (never 0).
 */
export function chartCsv(spec: ChartSpec): string {
  const table = chartTable(spec);
  const extra = spec.csvColumns ?? [];
  return csvText(
    ["period", ...table.columns, ...extra.map((c) => c.name)],
    table.rows.map((r) => [r.period, ...r.values.map(csvNumber), ...extra.map((c) => c.byPeriod[r.period] ?? "")]),
  );
}

/** x extent of the chart, in years. */
export function yearExtent(spec: ChartSpec): [number, number] {
  const years = spec.series.flatMap((s) => s.points.map((p) => p.year));
  return [Math.min(...years), Math.max(...years)];
}

/** The line under a chart's title: "Ohälsotal, dagar per person", or just "Antal" for counts. */
export function unitLine(spec: Pick<ChartSpec, "measure">): string {
  return spec.measure.name === "Antal" ? "Antal" : `${spec.measure.name}, ${spec.measure.unit}`;
}
