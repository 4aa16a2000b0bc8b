/**
 * The line chart as Plot options: one definition for the SVG rendered at
 * build time (render.ts) and the compare page's chart drawn in the browser.
 * Missing values stay null, which Plot draws as a gap, never as a zero.
 */
import * as Plot from "@observablehq/plot";
import { ticks } from "d3";
import { formatTick, formatWithUnit, formatYear } from "../format";
import { summarizeChart } from "./summary";
import { yearExtent, type ChartPoint, type ChartSeries, type ChartSpec } from "./spec";

export interface SeriesStyle {
  color: string;
  width: number;
  /** SVG stroke-dasharray, "" for solid. */
  dash: string;
}

/**
 * Colours with at least 3:1 contrast against white (WCAG 1.4.11), and the
 * national line also dashed so the roles differ without colour.
 */
const ROLE_STYLE = {
  focus: { color: "#1d4f91", width: 2.5, dash: "" },
  compare: { color: "#b4501b", width: 2, dash: "" },
  reference: { color: "#595959", width: 2, dash: "6 4" },
  area: { color: "#2e7d32", width: 2, dash: "2 3" },
} as const satisfies Record<ChartSeries["role"], SeriesStyle>;

/** For several areas in focus (the compare page): distinct, dark enough on white. */
export const FOCUS_PALETTE = ["#1d4f91", "#b4501b", "#2e7d32", "#8e2c8a", "#00708a", "#a3282f", "#6d5d00", "#4a4a9c"];

/** For several comparison lines (a förbund in two län): the compare colour, then one more. */
const COMPARE_PALETTE = [ROLE_STYLE.compare.color, "#2e7d32"];

export function seriesStyles(spec: ChartSpec): SeriesStyle[] {
  let focusIndex = 0;
  let compareIndex = 0;
  const focusCount = spec.series.filter((s) => s.role === "focus").length;
  return spec.series.map((s) => {
    if (s.role === "focus" && focusCount > 1) return { color: FOCUS_PALETTE[focusIndex++ % FOCUS_PALETTE.length]!, width: 2, dash: "" };
    if (s.role === "compare") return { ...ROLE_STYLE.compare, color: COMPARE_PALETTE[compareIndex++ % COMPARE_PALETTE.length]! };
    return ROLE_STYLE[s.role];
  });
}

/** Points with a value but no neighbour with one: a line cannot show them, so they get a dot. */
function isolated(points: readonly ChartPoint[]): ChartPoint[] {
  const has = (p: ChartPoint | undefined) => p !== undefined && p.value !== null && Number.isFinite(p.value);
  return points.filter((p, i) => has(p) && !has(points[i - 1]) && !has(points[i + 1]));
}

/**
 * A förbund area with years whose members rest on date bounds, drawn as on
 * the förbund's own page (foerbund-line.ts): a segment is solid only when
 * both its years are certain, otherwise dashed; certain years get a filled
 * point, bounded years a hollow one.
 */
function boundedSeriesMarks(s: ChartSeries, st: SeriesStyle): Plot.Markish[] {
  const segs: Array<{ x1: number; y1: number; x2: number; y2: number; certain: boolean }> = [];
  for (let i = 1; i < s.points.length; i++) {
    const a = s.points[i - 1]!;
    const b = s.points[i]!;
    if (a.value === null || b.value === null) continue;
    segs.push({ x1: a.year, y1: a.value, x2: b.year, y2: b.value, certain: !a.bounded && !b.bounded });
  }
  const link = (certain: boolean) =>
    Plot.link(
      segs.filter((x) => x.certain === certain),
      { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: st.color, strokeWidth: st.width, strokeDasharray: certain ? st.dash || undefined : "5 4", ariaHidden: "true" },
    );
  const valued = s.points.filter((p) => p.value !== null && Number.isFinite(p.value));
  return [
    link(true),
    link(false),
    Plot.dot(valued.filter((p) => !p.bounded), { x: "year", y: "value", fill: st.color, r: 3, ariaHidden: "true" }),
    Plot.dot(valued.filter((p) => p.bounded), { x: "year", y: "value", fill: "white", stroke: st.color, strokeWidth: 1.5, r: 3.5, ariaHidden: "true" }),
  ];
}

/** Whether a series has a year drawn as bounded (the legend then explains the dashes). */
export function hasBoundedYears(s: ChartSeries): boolean {
  return s.points.some((p) => p.bounded && p.value !== null);
}

export interface LineChartOptions {
  width?: number;
  height?: number;
  /** Plot's document; a linkedom document at build time. */
  document?: Document;
  /** Add a pointer tip (only where the chart is interactive, i.e. drawn in the browser). */
  tip?: boolean;
}

export function lineChartOptions(spec: ChartSpec, opts: LineChartOptions = {}): Plot.PlotOptions {
  const width = opts.width ?? 680;
  const [x0, x1] = yearExtent(spec);
  // Whole years only, about one label per 70 px; a single year gets half a year either side.
  const xTicks = x0 === x1 ? [x0] : ticks(x0, x1, Math.max(2, Math.floor(width / 70))).filter(Number.isInteger);
  const styles = seriesStyles(spec);
  const { decimals, shortUnit } = spec.measure;
  const values = spec.series.flatMap((s) => s.points.map((p) => p.value)).filter((v): v is number => v !== null && Number.isFinite(v));
  const marks: Plot.Markish[] = [];
  if (spec.yZero !== false) marks.push(Plot.ruleY([0], { stroke: "#767676", ariaHidden: "true" }));
  spec.series.forEach((s, i) => {
    const st = styles[i]!;
    if (hasBoundedYears(s)) {
      marks.push(...boundedSeriesMarks(s, st));
      return;
    }
    // Reference and comparison lines first in the data order, focus drawn on top (below).
    marks.push(
      Plot.line(s.points, {
        x: "year",
        y: "value",
        stroke: st.color,
        strokeWidth: st.width,
        strokeDasharray: st.dash || undefined,
        // The SVG is one image (role="img"); its label and description carry the content.
        ariaHidden: "true",
      }),
      Plot.dot(isolated(s.points), { x: "year", y: "value", fill: st.color, r: 3, ariaHidden: "true" }),
    );
  });
  if (opts.tip) {
    const all = spec.series.flatMap((s, i) => s.points.filter((p) => p.value !== null).map((p) => ({ ...p, name: s.name, color: styles[i]!.color })));
    marks.push(
      // Inside the one role="img" SVG: hidden from assistive technology like the other marks.
      Plot.dot(all, Plot.pointer({ x: "year", y: "value", fill: "color", r: 4, ariaHidden: "true" })),
      Plot.tip(
        all,
        Plot.pointer({
          x: "year",
          y: "value",
          title: (d: ChartPoint & { name: string }) => `${d.name}\n${d.period ?? formatYear(d.year)}: ${formatWithUnit(d.value, decimals, shortUnit)}`,
          ariaHidden: "true",
        }),
      ),
    );
  }
  return {
    document: opts.document,
    width,
    height: opts.height ?? 300,
    marginLeft: 52,
    marginRight: 20,
    marginTop: 16,
    ariaLabel: `${spec.title}. ${spec.measure.name}, ${spec.measure.unit}.`,
    ariaDescription: summarizeChart(spec),
    x: { type: "linear", domain: x0 === x1 ? [x0 - 0.5, x1 + 0.5] : [x0, x1], ticks: xTicks, tickFormat: formatYear, label: null },
    y: {
      grid: true,
      nice: true,
      zero: spec.yZero !== false,
      domain: values.length ? undefined : [0, 1],
      tickFormat: formatTick,
      label: null,
    },
    marks,
  };
}
