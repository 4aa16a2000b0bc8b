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

export function standaloneChartSvg(spec: ChartSpec, siteUrl: string): string {
  const title = wrapWords(spec.title, 68);
  const unit = spec.measure.name === "Antal" ? "Antal" : `${spec.measure.name}, ${spec.measure.unit}`;
  const source = wrapWords(sourceText(spec), 105);
  const credit = `${SITE_NAME} · ${siteUrl}`;
  const top = 12 + title.length * 21 + 22;
  const bottom = 12 + source.length * 16 + 22;
  const height = top + HEIGHT + bottom;
  const lines = (items: string[], x: number, y: number, step: number) => items.map((l, i) => `<tspan x="${x}" y="${y + i * step}">${escapeHtml(l)}</tspan>`).join("");
  // The drawing itself, nested at its place; its own font-size attribute (Plot's 10) is raised to the page's 13.
  const chart = renderLineChartSvg(spec, { width: WIDTH, height: HEIGHT })
    .replace(/^<svg /, `<svg x="0" y="${top}" `)
    .replace(/ font-size="10"/, ' font-size="13"');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif">` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    `<text font-size="17" font-weight="700" fill="#1a1a1a">${lines(title, 0, 28, 21)}</text>` +
    `<text font-size="13" fill="#555555">${lines([unit], 0, top - 10, 0)}</text>` +
    chart +
    `<text font-size="12" fill="#555555">${lines(source, 0, top + HEIGHT + 26, 16)}</text>` +
    `<text font-size="12" font-weight="700" fill="#1a1a1a">${lines([credit], 0, height - 8, 0)}</text>` +
    `</svg>`
  );
}
