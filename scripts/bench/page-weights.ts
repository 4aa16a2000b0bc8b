/**
 * Pages by type in a build, and gzip -9 bytes of HTML, JS, CSS, images and
 * statically fetched data per type (median and max): the same classifier and
 * weights as the budget tests.
 */
import { sitePages, type PageType } from "../lib/dist-pages";
import { analysePage, BUDGET, pageWeight, type AssetKind, type PageWeight } from "../lib/page-weight";
import { stat, table, type Stat } from "./common";

export interface TypeWeights {
  pages: number;
  html: Stat;
  js: Stat;
  css: Stat;
  data: Stat;
  image: Stat;
  total: Stat;
}

/** Per page type, the most common type first. */
export function measurePageWeights(root: string): Record<string, TypeWeights> {
  const by = new Map<PageType, PageWeight[]>();
  for (const p of sitePages(root)) {
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

export function pageWeightsTable(w: Record<string, TypeWeights>): string {
  const k = (s: Stat) => `${(s.median / 1024).toFixed(1)}/${(s.max / 1024).toFixed(1)}`;
  return (
    `gzip -9 KB per page, median/max (JS includes inline scripts; budgets: förbund JS ≤ ${BUDGET.forbundJs / 1024}, HTML ≤ ${BUDGET.forbundHtml / 1024}; any page ≤ ${BUDGET.pageTotal / 1024} total)\n` +
    table(
      ["type", "pages", "HTML", "JS", "CSS", "data", "images", "total"],
      Object.entries(w).map(([t, x]) => [t, x.pages, k(x.html), k(x.js), k(x.css), k(x.data), k(x.image), k(x.total)]),
    )
  );
}
