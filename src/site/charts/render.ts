/**
 * Charts rendered to SVG at build time, so they are there with JavaScript off.
 * Plot needs a DOM; linkedom gives it one in Node. Every server-drawn chart
 * (line, förbund, coverage) goes through `finishSvg`.
 */
import { createHash } from "node:crypto";
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

/**
 * A phone shows a 680 px drawing at about half size, and its 13 px text at
 * 7 px. So every server-drawn chart is drawn twice: at its full width and at
 * NARROW_WIDTH, and global.css shows one of them by the viewport's width
 * (`svg[data-variant]`). The narrow drawing is never scaled up (its width is
 * fixed), so its text stays 13 px on a 390 px phone and at least 12 px down
 * to a 360 px one.
 */
export const NARROW_WIDTH = 340;
export const NARROW_HEIGHT = 240;

/** Marks a finished SVG (finishSvg output, which starts with "<svg ") as one of the two drawings. */
export function markVariant(svg: string, variant: "wide" | "narrow"): string {
  if (!svg.startsWith("<svg ")) throw new Error("markVariant expects an <svg> element as markup");
  return `<svg data-variant="${variant}" ${svg.slice(5)}`;
}

/** Both drawings of a chart, wide first, from one drawing function. */
export function responsiveSvg(draw: (width: number, height: number) => string, width = 680, height = 300): string {
  return markVariant(draw(width, height), "wide") + markVariant(draw(NARROW_WIDTH, Math.min(height, NARROW_HEIGHT)), "narrow");
}

const drawn = new Map<string, string>();

/**
 * One drawing of a line chart. A chart is drawn on its page, on its embed
 * page (/diagram/<id>/) and in its image file (/diagram/<id>.svg), and
 * drawing is most of what each of them costs (4–9 ms a drawing), so a build
 * draws each chart at each size once and reuses the markup. The key is a
 * hash of the spec's full content and the size, so a changed spec is always
 * drawn anew.
 */
export function renderLineChartSvg(spec: ChartSpec, opts: Omit<LineChartOptions, "document" | "tip"> = {}): string {
  const key = createHash("sha1").update(JSON.stringify([spec, opts.width ?? 680, opts.height ?? 300])).digest("base64");
  let svg = drawn.get(key);
  if (svg === undefined) {
    svg = finishSvg(Plot.plot(lineChartOptions(spec, { ...opts, document: serverDocument() })));
    drawn.set(key, svg);
  }
  return svg;
}

/** The line chart as both drawings (see responsiveSvg). */
export function renderLineChartMarkup(spec: ChartSpec, opts: Omit<LineChartOptions, "document" | "tip"> = {}): string {
  return responsiveSvg((width, height) => renderLineChartSvg(spec, { ...opts, width, height }), opts.width, opts.height);
}
