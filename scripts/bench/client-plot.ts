/**
 * Browser program of the bench's client-rendered variant (never part of the
 * site). The copy of the page has each chart's SVG removed; this draws every
 * chart again with Plot from the chart's CSV, using the site's own
 * lineChartOptions, and marks when the first and the last chart are on screen.
 * Bundled by esbuild (chart-compare-site.ts).
 */
import * as Plot from "@observablehq/plot";
import { lineChartOptions } from "../../src/site/charts/line";
import type { ChartSeries, ChartSpec } from "../../src/site/charts/spec";

type Rows = string[][];

/** CSV as the site writes it: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): Rows {
  const rows: Rows = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * A chart spec good enough to draw: numeric columns become series (the first
 * is the focus, "Riket" the reference), title and unit come from the figure.
 */
function specFromCsv(id: string, fig: Element, rows: Rows): ChartSpec {
  const [header = [], ...data] = rows;
  const numeric = header.map((_, j) => j > 0 && data.every((r) => r[j] === "" || Number.isFinite(Number(r[j]))));
  const cols = header.map((_, j) => (numeric[j] ? j : -1)).filter((j) => j > 0);
  const series: ChartSeries[] = cols.map((j, k) => ({
    key: header[j]!,
    name: header[j]!,
    role: k === 0 ? "focus" : header[j] === "Riket" ? "reference" : "compare",
    points: data.map((r) => {
      const period = r[0] ?? "";
      const cell = r[j] ?? "";
      return { year: Number(period.slice(0, 4)), value: cell === "" ? null : Number(cell), ...(period.length > 4 ? { period } : {}) };
    }),
  }));
  const text = (sel: string) => (fig.querySelector(sel)?.textContent ?? "").trim();
  const [name = "", ...unit] = text(".chart-unit").split(",");
  return {
    id,
    title: text(".chart-title"),
    measure: { name, unit: unit.join(",").trim(), shortUnit: "", decimals: 1 },
    series,
    datasets: [],
    lead: text(".chart-title"),
    yZero: true,
  };
}

async function drawCharts(): Promise<void> {
  performance.mark("bench:script-start");
  let first = true;
  for (const el of document.querySelectorAll<HTMLElement>("[data-bench-csv]")) {
    const rows = parseCsv(await (await fetch(el.dataset.benchCsv!)).text());
    const fig = el.closest("figure")!;
    const svg = Plot.plot(lineChartOptions(specFromCsv(fig.id, fig, rows), { width: 680 }));
    svg.setAttribute("role", "img");
    svg.querySelector("style")?.remove(); // as the site does: its CSP allows no inline style
    el.append(svg);
    if (first) {
      first = false;
      performance.mark("bench:first-chart");
      requestAnimationFrame(() => performance.mark("bench:first-chart-frame"));
    }
  }
  performance.mark("bench:all-charts");
  requestAnimationFrame(() => performance.mark("bench:all-charts-frame"));
}

void drawCharts();
