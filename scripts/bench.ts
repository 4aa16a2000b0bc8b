/**
 * Benchmark (not a test): prints figures and writes bench/latest.json.
 *
 *   npx tsx scripts/bench.ts [--runs 3] [--browser-runs 5] [--scale-runs 3] [--skip build,pages,browser,scale]
 *
 * 1. build    wall time of the data step (scripts/data.ts, output to bench/tmp/data-out, not public/data)
 *             and of the page build (astro build --outDir bench/tmp/site, reading public/data):
 *             median, min, max of --runs runs, with peak memory (GNU time) when /usr/bin/time exists.
 * 2. pages    pages by type in that build, and gzip -9 bytes of HTML, JS, CSS and statically
 *             fetched data per type (median and max) — the same classifier as the budget tests.
 * 3. browser  headless Debian Chromium, CPU throttled 4× (CDP Emulation.setCPUThrottlingRate):
 *             a typical förbund page (median HTML size; a kommun page if there are none) as built
 *             (charts are SVG in the HTML) against a copy whose chart SVGs are removed and drawn in
 *             the browser by Plot from each chart's CSV (bundled with esbuild into bench/tmp).
 *             Time to first chart, bytes, long tasks; median of --browser-runs cold loads each.
 * 4. scale    the data build on generated data 10× larger (scripts/bench-scale.ts: registry ×10,
 *             indicators ×10, and both), in a child process each: wall time and peak memory.
 * Everything it writes is under bench/ (bench/tmp is gitignored); it never writes dist/, public/ or data/.
 * Nothing leaves 127.0.0.1: the browser aborts and counts every request to another origin.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Browser, CDPSession } from "playwright-core";
import { analysePage, BUDGET, median, pageWeight, sitePages, typicalPage, type AssetKind, type PageType } from "../test/budget/pages";
import { launchChromium } from "../test/browser/chromium";
import { serveDist } from "../test/browser/static-server";
import { generateScaledData, scaleDir, type ScaleResult } from "./bench-scale";

const ROOT = process.cwd();
const TMP = join(ROOT, "bench/tmp");
const NODE = process.execPath;
const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
const ASTRO = join(ROOT, "node_modules/astro/bin/astro.mjs");
const ESBUILD = join(ROOT, "node_modules/.bin/esbuild");
const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
const SITE = join(TMP, "site");

const { values: opts } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    "browser-runs": { type: "string", default: "5" },
    "scale-runs": { type: "string", default: "3" },
    skip: { type: "string", default: "" },
  },
});
const RUNS = Math.max(1, Number(opts.runs));
const BROWSER_RUNS = Math.max(1, Number(opts["browser-runs"]));
const SCALE_RUNS = Math.max(1, Number(opts["scale-runs"]));
const SKIP = new Set(opts.skip!.split(",").filter(Boolean));

// ---------------------------------------------------------------- helpers

interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}
function stat(xs: number[]): Stat {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

interface RunResult {
  seconds: number;
  maxRssMB: number | null;
  code: number;
  output: string;
}

/** Run node with args; wall time measured here, peak RSS by GNU time (-f %M, KB) when available. */
function runNode(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  const timeFile = join(TMP, `time-${process.pid}-${Date.now()}.txt`);
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ["-f", "%M", "-o", timeFile, NODE, ...args]] : [NODE, args];
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - t0) / 1000;
      let maxRssMB: number | null = null;
      if (GNU_TIME && existsSync(timeFile)) {
        const last = readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
        if (/^\d+$/.test(last)) maxRssMB = Number(last) / 1024;
        rmSync(timeFile, { force: true });
      }
      resolvePromise({ seconds, maxRssMB, code: code ?? -1, output });
    });
  });
}

