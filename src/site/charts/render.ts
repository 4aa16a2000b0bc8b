/**
 * Charts rendered to SVG at build time, so they are there with JavaScript off.
 * Plot needs a DOM; linkedom gives it one in Node.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { lineChartOptions, type LineChartOptions } from "./line";
import type { ChartSpec } from "./spec";

let doc: Document | undefined;
function serverDocument(): Document {
  doc ??= parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
  return doc;
}

/**
 * Plot writes coordinates with 15 digits; one decimal is below a pixel and
 * keeps a kommun page small. Only attribute values are touched, never text.
 */
export function roundSvgNumbers(svg: string): string {
  return svg.replace(/="([^"]*)"/g, (_m, value: string) => `="${value.replace(/-?\d+\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`);
}

/**
 * Plot puts a <style> element in every SVG; the same rules live once in
 * global.css (.chart svg), which keeps pages smaller and a strict
 * Content-Security-Policy simple.
 */
export function stripPlotStyle(svg: string): string {
  return svg.replace(/<style>[\s\S]*?<\/style>/, "");
}

export function renderLineChartSvg(spec: ChartSpec, opts: Omit<LineChartOptions, "document" | "tip"> = {}): string {
  const svg = Plot.plot(lineChartOptions(spec, { ...opts, document: serverDocument() })) as unknown as SVGSVGElement;
  // One image for assistive technology: its label and description say what the lines show.
  svg.setAttribute("role", "img");
  return roundSvgNumbers(stripPlotStyle(svg.outerHTML));
}
