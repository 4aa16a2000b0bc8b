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
      indicators: [...document.querySelectorAll<HTMLInputElement>('#jamfor-matt input[type="checkbox"]')].filter((b) => b.checked).map((b) => b.value),
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
        expect(v.indicators, "chosen indicator").toEqual([c.indicator]);
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

/** Wait until the script has settled: chips drawn, or the status says something. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.waitForFunction(() => document.querySelectorAll("#jamfor-valda li").length > 0 || (document.getElementById("jamfor-status")?.textContent ?? "") !== "", undefined, { timeout: 15_000 }).catch(() => undefined);
}

describe("compare page: several measures, bounded years, empty and unknown selections", () => {
  it("draws one chart per measure in the URL, each with the same areas", async () => {
    const query = "?indikator=ohalsotal,sjukpenningtal&omraden=0180,1280,00";
    const files = await Promise.all(["ohalsotal", "sjukpenningtal"].map(seriesFile));
    const names = ["0180", "1280", "00"].map((c) => files[0]!.areas[c]!.name);
    const page = await browser.ctx.newPage();
    try {
      await page.goto(`${browser.site.origin}/jamfor/${query}`);
      await page.waitForFunction(() => document.querySelectorAll("#jamfor-diagram figure").length === 2, undefined, { timeout: 15_000 }).catch(() => undefined);
      await settled(page);
      const figs = await page.evaluate(() =>
        [...document.querySelectorAll("#jamfor-diagram figure")].map((f) => ({
          id: f.id,
          title: (f.querySelector(".chart-title")?.textContent ?? "").trim(),
          columns: [...f.querySelectorAll("table thead th")].slice(1).map((th) => (th.textContent ?? "").replace(/[\s\u00a0]+/g, " ").trim()),
          svgs: f.querySelectorAll('[data-chart-part="svg"] svg').length,
        })),
      );
      expect(figs.map((f) => f.id)).toEqual(["diagram-jamfor-ohalsotal", "diagram-jamfor-sjukpenningtal"]);
      files.forEach((file, i) => expect(figs[i]!.title).toContain(file.indicator.name));
      for (const f of figs) {
        expect(f.columns, `${f.id} columns`).toEqual(names);
        expect(f.svgs, `${f.id}: one chart`).toBe(1);
      }
      const v = await view(page);
      expect(v.indicators).toEqual(["ohalsotal", "sjukpenningtal"]);
      expect(v.search).toBe(query);
      expect(browser.ctx.errors, formatList("console errors", browser.ctx.errors)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("draws a förbund's years on date bounds dashed, with hollow points, and says so in the legend", async () => {
    // Finsam Malmö's members rest on date bounds in its early years (forbund-indikatorer, membership = bounded).
    const page = await browser.ctx.newPage();
    try {
      await page.goto(`${browser.site.origin}/jamfor/?omraden=finsam-malmo,00`);
      await page.waitForFunction(() => /Finsam i Malmö/.test(document.querySelector("#jamfor-diagram .chart-title")?.textContent ?? ""), undefined, { timeout: 15_000 });
      const drawn = await page.evaluate(() => {
        const svg = document.querySelector('#jamfor-diagram [data-chart-part="svg"] svg')!;
        return {
          dashed: [...svg.querySelectorAll("[stroke-dasharray]")].filter((e) => e.getAttribute("stroke-dasharray") === "5 4" && e.querySelector("path, line")).length,
          hollow: [...svg.querySelectorAll("g[fill=white] circle, circle[fill=white]")].length,
          legend: [...document.querySelectorAll('#jamfor-diagram [data-chart-part="legend"] li')].map((li) => li.textContent ?? ""),
          summary: document.querySelector('#jamfor-diagram [data-chart-part="summary"]')?.textContent ?? "",
        };
      });
      expect(drawn.dashed, "a dashed segment group").toBeGreaterThan(0);
      expect(drawn.hollow, "hollow points").toBeGreaterThan(0);
      expect(drawn.legend.some((l) => /Finsam i Malmö, år då området vilar på datumgränser/.test(l))).toBe(true);
      expect(drawn.summary).toMatch(/vilar på datumgränser/);
    } finally {
      await page.close();
    }
  });

  it("shows a prompt, not an empty chart, when no area is chosen", async () => {
    const page = await browser.ctx.newPage();
    try {
      await page.goto(`${browser.site.origin}/jamfor/?omraden=`);
      await page.waitForFunction(() => !document.getElementById("jamfor-tom")?.hidden, undefined, { timeout: 15_000 });
      expect(await page.locator("#jamfor-tom").isVisible()).toBe(true);
      expect(await page.locator("#jamfor-diagram figure").first().isVisible()).toBe(false);
      expect(await page.locator("#jamfor-valda li").count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  for (const bad of ["xyz", "constructor"]) {
    it(`names and drops an unknown area in the URL (${bad})`, async () => {
      const page = await browser.ctx.newPage();
      const errorsBefore = browser.ctx.errors.length;
      try {
        await page.goto(`${browser.site.origin}/jamfor/?omraden=${bad},0180`);
        await page.waitForFunction((b) => (document.getElementById("jamfor-status")?.textContent ?? "").includes(b), bad, { timeout: 15_000 });
        const v = await view(page);
        expect(await page.locator("#jamfor-status").textContent()).toContain(`”${bad}”`);
        const file = await seriesFile("ohalsotal");
        expect(v.chips, "only the known area stays").toEqual([file.areas["0180"]!.name]);
        expect(v.columns).toEqual([file.areas["0180"]!.name]);
        expect(v.search, "dropped from the URL").toBe("?omraden=0180");
        expect(browser.ctx.errors.slice(errorsBefore)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