function log(s = ""): void {
  process.stdout.write(s + "\n");
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const w = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join("  ");
  return [line(header), w.map((n) => "-".repeat(n)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

// ---------------------------------------------------------------- 1. build times

interface TimedCommand {
  command: string;
  seconds: Stat;
  maxRssMB: Stat | null;
}

async function timeCommand(label: string, args: string[], runs: number): Promise<TimedCommand> {
  const secs: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runNode(args);
    if (r.code !== 0) throw new Error(`${label} failed (exit ${r.code}):\n${r.output.slice(-3000)}`);
    secs.push(r.seconds);
    if (r.maxRssMB !== null) rss.push(r.maxRssMB);
    log(`  ${label} run ${i + 1}/${runs}: ${r.seconds.toFixed(2)} s${r.maxRssMB !== null ? `, peak ${r.maxRssMB.toFixed(0)} MB` : ""}`);
  }
  return { command: args.map((a) => a.replace(ROOT + "/", "")).join(" "), seconds: stat(secs), maxRssMB: rss.length ? stat(rss) : null };
}

// ---------------------------------------------------------------- 2. pages and weights

interface TypeWeights {
  pages: number;
  html: Stat;
  js: Stat;
  css: Stat;
  data: Stat;
  image: Stat;
  total: Stat;
}

function pageWeights(root: string): Record<string, TypeWeights> {
  const pages = sitePages(root);
  const by = new Map<PageType, Array<ReturnType<typeof pageWeight>>>();
  for (const p of pages) {
    const w = pageWeight(analysePage(p), root);
    by.set(p.type, [...(by.get(p.type) ?? []), w]);
  }
  const out: Record<string, TypeWeights> = {};
  for (const [type, ws] of [...by.entries()].sort((a, b) => b[1].length - a[1].length)) {
    const k = (kind: AssetKind) => stat(ws.map((w) => w.gzip[kind]));
    out[type] = { pages: ws.length, html: k("html"), js: stat(ws.map((w) => w.js)), css: k("css"), data: k("data"), image: k("image"), total: stat(ws.map((w) => w.total)) };
  }
  return out;
}

// ---------------------------------------------------------------- 3. browser: SSR vs client-rendered chart

/** The module the client-rendered copy loads: Plot draws each chart from its CSV. */
const CLIENT_ENTRY = `// Generated by scripts/bench.ts — a client-rendered variant of the site's charts, for the benchmark only.
import * as Plot from "@observablehq/plot";
import { lineChartOptions } from "../../src/site/charts/line";

function parseCsv(text) {
  const rows = []; let row = []; let f = ""; let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (c === '"') q = false; else f += c; }
    else if (c === '"') q = true;
    else if (c === ",") { row.push(f); f = ""; }
    else if (c === "\\n") { row.push(f); rows.push(row); row = []; f = ""; }
    else if (c !== "\\r") f += c;
  }
  if (f !== "" || row.length) { row.push(f); rows.push(row); }
  return rows;
}

function specFromCsv(id, fig, rows) {
  const [header, ...data] = rows;
  const numeric = header.map((_, j) => j > 0 && data.every((r) => r[j] === "" || Number.isFinite(Number(r[j]))));
  const cols = header.map((h, j) => (numeric[j] ? j : -1)).filter((j) => j > 0);
  const year = (p) => Number(String(p).slice(0, 4));
  const series = cols.map((j, k) => ({
    key: header[j], name: header[j],
    role: k === 0 ? "focus" : header[j] === "Riket" ? "reference" : "compare",
    points: data.map((r) => ({ year: year(r[0]), value: r[j] === "" ? null : Number(r[j]), period: String(r[0]).length > 4 ? r[0] : undefined })),
  }));
  const text = (sel) => (fig.querySelector(sel)?.textContent ?? "").trim();
  const unit = text(".chart-unit");
  return { id, title: text(".chart-title"), measure: { name: unit.split(",")[0], unit: unit.split(",").slice(1).join(",").trim(), shortUnit: "", decimals: 1 }, series, datasets: [], lead: text(".chart-title"), yZero: true };
}

async function main() {
  performance.mark("bench:script-start");
  const canvases = [...document.querySelectorAll("[data-bench-csv]")];
  let first = true;
  for (const el of canvases) {
    const rows = parseCsv(await (await fetch(el.dataset.benchCsv)).text());
    const fig = el.closest("figure");
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
main();
`;

/** Observers installed before any page script (init scripts are not subject to the page's CSP). */
const OBSERVE = `(() => {
  const b = { longtasks: [], dcl: null, svgAtDcl: false };
  Object.defineProperty(window, "__bench", { value: b });
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
  document.addEventListener("DOMContentLoaded", () => {
    b.dcl = performance.now();
    b.svgAtDcl = !!document.querySelector('figure [data-chart-part="svg"] svg');
  });
})();`;

const COLLECT = `(() => {
  const mark = (n) => (performance.getEntriesByName(n)[0] || {}).startTime ?? null;
  const nav = performance.getEntriesByType("navigation")[0];
  const b = window.__bench;
  return {
    fcp: (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime ?? null,
    firstChart: mark("bench:first-chart-frame"),
    allCharts: mark("bench:all-charts-frame"),
    dcl: b.dcl,
    load: nav ? nav.loadEventEnd : null,
    svgAtDcl: b.svgAtDcl,
    longtasks: b.longtasks.map((t) => t.duration),
    resources: [location.pathname, ...performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname)],
  };
})()`;

interface Collected {
  fcp: number | null;
  firstChart: number | null;
  allCharts: number | null;
  dcl: number | null;
  load: number | null;
  svgAtDcl: boolean;
  longtasks: number[];
  resources: string[];
}

interface LoadMetrics {
  timeToChartMs: number;
  fcpMs: number | null;
  dclMs: number | null;
  loadMs: number | null;
  allChartsMs: number | null;
  svgAtDcl: boolean;
  bytesTransferred: number;
  bytesGzip: number;
  requests: number;
  longTasks: number;
  longTaskMs: number;
  blockingMs: number;
}

interface VariantResult {
  url: string;
  runs: LoadMetrics[];
  timeToChartMs: Stat;
  fcpMs: Stat;
  allChartsMs: Stat | null;
  bytesTransferred: number;
  bytesGzip: number;
  requests: number;
  longTasks: Stat;
  longTaskMs: Stat;
  blockingMs: Stat;
}

function buildComparisonSite(page: { url: string; file: string }, siteRoot: string): { root: string; ssr: string; client: string; charts: number; bundleBytes: number } {
  const root = join(TMP, "chart-compare");
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(siteRoot, "_astro"), join(root, "_astro"), { recursive: true });
  const html = readFileSync(page.file, "utf8");
  // Each chart: the SVG container and the CSV the figure links to.
  let charts = 0;
  const client = html.replace(/<figure\b[\s\S]*?<\/figure>/g, (fig) => {
    const csv = /href="([^"]+\.csv)"/.exec(fig)?.[1];
    if (!csv || !fig.includes('data-chart-part="svg"')) return fig;
    const file = join(siteRoot, csv);
    if (!existsSync(file)) return fig;
    mkdirSync(dirname(join(root, csv)), { recursive: true });
    cpSync(file, join(root, csv));
    charts++;
    return fig.replace(/(<div class="chart-canvas" data-chart-part="svg")>[\s\S]*?<\/svg><\/div>/, `$1 data-bench-csv="${csv}"></div>`);
  });
  if (!charts) throw new Error(`${page.url}: no chart with an SVG and a CSV to compare`);
  const withScript = client.replace("</head>", `<script type="module" src="/bench-chart.js"></script></head>`);
  mkdirSync(join(root, "ssr"), { recursive: true });
  mkdirSync(join(root, "client"), { recursive: true });
  writeFileSync(join(root, "ssr/index.html"), html);
  writeFileSync(join(root, "client/index.html"), withScript);
  return { root, ssr: "/ssr/", client: "/client/", charts, bundleBytes: 0 };
}

