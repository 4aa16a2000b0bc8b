/**
 * The event-study chart: one estimate per year from joining, with its 95 %
 * interval as a vertical bar, the zero line drawn strongly (an interval that
 * crosses it shows no difference), and the years before joining hollow and
 * grey so they read as the check they are, not as results.
 */
import * as Plot from "@observablehq/plot";
import { formatTick } from "../format";
import type { EventPoint, OutcomeMeasure } from "../analysis/event-study";
import { finishSvg, responsiveSvg, serverDocument } from "./render";

export const PRE_COLOR = "#595959";
export const POST_COLOR = "#1d4f91";

export interface EventChartOptions {
  title: string;
  description: string;
  width?: number;
  height?: number;
}

export function eventChartOptions(m: OutcomeMeasure, points: readonly EventPoint[], opts: EventChartOptions & { document?: Document }): Plot.PlotOptions {
  const pre = points.filter((p) => p.e < 0);
  const post = points.filter((p) => p.e >= 0);
  const withCi = (ps: readonly EventPoint[]) => ps.filter((p) => p.low !== null && p.high !== null);
  const es = points.map((p) => p.e);
  const [x0, x1] = [Math.min(...es, -1), Math.max(...es, 0)];
  const ys = points.flatMap((p) => [p.estimate, p.low ?? p.estimate, p.high ?? p.estimate, 0]);
  const ticks = Array.from({ length: x1 - x0 + 1 }, (_, i) => x0 + i);
  return {
    document: opts.document,
    width: opts.width ?? 680,
    height: opts.height ?? 300,
    marginLeft: 52,
    marginRight: 16,
    marginTop: 24,
    marginBottom: 40,
    ariaLabel: `${opts.title}. ${m.name}, ${m.unit}.`,
    ariaDescription: opts.description,
    x: { type: "linear", domain: [x0 - 0.5, x1 + 0.5], ticks, tickFormat: (e: number) => (e > 0 ? `+${e}` : formatTick(e)), label: "År från anslutningen →", labelAnchor: "right" },
    y: { grid: true, nice: true, domain: [Math.min(...ys), Math.max(...ys)], tickFormat: formatTick, label: `↑ Skillnad, ${m.shortUnit || m.unit}`, labelAnchor: "top" },
    marks: [
      // The join: between the reference year (−1) and the join year (0).
      Plot.ruleX([-0.5], { stroke: "#767676", strokeDasharray: "4 3", ariaHidden: "true" }),
      Plot.text([{ x: -0.5 }], { x: "x", frameAnchor: "top", dy: -14, text: () => "anslutning", fill: "#333", ariaHidden: "true" }),
      Plot.ruleY([0], { stroke: "#1a1a1a", strokeWidth: 1.5, ariaHidden: "true" }),
      Plot.ruleX(withCi(pre), { x: "e", y1: "low", y2: "high", stroke: PRE_COLOR, strokeWidth: 1.5, strokeDasharray: "3 2", ariaHidden: "true" }),
      Plot.ruleX(withCi(post), { x: "e", y1: "low", y2: "high", stroke: POST_COLOR, strokeWidth: 2.5, ariaHidden: "true" }),
      Plot.dot(pre, { x: "e", y: "estimate", r: 4, fill: "white", stroke: PRE_COLOR, strokeWidth: 1.5, ariaHidden: "true" }),
      Plot.dot(post, { x: "e", y: "estimate", r: 4, fill: POST_COLOR, ariaHidden: "true" }),
    ],
  };
}

/** Both drawings (wide and narrow for phones, see responsiveSvg). */
export function renderEventChartSvg(m: OutcomeMeasure, points: readonly EventPoint[], opts: EventChartOptions): string {
  return responsiveSvg((width, height) => finishSvg(Plot.plot(eventChartOptions(m, points, { ...opts, width, height, document: serverDocument() }))), opts.width, opts.height);
}
