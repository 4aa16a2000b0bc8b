/**
 * The two variants the first-chart measurement loads, side by side in
 * bench/tmp/chart-compare/: /ssr/ is the page as built (charts are SVG in the
 * HTML); /client/ is a copy whose chart SVGs are removed and drawn in the
 * browser by client-plot.ts from each chart's CSV.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Page } from "../lib/dist-pages";
import { ESBUILD, ROOT, TMP } from "./common";

export interface ComparisonSite {
  root: string;
  ssr: string;
  client: string;
  charts: number;
  /** The element id of the first chart's <figure>: a link to it (#id) scrolls it into view. */
  firstChartId: string;
  /** Size of the client variant's bundle (Plot and the chart code), uncompressed. */
  bundleBytes: number;
  bundleFile: string;
}

/** Bundle a browser program of this folder with esbuild. */
export function bundleForBrowser(entry: string, outfile: string, format: "esm" | "iife"): Promise<void> {
  const args = [join(import.meta.dirname, entry), "--bundle", `--format=${format}`, "--minify", "--target=es2022", `--outfile=${outfile}`, "--log-level=warning"];
  return new Promise<void>((resolve, reject) => {
    const c = spawn(ESBUILD, args, { cwd: ROOT, stdio: "inherit" });
    c.on("error", reject);
    c.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`esbuild ${entry} exited ${code}`))));
  });
}

/** The page's HTML with each chart's SVG replaced by an empty canvas naming its CSV; the CSVs are copied beside it. */
function clientHtml(html: string, siteRoot: string, root: string): { html: string; charts: number; firstChartId: string } {
  let charts = 0;
  let firstChartId = "";
  const out = html.replace(/<figure\b[\s\S]*?<\/figure>/g, (fig) => {
    const csv = /href="([^"]+\.csv)"/.exec(fig)?.[1];
    if (!csv || !fig.includes('data-chart-part="svg"')) return fig;
    const file = join(siteRoot, csv);
    if (!existsSync(file)) return fig;
    mkdirSync(dirname(join(root, csv)), { recursive: true });
    cpSync(file, join(root, csv));
    charts++;
    firstChartId ||= /^<figure\b[^>]*?\sid="([^"]+)"/.exec(fig)?.[1] ?? "";
    return fig.replace(/(<div class="chart-canvas" data-chart-part="svg")>[\s\S]*?<\/svg><\/div>/, `$1 data-bench-csv="${csv}"></div>`);
  });
  return { html: out.replace("</head>", `<script type="module" src="/bench-chart.js"></script></head>`), charts, firstChartId };
}

export async function buildComparisonSite(page: Page, siteRoot: string): Promise<ComparisonSite> {
  const root = join(TMP, "chart-compare");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(siteRoot, "_astro"), join(root, "_astro"), { recursive: true });
  const html = readFileSync(page.file, "utf8");
  const client = clientHtml(html, siteRoot, root);
  if (!client.charts) throw new Error(`${page.url}: no chart with an SVG and a CSV to compare`);
  if (!client.firstChartId) throw new Error(`${page.url}: the first chart's <figure> has no id to link to`);
  mkdirSync(join(root, "ssr"), { recursive: true });
  mkdirSync(join(root, "client"), { recursive: true });
  writeFileSync(join(root, "ssr/index.html"), html);
  writeFileSync(join(root, "client/index.html"), client.html);
  const bundleFile = join(root, "bench-chart.js");
  await bundleForBrowser("client-plot.ts", bundleFile, "esm");
  return { root, ssr: "/ssr/", client: "/client/", charts: client.charts, firstChartId: client.firstChartId, bundleBytes: statSync(bundleFile).size, bundleFile };
}

/** The page probe as a script text for addInitScript. */
export async function pageProbeScript(): Promise<string> {
  const out = join(TMP, "bench-probe.js");
  await bundleForBrowser("page-probe.ts", out, "iife");
  return readFileSync(out, "utf8");
}