async function bundleClient(root: string): Promise<number> {
  const entry = join(TMP, "bench-client-entry.js");
  writeFileSync(entry, CLIENT_ENTRY);
  const out = join(root, "bench-chart.js");
  await new Promise<void>((res, rej) => {
    const c = spawn(ESBUILD, [entry, "--bundle", "--format=esm", "--minify", "--target=es2022", `--outfile=${out}`, "--log-level=warning"], { cwd: ROOT, stdio: "inherit" });
    c.on("error", rej);
    c.on("close", (code) => (code === 0 ? res() : rej(new Error(`esbuild exited ${code}`))));
  });
  return statSync(out).size;
}

async function measureLoad(browser: Browser, origin: string, root: string, url: string, client: boolean, offOrigin: string[]): Promise<LoadMetrics> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    await context.route("**/*", (route) => {
      const u = route.request().url();
      if (u.startsWith(origin + "/") || u === origin) return route.continue();
      offOrigin.push(u);
      return route.abort("blockedbyclient");
    });
    await context.addInitScript({ content: OBSERVE });
    const page = await context.newPage();
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Network.enable");
    let bytes = 0;
    let requests = 0;
    cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests++;
    });
    await page.goto(origin + url, { waitUntil: "load" });
    // Wait for what the time is read from: the client's last chart mark, or (charts in the HTML) the first paint.
    // Reading too early would find no entry, and a missing time must never count as 0 ms.
    const ready = client ? 'performance.getEntriesByName("bench:all-charts-frame").length > 0' : 'performance.getEntriesByName("first-contentful-paint").length > 0';
    const until = Date.now() + 60_000;
    while (!(await page.evaluate(ready))) {
      if (Date.now() > until) throw new Error(`${url}: ${client ? "the client-rendered charts never appeared" : "no first contentful paint"}`);
      await page.waitForTimeout(20);
    }
    // Let the long-task observer and paint timing report.
    await page.waitForTimeout(300);
    // A string, not a function: tsx would wrap named arrow functions in a helper the page does not have.
    const m = (await page.evaluate(COLLECT)) as Collected;
    const gz = m.resources.reduce((s, p) => {
      const f = join(root, decodeURIComponent(p), p.endsWith("/") ? "index.html" : "");
      return s + (existsSync(f) && statSync(f).isFile() ? gzipSync(readFileSync(f), { level: 9 }).length : 0);
    }, 0);
    // Server-rendered: the chart is in the HTML (present at DOMContentLoaded), so it shows with the first contentful paint.
    const timeToChart = client ? m.firstChart : m.svgAtDcl ? m.fcp : null;
    if (timeToChart === null) throw new Error(`${url}: no chart time (svg at DOMContentLoaded: ${m.svgAtDcl}, first contentful paint: ${m.fcp})`);
    return {
      timeToChartMs: timeToChart,
      fcpMs: m.fcp,
      dclMs: m.dcl,
      loadMs: m.load,
      allChartsMs: m.allCharts,
      svgAtDcl: m.svgAtDcl,
      bytesTransferred: bytes,
      bytesGzip: gz,
      requests,
      longTasks: m.longtasks.length,
      longTaskMs: m.longtasks.reduce((s, d) => s + d, 0),
      blockingMs: m.longtasks.reduce((s, d) => s + Math.max(0, d - 50), 0),
    };
  } finally {
    await context.close();
  }
}

