/**
 * Indicator charts for a förbund area against its län and riket. The line
 * chart follows the site's chart spec (charts/spec.ts) so the table and the
 * summary are generated the same way as elsewhere; what is added is the
 * certainty of each year's area: a year whose membership rests on date bounds
 * is drawn dashed with an open point, and a year without an area value is a
 * gap with its reason.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { ticks } from "d3";
import { roundSvgNumbers, stripPlotStyle } from "./charts/render";
import { seriesStyles } from "./charts/line";
import { summarizeChart } from "./charts/summary";
import type { ChartPoint, ChartSeries, ChartSpec } from "./charts/spec";
import { capitalize, formatTick, formatWithUnit, formatYear, yearRanges, joinSv } from "./format";
import type { Measure } from "./measures";
import { RIKET, areaValue, foerbund, kommunName, koladaValue, kpiYears, lanArea, lanName, type AreaValueRow } from "./foerbund";

export interface FoerbundChart {
  spec: ChartSpec;
  /** Per year of the focus series: how sure the area is; null = no area that year. */
  years: Array<{ year: number; membership: "certain" | "bounded" | null; status: AreaValueRow["status"] | "no_area"; missing: string[]; members?: number }>;
  summary: string;
  /** Where the chart's CSV is served. */
  csvHref: string;
  slug: string;
}

const COMPARE_COLORS = ["#b4501b", "#2e7d32"];

export function foerbundChart(id: string, m: Measure): FoerbundChart | null {
  const f = foerbund(id);
  const kpi = m.kpi!;
  const span = kpiYears(kpi);
  const rows: Array<{ year: number; row: AreaValueRow | null }> = [];
  for (let y = span.first; y <= span.last; y++) rows.push({ year: y, row: areaValue(id, kpi, y) });
  const withRow = rows.filter((r) => r.row !== null);
  if (withRow.length === 0) return null;
  const first = withRow[0]!.year;
  const last = withRow[withRow.length - 1]!.year;
  const inSpan = rows.filter((r) => r.year >= first && r.year <= last);
  const focus: ChartSeries = { key: `forbund:${id}`, name: f.name, role: "focus", points: inSpan.map((r) => ({ year: r.year, value: r.row?.value ?? null })) };
  const lanSeries: ChartSeries[] = f.lanCodes.map((c) => ({
    key: `lan:${c}`,
    name: lanName(c),
    role: "compare",
    points: inSpan.map((r) => ({ year: r.year, value: koladaValue(m.dataset, lanArea(c), r.year) })),
  }));
  const riket: ChartSeries = { key: "riket:00", name: "Riket", role: "reference", points: inSpan.map((r) => ({ year: r.year, value: koladaValue(m.dataset, RIKET, r.year) })) };
  const years = inSpan.map((r) => ({
    year: r.year,
    membership: r.row ? r.row.membership : null,
    status: r.row ? r.row.status : ("no_area" as const),
    missing: r.row?.missing_codes ? r.row.missing_codes.split(";") : [],
    members: r.row?.members,
  }));
  const spec: ChartSpec = {
    id: `forbund-${id}-${m.slug}`,
    title: `${m.shortName}: ${f.name}, ${joinSv(lanSeries.map((s) => s.name))} och riket, ${first}–${last}`,
    measure: { name: m.shortName, unit: m.unit, shortUnit: m.shortUnit, decimals: m.decimals },
    series: [focus, ...lanSeries, riket],
    datasets: ["forbund-indikatorer", m.dataset],
    lead: `${capitalize(m.subject)} i förbundets område`,
    yZero: true,
  };
  spec.note = certaintyNote(years);
  return { spec, years, summary: summarizeChart(spec), csvHref: `/forbund/${id}/diagram/${m.slug}.csv`, slug: m.slug };
}

