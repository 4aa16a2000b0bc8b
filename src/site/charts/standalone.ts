/**
 * A chart as a file of its own (/diagram/<id>.svg): the drawing with its
 * title, unit, source line and the site's name and address in the image, so
 * it still says what it is and where it comes from when it travels alone.
 * No <style> and no CSS: the text size and font are attributes, because an
 * SVG opened as a document gets none of the site's stylesheet.
 */
import { escapeHtml } from "../format";
import { SITE_NAME } from "../nav";
import { chartSources, freshnessText } from "../sources";
import { seriesStyles, type SeriesStyle } from "./line";
import { renderLineChartSvg } from "./render";
import type { ChartSpec } from "./spec";

const WIDTH = 680;
const HEIGHT = 300;

/** Words into lines of at most `max` characters (a long word gets a line of its own). */
export function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** "Källa: title; title. Publisher. Data: dataset." as plain text, as the page's SourceNote writes it. */
export function sourceText(spec: ChartSpec): string {
  const sources = chartSources(spec.datasets, spec.printedTables);
  const byPublisher = new Map<string, string[]>();
  for (const s of sources) byPublisher.set(s.publisher, [...(byPublisher.get(s.publisher) ?? []), s.title]);
  const parts = [...byPublisher].map(([publisher, titles]) => `${titles.join("; ")}. ${publisher}.`);
  const freshness = freshnessText(spec.datasets, sources);
  return `${sources.length > 1 ? "Källor" : "Källa"}: ${parts.join(" ")} Data: ${spec.datasets.join(", ")}.${freshness ? ` ${freshness}` : ""}`;
}

/**
 * linkedom writes a bare "&" in attribute values (e.g. "Älv & Kust" in a
 * chart's description), which HTML forgives but XML does not: the file would
 * not open as an image. Every "&" that does not start an entity becomes &amp;.
 */
export function xmlAmpersands(markup: string): string {
  return markup.replace(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g, "&amp;");
}

/** Line lengths in characters, short enough for a wide font such as DejaVu Sans (common on Linux, wider than most system fonts) to stay inside 680 px. */
const TITLE_CHARS = 62;
const SOURCE_CHARS = 98;
/** Legend rows: a 28 px line sample, the name at 12 px (about 7.5 px a character in DejaVu Sans), a gap. */
const LEGEND_ROW = 18;
const legendItemWidth = (name: string) => 28 + 6 + Math.ceil(name.length * 7.5) + 18;

/** Where each part of the standalone image goes; the size is the same for every site address. */
function layout(spec: ChartSpec) {
  const title = wrapWords(spec.title, TITLE_CHARS);
  const source = wrapWords(sourceText(spec), SOURCE_CHARS);
  const styles = seriesStyles(spec);
  // As on the page (ChartLegend): a legend only when there is more than one line to tell apart.
  const legend: Array<{ name: string; style: SeriesStyle; x: number; row: number }> = [];
  if (spec.series.length > 1) {
    let x = 0;
    let row = 0;
    spec.series.forEach((s, i) => {
      if (x > 0 && x + legendItemWidth(s.name) > WIDTH) (x = 0), row++;
      legend.push({ name: s.name, style: styles[i]!, x, row });
      x += legendItemWidth(s.name);
    });
  }
  const legendRows = legend.length ? legend[legend.length - 1]!.row + 1 : 0;
  const unitY = 12 + title.length * 21 + 12;
  const legendTop = unitY + 8;
  const top = legendTop + legendRows * LEGEND_ROW + 4;
  const height = top + HEIGHT + 12 + source.length * 16 + 22;
  return { title, source, legend, unitY, legendTop, top, height };
}

/** The standalone image's size in CSS pixels (the PNG is CHART_PNG_ZOOM times this). */
export function standaloneChartSize(spec: ChartSpec): { width: number; height: number } {
  return { width: WIDTH, height: layout(spec).height };
}

export function standaloneChartSvg(spec: ChartSpec, siteUrl: string): string {
  const { title, source, legend, unitY, legendTop, top, height } = layout(spec);
  const unit = spec.measure.name === "Antal" ? "Antal" : `${spec.measure.name}, ${spec.measure.unit}`;
  const credit = `${SITE_NAME} · ${siteUrl}`;
  const lines = (items: string[], x: number, y: number, step: number) => items.map((l, i) => `<tspan x="${x}" y="${y + i * step}">${escapeHtml(l)}</tspan>`).join("");
  const legendSvg = legend
    .map(({ name, style, x, row }) => {
      const y = legendTop + row * LEGEND_ROW + 9;
      const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : "";
      return `<line x1="${x + 1}" y1="${y}" x2="${x + 27}" y2="${y}" stroke="${style.color}" stroke-width="${style.width + 0.5}"${dash}/><text x="${x + 34}" y="${y + 4}">${escapeHtml(name)}</text>`;
    })
    .join("");
  // The drawing itself, nested at its place; its own font-size attribute (Plot's 10) is raised to the page's 13.
  const chart = xmlAmpersands(renderLineChartSvg(spec, { width: WIDTH, height: HEIGHT }))
    .replace(/^<svg /, `<svg x="0" y="${top}" `)
    .replace(/ font-size="10"/, ' font-size="13"');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    `<text font-size="17" font-weight="700" fill="#1a1a1a">${lines(title, 0, 28, 21)}</text>` +
    `<text font-size="13" fill="#555555">${lines([unit], 0, unitY, 0)}</text>` +
    (legendSvg ? `<g font-size="12" fill="#1a1a1a" aria-hidden="true">${legendSvg}</g>` : "") +
    chart +
    `<text font-size="12" fill="#555555">${lines(source, 0, top + HEIGHT + 26, 16)}</text>` +
    `<text font-size="12" font-weight="700" fill="#1a1a1a">${lines([credit], 0, height - 8, 0)}</text>` +
    `</svg>`
  );
}