function summarise(url: string, runs: LoadMetrics[]): VariantResult {
  const all = runs.map((r) => r.allChartsMs).filter((x): x is number => x !== null);
  return {
    url,
    runs,
    timeToChartMs: stat(runs.map((r) => r.timeToChartMs)),
    fcpMs: stat(runs.map((r) => r.fcpMs ?? NaN).filter(Number.isFinite)),
    allChartsMs: all.length ? stat(all) : null,
    bytesTransferred: median(runs.map((r) => r.bytesTransferred)),
    bytesGzip: median(runs.map((r) => r.bytesGzip)),
    requests: median(runs.map((r) => r.requests)),
    longTasks: stat(runs.map((r) => r.longTasks)),
    longTaskMs: stat(runs.map((r) => r.longTaskMs)),
    blockingMs: stat(runs.map((r) => r.blockingMs)),
  };
}

let chromiumVersion: string | null = null;

async function browserBench(siteRoot: string) {
  const pages = sitePages(siteRoot);
  const page = typicalPage("forbund", undefined, pages.filter((p) => p.type === "forbund" && analysePage(p).tableCharts > 0)) ?? typicalPage("kommun", "/kommun/0180/", pages);
  if (!page) throw new Error("no förbund or kommun page in the build");
  const cmp = buildComparisonSite(page, siteRoot);
  cmp.bundleBytes = await bundleClient(cmp.root);
  log(`  page: ${page.url} (${page.type}), ${cmp.charts} charts; client bundle ${kb(cmp.bundleBytes)} (gzip ${kb(gzipSync(readFileSync(join(cmp.root, "bench-chart.js")), { level: 9 }).length)})`);
  const server = await serveDist(cmp.root);
  const browser = await launchChromium();
  chromiumVersion = browser.version();
  const offOrigin: string[] = [];
  const ssr: LoadMetrics[] = [];
  const client: LoadMetrics[] = [];
  try {
    // Warm-up (not counted), then alternate so drift hits both variants alike.
    await measureLoad(browser, server.origin, cmp.root, cmp.ssr, false, offOrigin);
    await measureLoad(browser, server.origin, cmp.root, cmp.client, true, offOrigin);
    for (let i = 0; i < BROWSER_RUNS; i++) {
      ssr.push(await measureLoad(browser, server.origin, cmp.root, cmp.ssr, false, offOrigin));
      client.push(await measureLoad(browser, server.origin, cmp.root, cmp.client, true, offOrigin));
      log(`  run ${i + 1}/${BROWSER_RUNS}: SSR chart at ${ssr.at(-1)!.timeToChartMs.toFixed(0)} ms, client chart at ${client.at(-1)!.timeToChartMs.toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const s = summarise(cmp.ssr, ssr);
  const c = summarise(cmp.client, client);
  return {
    page: page.url,
    pageType: page.type,
    charts: cmp.charts,
    cpuThrottling: 4,
    clientBundleBytes: cmp.bundleBytes,
    offOriginRequests: offOrigin.length,
    ssr: s,
    client: c,
    ratio: {
      timeToChart: c.timeToChartMs.median / s.timeToChartMs.median,
      bytesTransferred: c.bytesTransferred / s.bytesTransferred,
      bytesGzip: c.bytesGzip / s.bytesGzip,
    },
    method:
      "SSR: time to chart = first-contentful-paint, with the chart's <svg> already in the DOM at DOMContentLoaded. Client: a copy of the page with each chart's SVG removed and a module script (Plot + the site's lineChartOptions, esbuild-bundled) that fetches each chart's CSV and draws it; time to chart = performance.mark after the first SVG is appended, at the next requestAnimationFrame. Cold context per load, CPU throttled 4× via CDP, served from 127.0.0.1 without compression (bytesTransferred) — bytesGzip is the gzip -9 size of the same files.",
  };
}

// ---------------------------------------------------------------- 4. scale

interface ScaleRow {
  label: string;
  registryFactor: number;
  indicatorFactor: number;
  ok: boolean;
  error?: string;
  seconds: Stat;
  maxRssMB: Stat | null;
  result?: ScaleResult;
}

async function scaleBench(): Promise<ScaleRow[]> {
  const configs: Array<[string, number, number]> = [
    ["1× (as data/)", 1, 1],
    ["registry ×10", 10, 1],
    ["indicators ×10", 1, 10],
    ["registry ×10 + indicators ×10", 10, 10],
  ];
  const rows: ScaleRow[] = [];
  for (const [label, r, i] of configs) {
    generateScaledData(r, i);
    const secs: number[] = [];
    const rss: number[] = [];
    let result: ScaleResult | undefined;
    let error: string | undefined;
    for (let k = 0; k < SCALE_RUNS; k++) {
      const run = await runNode([TSX, "scripts/bench-scale.ts", "--run", scaleDir(r, i), "--registry", String(r), "--indicators", String(i)]);
      secs.push(run.seconds);
      if (run.maxRssMB !== null) rss.push(run.maxRssMB);
      if (run.code !== 0) {
        error = (/(RangeError|Error|FATAL)[^\n]*/.exec(run.output)?.[0] ?? `exit ${run.code}`).slice(0, 200);
        log(`  ${label}: FAILED after ${run.seconds.toFixed(1)} s${run.maxRssMB ? `, peak ${run.maxRssMB.toFixed(0)} MB` : ""}: ${error}`);
        break; // deterministic: do not repeat a failing build
      }
      result = JSON.parse(run.output.trim().split("\n").filter((l) => l.startsWith("{")).pop()!) as ScaleResult;
      log(`  ${label} run ${k + 1}/${SCALE_RUNS}: ${run.seconds.toFixed(1)} s (buildData ${result.seconds.toFixed(1)} s), peak ${(run.maxRssMB ?? result.maxRssMB).toFixed(0)} MB`);
    }
    rows.push({ label, registryFactor: r, indicatorFactor: i, ok: !error, error, seconds: stat(secs), maxRssMB: rss.length ? stat(rss) : null, result });
  }
  rmSync(join(TMP, "scale-data"), { recursive: true, force: true });
  return rows;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  const started = new Date();
  const report: Record<string, unknown> = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: null as string | null },
    options: { runs: RUNS, browserRuns: BROWSER_RUNS, scaleRuns: SCALE_RUNS, skip: [...SKIP] },
  };
  const summary: string[] = [];

  if (!SKIP.has("build")) {
    log(`\n== build times (${RUNS} runs each)`);
    const data = await timeCommand("data step", [TSX, "scripts/data.ts", "--out", join(TMP, "data-out")], RUNS);
    const site = await timeCommand("astro build", [ASTRO, "build", "--outDir", SITE], RUNS);
    report.build = { data, site };
    summary.push(
      table(
        ["step", "median", "min", "max", "peak RSS (median)"],
        [
          ["data step (scripts/data.ts)", `${data.seconds.median.toFixed(2)} s`, `${data.seconds.min.toFixed(2)} s`, `${data.seconds.max.toFixed(2)} s`, data.maxRssMB ? `${data.maxRssMB.median.toFixed(0)} MB` : "–"],
          ["page build (astro build)", `${site.seconds.median.toFixed(2)} s`, `${site.seconds.min.toFixed(2)} s`, `${site.seconds.max.toFixed(2)} s`, site.maxRssMB ? `${site.maxRssMB.median.toFixed(0)} MB` : "–"],
        ],
      ),
    );
  }
  const siteRoot = existsSync(join(SITE, "index.html")) ? SITE : join(ROOT, "dist");
  report.siteRoot = siteRoot.replace(ROOT + "/", "");

  if (!SKIP.has("pages")) {
    log(`\n== pages by type (${report.siteRoot})`);
    const w = pageWeights(siteRoot);
    report.pages = w;
    const k = (s: Stat) => `${(s.median / 1024).toFixed(1)}/${(s.max / 1024).toFixed(1)}`;
    summary.push(
      `gzip -9 KB per page, median/max (JS includes inline scripts; budgets: förbund JS ≤ ${BUDGET.forbundJs / 1024}, HTML ≤ ${BUDGET.forbundHtml / 1024}; any page ≤ ${BUDGET.pageTotal / 1024} total)\n` +
        table(
          ["type", "pages", "HTML", "JS", "CSS", "data", "images", "total"],
          Object.entries(w).map(([t, x]) => [t, x.pages, k(x.html), k(x.js), k(x.css), k(x.data), k(x.image), k(x.total)]),
        ),
    );
  }

  if (!SKIP.has("browser")) {
    log(`\n== browser: server-rendered SVG vs Plot in the browser (CPU throttled 4× via CDP, ${BROWSER_RUNS} runs each)`);
    const b = await browserBench(siteRoot);
    report.browser = b;
    (report.machine as { chromium: string | null }).chromium = chromiumVersion;
    const row = (name: string, v: VariantResult) => [
      name,
      `${v.timeToChartMs.median.toFixed(0)} (${v.timeToChartMs.min.toFixed(0)}–${v.timeToChartMs.max.toFixed(0)})`,
      `${v.fcpMs.median.toFixed(0)}`,
      v.allChartsMs ? `${v.allChartsMs.median.toFixed(0)}` : "in HTML",
      kb(v.bytesTransferred),
      kb(v.bytesGzip),
      v.requests,
      `${v.longTasks.median} (${v.longTasks.min}–${v.longTasks.max})`,
      `${v.longTaskMs.median.toFixed(0)}`,
      `${v.blockingMs.median.toFixed(0)}`,
    ];
    summary.push(
      `${b.page} (${b.charts} charts), CPU throttled 4×, median of ${BROWSER_RUNS} cold loads; requests to other origins: ${b.offOriginRequests}\n` +
        table(
          ["variant", "time to chart ms (min–max)", "FCP ms", "all charts ms", "transferred", "gzip -9", "requests", "long tasks", "long task ms", "blocking ms"],
          [row("server-rendered SVG", b.ssr), row("Plot in the browser", b.client)],
        ) +
        `\nratio client/SSR: time to chart ${b.ratio.timeToChart.toFixed(1)}×, bytes ${b.ratio.bytesTransferred.toFixed(1)}× (gzip ${b.ratio.bytesGzip.toFixed(1)}×)`,
    );
    if (b.offOriginRequests) throw new Error(`${b.offOriginRequests} requests tried to leave 127.0.0.1`);
  }

  /** A figure that may be missing (a skipped or failed measurement) prints as "–". */
  const fixed = (x: number | null | undefined, digits: number) => (x == null || !Number.isFinite(x) ? "–" : x.toFixed(digits));
  if (!SKIP.has("scale")) {
    log(`\n== scale: data build on generated data (bench/tmp/scale-data), ${SCALE_RUNS} runs each`);
    const rows = await scaleBench();
    report.scale = rows;
    summary.push(
      "data build (buildData in a child process) on generated data\n" +
        table(
          ["data", "förbund", "spells", "KPIs", "rows out", "output", "wall s median (min–max)", "peak RSS MB"],
          rows.map((r) => [
            r.label,
            r.result?.foerbund ?? "",
            r.result?.spells ?? "",
            r.result?.indicators ?? "",
            r.result?.rows ?? "",
            r.result ? `${fixed(r.result.outputMB, 0)} MB` : "",
            r.ok ? `${fixed(r.seconds.median, 1)} (${fixed(r.seconds.min, 1)}–${fixed(r.seconds.max, 1)})` : `FAILED at ${fixed(r.seconds.max, 1)}: ${r.error}`,
            fixed(r.maxRssMB?.median ?? r.result?.maxRssMB, 0),
          ]),
        ),
    );
  }

  report.startedAt = started.toISOString();
  report.seconds = (Date.now() - started.getTime()) / 1000;
  mkdirSync(join(ROOT, "bench"), { recursive: true });
  writeFileSync(join(ROOT, "bench/latest.json"), JSON.stringify(report, null, 2) + "\n");
  log("\n================ summary ================\n");
  log(summary.join("\n\n"));
  log(`\nwritten: bench/latest.json (${report.seconds} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

