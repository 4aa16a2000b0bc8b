/**
 * Committee members print. In print media a page drops its navigation and
 * download links but keeps every chart and, opened, every chart's data table;
 * the PDF Chromium makes of it, with the page's own @page size, is A4. Checked on a förbund page and a year
 * page (the longest pages).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { requireTypicalPage, type PageType } from "../../scripts/lib/dist-pages";
import { formatList, useSiteInBrowser } from "./harness";

const browser = useSiteInBrowser();

/** A4 (210 × 297 mm) in PostScript points; Chromium rounds to whole device pixels, so allow 2 pt (US Letter is 612 × 792). */
const A4 = { width: 595.28, height: 841.89 };
const A4_TOLERANCE_PT = 2;

async function printView(page: Page) {
  await page.emulateMedia({ media: "print" });
  return page.evaluate(() => {
    const shown = (el: Element) => {
      // checkVisibility() is false inside a closed <details> (content-visibility: hidden), where boxes may keep their size.
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    };
    const figures = [...document.querySelectorAll("figure")];
    const name = (f: Element, i: number) => f.id || `figure ${i + 1}`;
    // The drawing: an <svg> larger than a legend swatch.
    const drawn = (f: Element) => [...f.querySelectorAll("svg")].some((svg) => { const b = svg.getBoundingClientRect(); return b.width >= 40 && b.height >= 40 && shown(svg); });
    return {
      navShown: [...document.querySelectorAll(".site-nav, .breadcrumbs, .skip-link, .chart-download")].filter(shown).length,
      charts: figures.filter((f) => f.querySelector("svg")).length,
      chartsWithoutSvg: figures.flatMap((f, i) => (f.querySelector("svg") && !drawn(f) ? [name(f, i)] : [])),
      // Every table, those behind a chart's "show table" toggle included.
      tables: document.querySelectorAll("main table").length,
      hiddenTables: [...document.querySelectorAll("main table")].filter((t) => !shown(t)).map((t) => t.querySelector("caption")?.textContent?.trim().slice(0, 80) || t.closest("[id]")?.id || "table"),
    };
  });
}

/** Page sizes in a PDF: Chromium writes one "/MediaBox [0 0 w h]" per distinct size, and "/Count n" for the page tree. */
function pdfPages(pdf: Buffer): { count: number; sizes: Array<{ width: number; height: number }> } {
  const text = pdf.toString("latin1");
  const sizes = [...text.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  const counts = [...text.matchAll(/\/Type \/Pages[^>]*?\/Count (\d+)|\/Count (\d+)[^>]*?\/Type \/Pages/g)].map((m) => Number(m[1] ?? m[2]));
  return { count: Math.max(0, ...counts), sizes };
}

const PREFERRED: Partial<Record<PageType, string>> = { forbund: "/forbund/botkyrka-huddinge-salem/", year: "/ar/2012/" };

describe("print on A4", () => {
  for (const type of ["forbund", "year"] as const) {
    it(`a ${type} page prints its charts and tables, without navigation`, async () => {
      const p = requireTypicalPage(type, PREFERRED[type]);
      const page = await browser.ctx.newPage();
      try {
        await page.goto(browser.site.origin + p.url);
        const view = await printView(page);
        expect(view.charts, `${p.url}: charts`).toBeGreaterThan(0);
        expect(view.navShown, `${p.url}: navigation or download links shown in print`).toBe(0);
        expect(view.chartsWithoutSvg, formatList(`${p.url}: charts without a visible drawing in print`, view.chartsWithoutSvg)).toEqual([]);
        expect(view.tables, `${p.url}: tables`).toBeGreaterThan(0);
        expect(view.hiddenTables, formatList(`${p.url}: tables not shown in print`, view.hiddenTables)).toEqual([]);

        const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true }));
        expect(pdf.count, `${p.url}: PDF pages`).toBeGreaterThan(0);
        expect(pdf.sizes.length, `${p.url}: page sizes in the PDF`).toBeGreaterThan(0);
        for (const s of pdf.sizes) {
          expect(Math.abs(s.width - A4.width), `${p.url}: page width ${s.width} pt, A4 ${A4.width}`).toBeLessThanOrEqual(A4_TOLERANCE_PT);
          expect(Math.abs(s.height - A4.height), `${p.url}: page height ${s.height} pt, A4 ${A4.height}`).toBeLessThanOrEqual(A4_TOLERANCE_PT);
        }
      } finally {
        await page.close();
      }
    });
  }
});
