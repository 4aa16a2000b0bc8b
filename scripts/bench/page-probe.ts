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
      longtasks: [...longtasks],
      resources: [location.pathname, ...performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname)],
    };
  },
});
