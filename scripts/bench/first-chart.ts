/**
 * Time to first chart in headless Debian Chromium, CPU throttled 4× (CDP
 * Emulation.setCPUThrottlingRate): a typical förbund page (median HTML size;
 * a kommun page if there are none) as built, against a copy whose charts are
 * drawn in the browser by Plot (chart-compare-site.ts). Time to first chart,
 * bytes, long tasks; median of several cold loads each. Also loaded through
 * a link to the first chart (#diagram-…), the time until that chart is laid
 * out on screen, the same criterion for both (page-probe.ts). Nothing leaves
 * 127.0.0.1: the browser resolves no other host (ONLY_LOOPBACK, checked before
 * the runs) and every request to another origin is counted. Same-origin
 * requests are not intercepted: holding each one up in the DevTools protocol
 * slowed both variants by a time a reader's browser does not spend.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { launchChromium, ONLY_LOOPBACK } from "../lib/chromium";
import { sitePages, typicalPage } from "../lib/dist-pages";
import { analysePage } from "../lib/page-weight";
import { serveDist } from "../lib/static-server";
import { buildComparisonSite, pageProbeScript } from "./chart-compare-site";
import { kb, log, median, stat, table, type Stat } from "./common";
import type { Collected } from "./page-probe";

const CPU_THROTTLING = 4;
const FIRST_CHART_TARGET = 4;
/** The floor page: one paragraph, no styles, loaded exactly as the measured pages are. */
const FLOOR_PATH = "/bench-floor.html";
const FLOOR_HTML = '<!doctype html><html lang="sv"><meta charset="utf-8"><title>Tom sida</title><p>Tom sida för mätningen.</p></html>\n';

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

export interface FirstChartResult {
  page: string;
  pageType: string;
  charts: number;
  cpuThrottling: number;
  clientBundleBytes: number;
  offOriginRequests: number;
  ssr: VariantResult;
  client: VariantResult;
  /** Loaded through a link to the first chart: time until it is on screen, per variant. */
  link: { url: string; ssr: Stat; client: Stat; ratio: number };
  /** First contentful paint of an almost empty page (FLOOR_HTML) loaded the same way: what no page can beat in this set-up. */
  floorFcpMs: Stat;
  ratio: { timeToChart: number; bytesTransferred: number; bytesGzip: number };
  method: string;
}

interface Target {
  origin: string;
  /** Folder the server serves, to size what was loaded. */
  root: string;
  probe: string;
  offOrigin: string[];
}

/** Block until the page says what the time is read from; a missing time must never count as 0 ms. */
async function waitForChartTime(page: Page, url: string, client: boolean, viaLink: boolean): Promise<void> {
  const ready = viaLink
    ? "window.__benchCollect().chartOnScreen !== null"
    : client
      ? 'performance.getEntriesByName("bench:all-charts-frame").length > 0'
      : 'performance.getEntriesByName("first-contentful-paint").length > 0';
  const until = Date.now() + 60_000;
  while (!(await page.evaluate(ready))) {
    if (Date.now() > until) throw new Error(`${url}: ${viaLink ? "the linked chart never came on screen" : client ? "the client-rendered charts never appeared" : "no first contentful paint"}`);
    await page.waitForTimeout(20);
  }
  // Let the long-task observer and paint timing report.
  await page.waitForTimeout(300);
}

/** gzip -9 bytes of the files behind the loaded site paths. */
function gzipBytes(root: string, paths: string[]): number {
  return paths.reduce((s, p) => {
    const f = join(root, decodeURIComponent(p), p.endsWith("/") ? "index.html" : "");
    return s + (existsSync(f) && statSync(f).isFile() ? gzipSync(readFileSync(f), { level: 9 }).length : 0);
  }, 0);
}

/** Requests the page makes to its own server; data: and blob: URLs never reach the network. */
function isSameOrigin(url: string, origin: string): boolean {
  return url === origin || url.startsWith(origin + "/") || url.startsWith("data:") || url.startsWith("blob:");
}

