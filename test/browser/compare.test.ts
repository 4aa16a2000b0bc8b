/**
 * The compare page (/jamfor/) keeps its view in the URL
 * (?indikator=<slug>&omraden=<code>,<code>,… — src/site/charts/compare.ts).
 * Opening such a link must show exactly that indicator and those areas, in
 * that order, in the legend, the table, the chosen-areas list and the title,
 * and the CSV offered for download must hold exactly the table's values.
 * The links are written out by hand: a shared link must keep working even if
 * the page's code changes.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { cspViolations, formatList, useSiteInBrowser } from "./harness";
import { compareCsvToTable, parseCsvText, tableCells } from "./table";

interface SeriesFile {
  indicator: { slug: string; name: string };
  areas: Record<string, { name: string }>;
}

const browser = useSiteInBrowser();

async function seriesFile(indicator: string): Promise<SeriesFile> {
  const res = await fetch(`${browser.site.origin}/jamfor/serier/${indicator}.json`);
  expect(res.status, `/jamfor/serier/${indicator}.json`).toBe(200);
  return (await res.json()) as SeriesFile;
}

const norm = (s: string | null) => (s ?? "").replace(/[\s\u00a0]+/g, " ").trim();

async function view(page: Page) {
  return page.evaluate(() => {
    const fig = document.querySelector("figure")!;
    const text = (el: Element | null) => (el?.textContent ?? "").replace(/[\s\u00a0]+/g, " ").trim();
    return {
      title: text(fig.querySelector(".chart-title, figcaption")),
      legend: [...fig.querySelectorAll('[data-chart-part="legend"] li')].map(text),
      columns: [...fig.querySelectorAll("table thead th")].slice(1).map(text),
      chips: [...document.querySelectorAll("#jamfor-valda li")].map((li) => text(li).replace(/\s*✕$/, "")),
      select: (document.querySelector("select") as HTMLSelectElement | null)?.value ?? null,
      search: location.search,
      svgs: [...fig.querySelectorAll('[data-chart-part="svg"] svg')].length,
      csvHref: (fig.querySelector('a[href$=".csv"], a[download]') as HTMLAnchorElement | null)?.href ?? null,
    };
  });
}

async function openCompare(query: string, indicator: string, codes: string[]) {
  const file = await seriesFile(indicator);
  const names = codes.map((c) => {
    expect(file.areas[c], `area ${c} in /jamfor/serier/${indicator}.json`).toBeDefined();
    return file.areas[c]!.name;
  });
  const page = await browser.ctx.newPage();
  const res = await page.goto(`${browser.site.origin}/jamfor/${query}`);
  expect(res?.status()).toBe(200);
  // The script draws the requested view after fetching its series file.
  await page.waitForFunction(
    (expected) => {
      const cols = [...document.querySelectorAll("figure table thead th")].slice(1).map((th) => (th.textContent ?? "").replace(/[\s\u00a0]+/g, " ").trim());
      return cols.join("|") === expected.join("|");
    },
    names,
    { timeout: 15_000 },
  ).catch(() => undefined);
  return { page, file, names };
}

describe("compare page: the view comes from the URL", () => {
  const cases = [
    { query: "?indikator=sjukpenningtal&omraden=0180,1280,00", indicator: "sjukpenningtal", codes: ["0180", "1280", "00"] },
    { query: "?omraden=2584,25,00", indicator: "ohalsotal", codes: ["2584", "25", "00"] },
  ];
  for (const c of cases) {
    it(`/jamfor/${c.query} shows ${c.indicator} for ${c.codes.join(", ")}`, async () => {
      const { page, file, names } = await openCompare(c.query, c.indicator, c.codes);
      try {
        const v = await view(page);
        expect(v.columns, "table columns").toEqual(names);
        expect(v.legend, "legend").toEqual(names);
        expect(v.chips, "chosen areas").toEqual(names);
        expect(v.select, "chosen indicator").toBe(c.indicator);
        expect(norm(v.title), "title names the indicator").toContain(file.indicator.name);
        for (const n of names) expect(norm(v.title), "title names every area").toContain(n);
        expect(v.search, "the URL is kept as given").toBe(c.query);
        expect(v.svgs, "one chart").toBe(1);

        // The download offered next to the chart holds exactly the table's values.
        expect(v.csvHref, "a CSV link").not.toBeNull();
        // It is a blob: URL made by the script; take it the way a reader does, as a download.
        const [download] = await Promise.all([page.waitForEvent("download"), page.locator('figure a[href$=".csv"], figure a[download]').first().click()]);
        const csvText = readFileSync((await download.path())!, "utf8");
        const csv = parseCsvText(csvText);
        expect(csv[0]!.slice(1), "CSV columns").toEqual(names);
        const table = await tableCells(page.locator("figure table").first());
        const mismatches = compareCsvToTable(csv, table);
        expect(mismatches, "CSV cells that differ from the table").toEqual([]);

        expect(await cspViolations(page), "CSP violations").toEqual([]);
        expect(browser.ctx.errors, formatList("console errors", browser.ctx.errors)).toEqual([]);
        expect(browser.ctx.offOrigin, formatList("requests to other origins", browser.ctx.offOrigin)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