/** Sentences on which years rest on date bounds and why some years have no value. */
export function certaintyNote(years: FoerbundChart["years"]): string {
  const out: string[] = [];
  const withValue = years.filter((y) => y.status === "aggregated");
  const bounded = withValue.filter((y) => y.membership === "bounded").map((y) => y.year);
  const certain = withValue.filter((y) => y.membership === "certain").map((y) => y.year);
  if (bounded.length && certain.length)
    out.push(`Medlemmarna är belagda ${yearRanges(certain)}; ${yearRanges(bounded)} vilar området på datumgränser (streckad linje, ofyllda punkter).`);
  else if (bounded.length) out.push(`Alla år vilar området på datumgränser: någon medlem är bara möjlig (streckad linje, ofyllda punkter).`);
  else if (certain.length) out.push("Medlemmarna är belagda alla år med värde.");
  const incomplete = years.filter((y) => y.status === "incomplete");
  const allMissing = incomplete.filter((y) => y.members !== undefined && y.missing.length >= y.members);
  const someMissing = incomplete.filter((y) => !allMissing.includes(y));
  if (allMissing.length) out.push(`${yearRanges(allMissing.map((y) => y.year))} saknas värden för alla medlemskommuner.`);
  if (someMissing.length)
    out.push(
      `${yearRanges(someMissing.map((y) => y.year))} saknas värde för ${joinSv([...new Set(someMissing.flatMap((y) => y.missing))].map(kommunName))}, så området får inget värde.`,
    );
  const stadsdel = years.filter((y) => y.status === "stadsdel_members");
  if (stadsdel.length) out.push(`${yearRanges(stadsdel.map((y) => y.year))} är medlemmarna stadsdelar; Kolada har bara värden för hela kommuner, så området får inget värde.`);
  const none = years.filter((y) => y.status === "no_area");
  if (none.length) out.push(`${yearRanges(none.map((y) => y.year))} hade förbundet inga kända medlemmar.`);
  return out.join(" ");
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Exactly the chart's data: one row per year, a column per line, and the area's certainty and status. */
export function foerbundChartCsv(c: FoerbundChart): string {
  const header = ["year", ...c.spec.series.map((s) => s.name), "membership", "status"];
  const lines = [header.map(csvCell).join(",")];
  c.years.forEach((y, i) => {
    const vals = c.spec.series.map((s) => s.points[i]?.value);
    lines.push([String(y.year), ...vals.map((v) => (v === null || v === undefined ? "" : String(v))), y.membership ?? "", y.status].map(csvCell).join(","));
  });
  return lines.join("\n") + "\n";
}

let doc: Document | undefined;
function serverDocument(): Document {
  doc ??= parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
  return doc;
}

/** The chart as SVG (build time). */
export function renderFoerbundChartSvg(c: FoerbundChart, width = 680, height = 300): string {
  const { spec, years } = c;
  const styles = seriesStyles(spec).map((s, i) => (spec.series[i]!.role === "compare" ? { ...s, color: COMPARE_COLORS[(i - 1) % COMPARE_COLORS.length]! } : s));
  const [focus, ...others] = spec.series;
  const fStyle = styles[0]!;
  const x0 = years[0]!.year;
  const x1 = years[years.length - 1]!.year;
  const xTicks = x0 === x1 ? [x0] : ticks(x0, x1, Math.max(2, Math.floor(width / 70))).filter(Number.isInteger);
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: "#767676", ariaHidden: "true" })];
  others.forEach((s, j) => {
    const st = styles[j + 1]!;
    const isolated = s.points.filter((p, i) => p.value !== null && s.points[i - 1]?.value == null && s.points[i + 1]?.value == null);
    marks.push(
      Plot.line(s.points, { x: "year", y: "value", stroke: st.color, strokeWidth: st.width, strokeDasharray: st.dash || undefined, ariaHidden: "true" }),
      Plot.dot(isolated, { x: "year", y: "value", fill: st.color, r: 3, ariaHidden: "true" }),
    );
  });
  // The förbund area: segments solid when both years are certain, dashed otherwise.
  const pts = focus!.points.map((p, i) => ({ ...p, membership: years[i]!.membership }));
  const segs: Array<{ x1: number; y1: number; x2: number; y2: number; certain: boolean }> = [];
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    if (a.value === null || b.value === null) continue;
    segs.push({ x1: a.year, y1: a.value, x2: b.year, y2: b.value, certain: a.membership === "certain" && b.membership === "certain" });
  }
  const link = (certain: boolean) =>
    Plot.link(
      segs.filter((s) => s.certain === certain),
      { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: fStyle.color, strokeWidth: fStyle.width, strokeDasharray: certain ? undefined : "5 4", ariaHidden: "true" },
    );
  marks.push(link(true), link(false));
  const valued = pts.filter((p): p is ChartPoint & { value: number; membership: "certain" | "bounded" } => p.value !== null);
  marks.push(
    Plot.dot(valued.filter((p) => p.membership === "certain"), { x: "year", y: "value", fill: fStyle.color, r: 3.5, ariaHidden: "true" }),
    Plot.dot(valued.filter((p) => p.membership === "bounded"), { x: "year", y: "value", fill: "white", stroke: fStyle.color, strokeWidth: 1.5, r: 3.5, ariaHidden: "true" }),
  );
  const values = spec.series.flatMap((s) => s.points.map((p) => p.value)).filter((v): v is number => v !== null);
  const svg = Plot.plot({
    document: serverDocument(),
    width,
    height,
    marginLeft: 52,
    marginRight: 20,
    marginTop: 16,
    ariaLabel: `${spec.title}. ${spec.measure.name}, ${spec.measure.unit}.`,
    ariaDescription: c.summary,
    x: { type: "linear", domain: x0 === x1 ? [x0 - 0.5, x1 + 0.5] : [x0, x1], ticks: xTicks, tickFormat: formatYear, label: null },
    y: { grid: true, nice: true, zero: true, domain: values.length ? undefined : [0, 1], tickFormat: formatTick, label: null },
    marks,
  }) as unknown as SVGSVGElement;
  svg.setAttribute("role", "img");
  return roundSvgNumbers(stripPlotStyle(svg.outerHTML));
}

/** Legend entries (HTML legend beside the chart), matching the drawn styles. */
export function chartLegend(c: FoerbundChart): Array<{ name: string; color: string; dash: string; kind: "line" | "bounded" }> {
  const styles = seriesStyles(c.spec).map((s, i) => (c.spec.series[i]!.role === "compare" ? { ...s, color: COMPARE_COLORS[(i - 1) % COMPARE_COLORS.length]! } : s));
  const out: Array<{ name: string; color: string; dash: string; kind: "line" | "bounded" }> = c.spec.series.map((s, i) => ({ name: s.name, color: styles[i]!.color, dash: styles[i]!.dash, kind: "line" }));
  if (c.years.some((y) => y.membership === "bounded" && y.status === "aggregated"))
    out.splice(1, 0, { name: `${c.spec.series[0]!.name}, år då området vilar på datumgränser`, color: styles[0]!.color, dash: "5 4", kind: "bounded" });
  return out;
}

export { formatWithUnit };