/** Proves the host rule holds before anything is measured: a request to another host must fail in the browser. */
async function assertOnlyLoopback(browser: Browser): Promise<void> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const reached = await page.goto("http://example.com/", { timeout: 15_000 }).then(
      () => true,
      (e: Error) => !/ERR_NAME_NOT_RESOLVED/.test(e.message),
    );
    if (reached) throw new Error("the browser reached another host: the host rule that keeps the bench on 127.0.0.1 is not in force");
  } finally {
    await context.close();
  }
}

/** One cold load in a fresh context. */
async function measureLoad(browser: Browser, t: Target, url: string, client: boolean | "floor", linkTo?: string): Promise<LoadMetrics> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    // Counted, not intercepted: the browser's host rule (ONLY_LOOPBACK) makes any such request fail.
    context.on("request", (r) => {
      const u = r.url();
      if (!isSameOrigin(u, t.origin)) t.offOrigin.push(u);
    });
    await context.addInitScript({ content: t.probe });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_THROTTLING });
    await cdp.send("Network.enable");
    let bytes = 0;
    let requests = 0;
    cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
      bytes += e.encodedDataLength;
      requests++;
    });
    await page.goto(t.origin + url + (linkTo ? `#${linkTo}` : ""), { waitUntil: "load" });
    await waitForChartTime(page, url, client === true, !!linkTo);
    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    const m = (await page.evaluate("window.__benchCollect()")) as Collected;
    // Server-rendered: the chart is in the HTML (present at DOMContentLoaded), so it shows with the first contentful paint.
    // The floor page has no chart: its time is its first contentful paint.
    const timeToChart = linkTo ? m.chartOnScreen : client === "floor" ? m.fcp : client ? m.firstChart : m.svgAtDcl ? m.fcp : null;
    if (timeToChart === null) throw new Error(`${url}: no chart time (svg at DOMContentLoaded: ${m.svgAtDcl}, first contentful paint: ${m.fcp})`);
    return {
      timeToChartMs: timeToChart,
      fcpMs: m.fcp,
      dclMs: m.dcl,
      loadMs: m.load,
      allChartsMs: m.allCharts,
      svgAtDcl: m.svgAtDcl,
      bytesTransferred: bytes,
      bytesGzip: gzipBytes(t.root, m.resources),
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

const METHOD =
  "SSR: time to chart = first-contentful-paint, with the chart's <svg> already in the DOM at DOMContentLoaded. Client: a copy of the page with each chart's SVG removed and a module script (Plot + the site's lineChartOptions, esbuild-bundled) that fetches each chart's CSV and draws it; time to chart = performance.mark after the first SVG is appended, at the next requestAnimationFrame. Cold context per load, CPU throttled 4× via CDP, served from 127.0.0.1 (other hosts unresolvable by a Chromium host rule, requests observed, not intercepted) without compression (bytesTransferred) — bytesGzip is the gzip -9 size of the same files. Via link: both variants loaded at #<first chart's figure id>; time = IntersectionObserver time of the first rendering update in which the first chart's shown <svg> lies in the viewport (page-probe.ts). Floor: the first contentful paint of an almost empty page (one paragraph, no styles) loaded the same way, once per run.";

export async function measureFirstChart(siteRoot: string, runs: number): Promise<{ result: FirstChartResult; chromium: string }> {
  const pages = sitePages(siteRoot);
  const page = typicalPage("forbund", undefined, pages.filter((p) => p.type === "forbund" && analysePage(p).tableCharts > 0)) ?? typicalPage("kommun", "/kommun/0180/", pages);
  if (!page) throw new Error("no förbund or kommun page in the build");
  const cmp = await buildComparisonSite(page, siteRoot);
  log(`  page: ${page.url} (${page.type}), ${cmp.charts} charts; client bundle ${kb(cmp.bundleBytes)} (gzip ${kb(gzipSync(readFileSync(cmp.bundleFile), { level: 9 }).length)})`);
  const probe = await pageProbeScript();
  const server = await serveDist(cmp.root);
  const browser = await launchChromium([ONLY_LOOPBACK]);
  const chromium = browser.version();
  await assertOnlyLoopback(browser);
  const t: Target = { origin: server.origin, root: cmp.root, probe, offOrigin: [] };
  const ssr: LoadMetrics[] = [];
  const client: LoadMetrics[] = [];
  const link = { ssr: [] as number[], client: [] as number[] };
  const floor: number[] = [];
  writeFileSync(join(cmp.root, FLOOR_PATH.slice(1)), FLOOR_HTML);
  try {
    // Warm-up (not counted), then alternate so drift hits both variants alike.
    await measureLoad(browser, t, cmp.ssr, false);
    await measureLoad(browser, t, cmp.client, true);
    for (let i = 0; i < runs; i++) {
      ssr.push(await measureLoad(browser, t, cmp.ssr, false));
      client.push(await measureLoad(browser, t, cmp.client, true));
      link.ssr.push((await measureLoad(browser, t, cmp.ssr, false, cmp.firstChartId)).timeToChartMs);
      link.client.push((await measureLoad(browser, t, cmp.client, true, cmp.firstChartId)).timeToChartMs);
      floor.push((await measureLoad(browser, t, FLOOR_PATH, "floor")).timeToChartMs);
      log(
        `  run ${i + 1}/${runs}: SSR chart at ${ssr.at(-1)!.timeToChartMs.toFixed(0)} ms, client chart at ${client.at(-1)!.timeToChartMs.toFixed(0)} ms;` +
          ` via link, on screen at ${link.ssr.at(-1)!.toFixed(0)} and ${link.client.at(-1)!.toFixed(0)} ms; empty page painted at ${floor.at(-1)!.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const s = summarise(cmp.ssr, ssr);
  const c = summarise(cmp.client, client);
  const result: FirstChartResult = {
    page: page.url,
    pageType: page.type,
    charts: cmp.charts,
    cpuThrottling: CPU_THROTTLING,
    clientBundleBytes: cmp.bundleBytes,
    offOriginRequests: t.offOrigin.length,
    ssr: s,
    client: c,
    link: { url: `#${cmp.firstChartId}`, ssr: stat(link.ssr), client: stat(link.client), ratio: median(link.client) / median(link.ssr) },
    floorFcpMs: stat(floor),
    ratio: {
      timeToChart: c.timeToChartMs.median / s.timeToChartMs.median,
      bytesTransferred: c.bytesTransferred / s.bytesTransferred,
      bytesGzip: c.bytesGzip / s.bytesGzip,
    },
    method: METHOD,
  };
  return { result, chromium };
}

const range = (v: Stat) => `${v.median.toFixed(0)} (${v.min.toFixed(0)}–${v.max.toFixed(0)})`;

export function firstChartTable(b: FirstChartResult, runs: number): string {
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
  return (
    `${b.page} (${b.charts} charts), CPU throttled ${b.cpuThrottling}×, median of ${runs} cold loads; requests to other origins: ${b.offOriginRequests}\n` +
    table(
      ["variant", "time to chart ms (min–max)", "FCP ms", "all charts ms", "transferred", "gzip -9", "requests", "long tasks", "long task ms", "blocking ms"],
      [row("server-rendered SVG", b.ssr), row("Plot in the browser", b.client)],
    ) +
    `\nratio client/SSR: time to chart ${b.ratio.timeToChart.toFixed(1)}×, bytes ${b.ratio.bytesTransferred.toFixed(1)}× (gzip ${b.ratio.bytesGzip.toFixed(1)}×)` +
    `\nvia a link to the chart (${b.link.url}), chart on screen: SSR ${range(b.link.ssr)} ms, client ${range(b.link.client)} ms, ratio ${b.link.ratio.toFixed(1)}×` +
    `\n${firstChartTargetLine(b)}`
  );
}

/** Issue 14: the first chart paints at least 4× sooner than Plot draws it in the browser; with the floor that bounds any page here. */
export function firstChartTargetLine(b: FirstChartResult): string {
  const needed = b.client.timeToChartMs.median / FIRST_CHART_TARGET;
  const met = b.ratio.timeToChart >= FIRST_CHART_TARGET;
  return (
    `target (time to chart ≥ ${FIRST_CHART_TARGET}× sooner): ${met ? "MET" : "NOT MET"} (${b.ratio.timeToChart.toFixed(1)}×; ${FIRST_CHART_TARGET}× needs the SSR chart by ${needed.toFixed(0)} ms).` +
    ` An almost empty page first paints at ${range(b.floorFcpMs)} ms in the same set-up.`
  );
}
