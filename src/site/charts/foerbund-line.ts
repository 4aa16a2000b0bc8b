/**
 * Draws a förbund chart (foerbund/charts.ts) to SVG at build time: the area
 * solid where both years' members are proven, dashed with open points where
 * they rest on date bounds; län and riket as plain lines.
 */
import * as Plot from "@observablehq/plot";
import { ticks } from "d3";
import type { FoerbundChart } from "../foerbund/charts";
import { formatTick, formatYear } from "../format";
import { seriesStyles, type SeriesStyle } from "./line";
import { finishSvg, responsiveSvg, serverDocument } from "./render";
import type { ChartPoint } from "./spec";

const COMPARE_COLORS = ["#b4501b", "#2e7d32"];

/** The site's role styles, with the förbund's län lines in their own colours. */
function foerbundStyles(c: FoerbundChart): SeriesStyle[] {
  return seriesStyles(c.spec).map((s, i) => (c.spec.series[i]!.role === "compare" ? { ...s, color: COMPARE_COLORS[(i - 1) % COMPARE_COLORS.length]! } : s));
}

/** The chart as its wide and narrow SVG drawings (build time; see responsiveSvg). */
export function renderFoerbundChartSvg(c: FoerbundChart, width = 680, height = 300): string {
  return responsiveSvg((w, h) => drawFoerbundChart(c, w, h), width, height);
}

function drawFoerbundChart(c: FoerbundChart, width: number, height: number): string {
  const { spec, years } = c;
  const styles = foerbundStyles(c);
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
  const figure = Plot.plot({
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
  });
  return finishSvg(figure);
}

/** Legend entries (HTML legend beside the chart), matching the drawn styles. */
export function chartLegend(c: FoerbundChart): Array<{ name: string; color: string; dash: string; kind: "line" | "bounded" }> {
  const styles = foerbundStyles(c);
  const out: Array<{ name: string; color: string; dash: string; kind: "line" | "bounded" }> = c.spec.series.map((s, i) => ({ name: s.name, color: styles[i]!.color, dash: styles[i]!.dash, kind: "line" }));
  if (c.years.some((y) => y.membership === "bounded" && y.status === "aggregated"))
    out.splice(1, 0, { name: `${c.spec.series[0]!.name}, år då området vilar på datumgränser`, color: styles[0]!.color, dash: "5 4", kind: "bounded" });
  return out;
}
