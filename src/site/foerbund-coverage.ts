/**
 * National coverage: how many förbund and member kommuner there were, as the
 * published national counts say and as the registry can prove (certain) or
 * allow (possible); and which kommuner were members on a given day.
 */
import path from "node:path";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { loadRegistry, snapshot, type Registry } from "../pipeline/registry";
import { kommuner } from "./data";
import { formatNumber, formatTick, formatYear } from "./format";
import { roundSvgNumbers, stripPlotStyle } from "./charts/render";
import { dayInWords } from "./foerbund-dates";
import { addDays } from "../pipeline/registry/dates";
import { dayToYear } from "./foerbund-timeline";
import { comparisonRows, coverageRows, kommunName, registryYears, sourcesById } from "./foerbund";
import { swedenKommunMap, type MapStatus } from "./foerbund-map";

export type CoverageMetric = "foerbund_count" | "member_kommuner";

export const METRIC_WORDS: Record<CoverageMetric, { title: string; unit: string; slug: string }> = {
  foerbund_count: { title: "Antal samordningsförbund", unit: "förbund", slug: "tackning-forbund" },
  member_kommuner: { title: "Antal kommuner i samordningsförbund", unit: "kommuner", slug: "tackning-kommuner" },
};

export interface CoverageChartRow {
  date: string;
  /** Position on the year axis (31 December of a year = that year). */
  x: number;
  certain: number | null;
  /** The registry's recorded upper bound (förbund and kommuner it knows of). */
  recorded: number | null;
  /** Kommuner the registry knows nothing about on that day (members or not: unknown). */
  unrecorded: number | null;
  published: number | null;
  qualifier: string;
  source: string;
}

/** A date's place on the axis where 31 December of year Y is Y. */
export function dateToAxis(iso: string): number {
  return dayToYear(addDays(iso, 1)) - 1;
}

