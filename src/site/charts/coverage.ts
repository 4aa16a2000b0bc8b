/**
 * The start page's coverage chart drawn to SVG at build time: the registry's
 * band between what the sources prove and what they allow, and the published
 * national counts as points on a line.
 */
import * as Plot from "@observablehq/plot";
import { registryYears } from "../data";
import { coverageChartRows, coverageSummary, METRIC_WORDS, type CoverageMetric } from "../foerbund/coverage-over-time";
import { formatTick, formatYear } from "../format";
import { finishSvg, responsiveSvg, serverDocument } from "./render";

/** The chart as its wide and narrow SVG drawings (see responsiveSvg). */
export function renderCoverageChartSvg(metric: CoverageMetric, width = 680, height = 280): string {
  return responsiveSvg((w, h) => drawCoverageChart(metric, w, h), width, height);
}

function drawCoverageChart(metric: CoverageMetric, width: number, height: number): string {
  const rows = coverageChartRows(metric);
  // The registry's band ends at its last complete list (April 2015): after it the registry cannot count, and a
  // falling lower edge would read as förbund disappearing. The chart says "not known" there instead.
  const lastComplete = lastCompleteDate(rows);
  const band = rows.filter((r) => r.certain !== null && r.recorded !== null && (lastComplete === null || r.date <= lastComplete) && (Number.isInteger(r.x) || r.date === lastComplete));
  const pub = rows.filter((r) => r.published !== null);
  const { first, last } = registryYears();
  // A label every second year at full width, every fifth on the narrow drawing (13 px labels would collide).
  const step = width < 500 ? 5 : 2;
  const top = Math.max(...pub.map((r) => r.published!), 0);
  const unknownFrom = lastComplete === null ? null : band[band.length - 1]!.x;
  const figure = Plot.plot({
    document: serverDocument(),
    width,
    height,
    marginLeft: 48,
    marginRight: 20,
    marginTop: 16,
    ariaLabel: `${METRIC_WORDS[metric].title} ${first}–${last}: publicerade antal och registrets spann.`,
    ariaDescription: coverageSummary(metric),
    x: { type: "linear", domain: [first, last], tickFormat: formatYear, label: null, ticks: Array.from({ length: Math.floor((last - first) / step) + 1 }, (_, i) => first + i * step) },
    y: { grid: true, zero: true, nice: true, tickFormat: formatTick, label: null },
    marks: [
      Plot.areaY(band, { x: "x", y1: "certain", y2: "recorded", fill: "#9db7d9", fillOpacity: 0.6, ariaHidden: "true" }),
      Plot.line(band, { x: "x", y: "certain", stroke: "#1d4f91", strokeWidth: 1, ariaHidden: "true" }),
      Plot.line(band, { x: "x", y: "recorded", stroke: "#1d4f91", strokeWidth: 1, strokeDasharray: "3 3", ariaHidden: "true" }),
      ...(unknownFrom === null
        ? []
        : [
            Plot.rectY([{ x1: unknownFrom, x2: last, y: top }], { x1: "x1", x2: "x2", y1: 0, y2: "y", fill: "#e6e6e6", fillOpacity: 0.5, ariaHidden: "true" }),
            Plot.text([{ x: (unknownFrom + last) / 2, y: top * 0.35 }], { x: "x", y: "y", text: () => "Registret: antalet inte känt efter april 2015", fill: "#444", fontSize: 12, lineWidth: 14, ariaHidden: "true" }),
          ]),
      Plot.line(pub, { x: "x", y: "published", stroke: "#b4501b", strokeWidth: 2, ariaHidden: "true" }),
      Plot.dot(pub, { x: "x", y: "published", fill: "#b4501b", r: 4, symbol: "diamond", ariaHidden: "true" }),
      Plot.ruleY([0], { stroke: "#767676", ariaHidden: "true" }),
    ],
  });
  return finishSvg(figure);
}

/** The last day on which the registry's range is one number (a complete national list): null when there is none. */
export function lastCompleteDate(rows: ReadonlyArray<{ date: string; certain: number | null; recorded: number | null; unrecorded: number | null }>): string | null {
  const exact = rows.filter((r) => r.certain !== null && r.certain === r.recorded && (r.unrecorded ?? 0) === 0);
  return exact.length ? exact[exact.length - 1]!.date : null;
}
