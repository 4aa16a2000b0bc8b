/**
 * Every chart's "download data" link gives a CSV with exactly the rows,
 * columns and values of the chart's table: the CSV has full precision and a
 * decimal point ("26.8"), the table the value rounded for reading ("26,8").
 * Checked on one page of each type that has server-rendered charts with a
 * table and a CSV; a build without such a page of each type fails.
 */
import { describe, expect, it } from "vitest";
import { requireTypicalPage, sitePages, type PageType } from "../../scripts/lib/dist-pages";
import { analysePage } from "../../scripts/lib/page-weight";
import { formatList, useSiteInBrowser } from "./harness";
import { compareCsvToTable, parseCsvText, tableCells } from "./table";

const browser = useSiteInBrowser();

const PREFERRED: Partial<Record<PageType, string>> = { kommun: "/kommun/0180/", forbund: "/forbund/blekinge/" };
/** The types whose pages have charts with a table and a CSV (the compare page is checked in compare.test.ts). */
const TYPES: PageType[] = ["start", "kommun", "forbund", "forbund-index"];
const withTableCharts = sitePages().filter((p) => TYPES.includes(p.type) && analysePage(p).tableCharts > 0);
const pages = TYPES.map((t) => requireTypicalPage(t, PREFERRED[t], withTableCharts));

describe("chart downloads match the chart tables", () => {
  for (const p of pages) {
    it(`${p.url} (${p.type}): every chart's CSV equals its table`, async () => {
      const page = await browser.ctx.newPage();
      try {
        await page.goto(browser.site.origin + p.url);
        const figures = await page.locator('figure:has(table):has(a[href$=".csv"])').all();
        expect(figures.length, "charts with a table").toBeGreaterThan(0);
        const problems: string[] = [];
        for (const fig of figures) {
          const id = (await fig.getAttribute("id")) ?? "(figure)";
          const link = fig.locator('a[href$=".csv"]').first();
          if (!(await link.count())) {
            problems.push(`${id}: no CSV link`);
            continue;
          }
          const href = new URL((await link.getAttribute("href"))!, browser.site.origin + p.url).href;
          expect(new URL(href).origin, "the CSV is on the site").toBe(browser.site.origin);
          const res = await fetch(href);
          if (res.status !== 200) {
            problems.push(`${id}: ${href} → ${res.status}`);
            continue;
          }
          const csv = parseCsvText(await res.text());
          const table = await tableCells(fig.locator("table").first());
          problems.push(...compareCsvToTable(csv, table).map((m) => `${id}: ${m}`));
        }
        expect(problems.slice(0, 20), `${problems.length} differences`).toEqual([]);
        expect(browser.ctx.offOrigin, formatList("requests to other origins", browser.ctx.offOrigin)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
