/**
 * Browser program installed in every page the first-chart measurement loads,
 * before any page script (an init script, which the page's CSP does not
 * govern): it records long tasks and the DOMContentLoaded moment, and
 * window.__benchCollect() returns what the bench reads. Bundled by esbuild as
 * an IIFE (chart-compare-site.ts).
 */

export interface Collected {
  fcp: number | null;
  firstChart: number | null;
  allCharts: number | null;
  dcl: number | null;
  load: number | null;
  /** The chart's <svg> was already in the DOM at DOMContentLoaded (server-rendered). */
  svgAtDcl: boolean;
  /** When the first chart's drawing was first laid out inside the viewport (IntersectionObserver time); null if never. */
  chartOnScreen: number | null;
  longtasks: number[];
  /** Site paths of the page and of every resource it loaded. */
  resources: string[];
}

declare global {
  interface Window {
    __benchCollect?: () => Collected;
  }
}

const longtasks: number[] = [];
let dcl: number | null = null;
let svgAtDcl = false;

try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longtasks.push(e.duration);
  }).observe({ type: "longtask", buffered: true });
} catch {
  // No long-task timing in this browser: the count stays 0.
}

document.addEventListener("DOMContentLoaded", () => {
  dcl = performance.now();
  svgAtDcl = !!document.querySelector('figure [data-chart-part="svg"] svg');
});

/*
 * The first chart on screen, the same way for both variants: as soon as the
 * first chart's shown drawing (the wide one; Plot's in the client copy) is in
 * the DOM, an IntersectionObserver reports the rendering update in which it
 * first lies in the viewport. A page loaded at its top never reports it when
 * the chart is below the fold; a link to the chart (#diagram-…) scrolls to it,
 * and only such a load installs the observers.
 */
let chartOnScreen: number | null = null;
const CHART_SVG = '[data-chart-part="svg"] svg:not([data-variant="narrow"])';
const onScreen = new IntersectionObserver((entries) => {
  const hit = entries.find((e) => e.isIntersecting);
  if (hit && chartOnScreen === null) {
    chartOnScreen = hit.time;
    onScreen.disconnect();
  }
});
const waitForChart = new MutationObserver(() => {
  const svg = document.querySelector(CHART_SVG);
  if (!svg) return;
  waitForChart.disconnect();
  onScreen.observe(svg);
});
// Only a load through a link reads it; elsewhere a callback on every parsed node would only slow the page measured.
if (location.hash) waitForChart.observe(document, { childList: true, subtree: true });

/** startTime of the first entry of that name; null (never 0) when there is none. */
const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? null;

Object.defineProperty(window, "__benchCollect", {
  value: (): Collected => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return {
      fcp: mark("first-contentful-paint"),
      firstChart: mark("bench:first-chart-frame"),
      allCharts: mark("bench:all-charts-frame"),
      dcl,
      load: nav ? nav.loadEventEnd : null,
      svgAtDcl,
      chartOnScreen,
      longtasks: [...longtasks],
      resources: [location.pathname, ...performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname)],
    };
  },
});