export function coverageChartRows(metric: CoverageMetric): CoverageChartRow[] {
  const rows = new Map<string, CoverageChartRow>();
  const row = (date: string) => {
    let r = rows.get(date);
    if (!r) rows.set(date, (r = { date, x: dateToAxis(date), certain: null, recorded: null, unrecorded: null, published: null, qualifier: "", source: "" }));
    return r;
  };
  for (const c of coverageRows()) {
    const r = row(c.reference_date);
    if (metric === "foerbund_count") {
      r.certain = c.foerbund_count_certain;
      r.recorded = c.foerbund_count_possible;
    } else {
      r.certain = c.member_kommuner_certain;
      r.recorded = c.member_kommuner_possible - c.member_kommuner_unrecorded;
      r.unrecorded = c.member_kommuner_unrecorded;
    }
  }
  for (const c of comparisonRows().filter((x) => x.metric === metric)) {
    const r = row(c.compared_on);
    // Two sources for the same day (Tabell 1 and Försäkringskassan 2012) agree; keep the first.
    if (r.published !== null) continue;
    r.published = c.published;
    r.qualifier = c.qualifier;
    r.source = sourcesById([c.source_id])[0]?.citation ?? c.source_id;
    if (r.certain === null) {
      r.certain = c.ours_certain;
      r.recorded = c.ours_recorded;
    }
  }
  return [...rows.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function coverageChartCsv(metric: CoverageMetric): string {
  const lines = ["date,registry_certain,registry_recorded_possible,kommuner_unrecorded,published,published_qualifier,published_source"];
  const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const r of coverageChartRows(metric))
    lines.push([r.date, r.certain ?? "", r.recorded ?? "", r.unrecorded ?? "", r.published ?? "", r.qualifier, r.source].map((v) => cell(String(v))).join(","));
  return lines.join("\n") + "\n";
}

let doc: Document | undefined;
const serverDocument = () => (doc ??= parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document);

export function coverageSummary(metric: CoverageMetric): string {
  const w = METRIC_WORDS[metric];
  const rows = coverageChartRows(metric);
  const pub = rows.filter((r) => r.published !== null);
  const firstPub = pub[0];
  const lastPub = pub[pub.length - 1];
  const april = rows.find((r) => r.date === "2015-04-30");
  const parts: string[] = [];
  if (firstPub && lastPub)
    parts.push(`Enligt publicerade nationella uppgifter fanns ${formatNumber(firstPub.published)} ${w.unit} den ${dayInWords(firstPub.date)} och ${lastPub.qualifier === "ca" ? "cirka " : ""}${formatNumber(lastPub.published)} den ${dayInWords(lastPub.date)}.`);
  if (april) parts.push(`Registret är fullständigt bara i april 2015 (${formatNumber(april.certain)} ${w.unit}, samma som den publicerade förteckningen).`);
  parts.push(
    `Andra år ligger det verkliga antalet någonstans i registrets band: nedre kanten är vad källorna bevisar, övre kanten vad de tillåter bland de ${w.unit} registret känner till${metric === "member_kommuner" ? "; kommuner som registret saknar uppgifter om kan också ha varit med" : ""}.`,
  );
  return parts.join(" ");
}

export function renderCoverageChartSvg(metric: CoverageMetric, width = 680, height = 280): string {
  const rows = coverageChartRows(metric);
  const band = rows.filter((r) => r.certain !== null && r.recorded !== null && Number.isInteger(r.x));
  const pub = rows.filter((r) => r.published !== null);
  const { first, last } = registryYears();
  const svg = Plot.plot({
    document: serverDocument(),
    width,
    height,
    marginLeft: 48,
    marginRight: 20,
    marginTop: 16,
    ariaLabel: `${METRIC_WORDS[metric].title} ${first}–${last}: publicerade antal och registrets spann.`,
    ariaDescription: coverageSummary(metric),
    x: { type: "linear", domain: [first, last], tickFormat: formatYear, label: null, ticks: Array.from({ length: Math.floor((last - first) / 2) + 1 }, (_, i) => first + i * 2) },
    y: { grid: true, zero: true, nice: true, tickFormat: formatTick, label: null },
    marks: [
      Plot.areaY(band, { x: "x", y1: "certain", y2: "recorded", fill: "#9db7d9", fillOpacity: 0.6, ariaHidden: "true" }),
      Plot.line(band, { x: "x", y: "certain", stroke: "#1d4f91", strokeWidth: 1, ariaHidden: "true" }),
      Plot.line(band, { x: "x", y: "recorded", stroke: "#1d4f91", strokeWidth: 1, strokeDasharray: "3 3", ariaHidden: "true" }),
      Plot.line(pub, { x: "x", y: "published", stroke: "#b4501b", strokeWidth: 2, ariaHidden: "true" }),
      Plot.dot(pub, { x: "x", y: "published", fill: "#b4501b", r: 4, symbol: "diamond", ariaHidden: "true" }),
      Plot.ruleY([0], { stroke: "#767676", ariaHidden: "true" }),
    ],
  }) as unknown as SVGSVGElement;
  svg.setAttribute("role", "img");
  return roundSvgNumbers(stripPlotStyle(svg.outerHTML));
}

// ---- membership on a day (map) ----

let registry: Registry | undefined;
/**
 * The registry itself (data/registry/, validated by the pipeline's loader):
 * the published datasets do not include the complete lists, and only they
 * decide whether a kommun without a spell was certainly outside every förbund.
 * The status comes from the same function that gives tackning-per-ar.
 */
function reg(): Registry {
  registry ??= loadRegistry(path.resolve(process.cwd(), "data/registry"), new Set(kommuner().map((k) => k.kommunkod)));
  return registry;
}

export const MAP_STATUS_WORDS: Record<MapStatus, string> = {
  certain: "belagd medlem",
  possible: "möjlig medlem",
  not: "säkert utan förbund",
  unknown: "okänt",
};

export function membershipStatusOn(date: string): Map<string, MapStatus> {
  const s = snapshot(reg(), date);
  const out = new Map<string, MapStatus>();
  const certain = new Set(s.member_kommuner_certain);
  const unrecorded = new Set(s.member_kommuner_unrecorded);
  for (const k of kommuner().map((x) => x.kommunkod)) out.set(k, "not");
  for (const k of s.member_kommuner_possible) out.set(k, certain.has(k) ? "certain" : unrecorded.has(k) ? "unknown" : "possible");
  for (const k of s.kommuner_without_certain) out.set(k, "not");
  return out;
}

/** The dates a CoverageMap can be drawn for (each has a CSV): 31 December of every registry year, and 30 April 2015. */
export function coverageMapDates(): string[] {
  const { first, last } = registryYears();
  const dates = ["2015-04-30"];
  for (let y = first; y <= last; y++) dates.push(`${y}-12-31`);
  return dates.sort();
}

export function coverageMap(date: string) {
  if (!coverageMapDates().includes(date)) throw new Error(`CoverageMap: ${date} is not in coverageMapDates() (add it there so its CSV is built)`);
  const status = membershipStatusOn(date);
  const counts = { certain: 0, possible: 0, not: 0, unknown: 0 } as Record<MapStatus, number>;
  for (const s of status.values()) counts[s]++;
  return { date, status, counts, map: swedenKommunMap(status, kommunName) };
}

export function coverageMapCsv(date: string): string {
  const status = membershipStatusOn(date);
  const lines = ["date,kommunkod,kommun,status"];
  for (const [code, s] of [...status].sort()) lines.push([date, code, kommunName(code), s].join(","));
  return lines.join("\n") + "\n";
}
