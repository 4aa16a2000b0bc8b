/**
 * Charts rendered to SVG at build time, so they are there with JavaScript off.
 * Plot needs a DOM; linkedom gives it one in Node. Every server-drawn chart
 * (line, förbund, coverage) goes through `finishSvg`.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { lineChartOptions, type LineChartOptions } from "./line";
import type { ChartSpec } from "./spec";

let doc: Document | undefined;
/** The one DOM document Plot draws into at build time. */
export function serverDocument(): Document {
  doc ??= parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
  return doc;
}

/** A screen coordinate to a tenth of a pixel, as text (below a pixel, and short). */
export function roundPx(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/**
 * Plot writes coordinates with 15 digits; one decimal is below a pixel and
 * keeps a kommun page small. Only attribute values are touched, never text.
 */
export function roundSvgNumbers(svg: string): string {
  return svg.replace(/="([^"]*)"/g, (_m, value: string) => `="${value.replace(/-?\d+\.\d{2,}/g, (n) => roundPx(Number(n)))}"`);
}

/**
 * Plot puts a <style> element in every SVG; the same rules live once in
 * global.css (.chart svg), which keeps pages smaller and a strict
 * Content-Security-Policy simple.
 */
export function stripPlotStyle(svg: string): string {
  return svg.replace(/<style>[\s\S]*?<\/style>/, "");
}

/** A Plot figure as page markup: one image for assistive technology (its label and description say what it shows), small and style-free. */
export function finishSvg(figure: Element): string {
  const svg = figure as unknown as SVGSVGElement;
  svg.setAttribute("role", "img");
  return roundSvgNumbers(stripPlotStyle(svg.outerHTML));
}

export function renderLineChartSvg(spec: ChartSpec, opts: Omit<LineChartOptions, "document" | "tip"> = {}): string {
  return finishSvg(Plot.plot(lineChartOptions(spec, { ...opts, document: serverDocument() })));
}
