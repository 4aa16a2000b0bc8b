/**
 * Checks on the built site (dist/, made by `npm run build`; `npm test` builds first):
 * pages exist, a kommun page stays lean, the interactive pages load their
 * scripts from files, and charts and tables show what the data says. The
 * site-wide budgets, footers and CSV contents are checked in test/budget/,
 * test/dist/version.test.ts and test/browser/csv-download.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { DIST, requireBuiltSite } from "../../scripts/lib/dist-pages";
import { formatWithUnit } from "../../src/site/format";

requireBuiltSite();
const read = (p: string) => fs.readFileSync(path.join(DIST, p), "utf8");

describe("built site", () => {
  it("has a page for each of the 290 kommuner and each year 2004–2022", () => {
    const kommuner = fs.readdirSync(path.join(DIST, "kommun"), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(kommuner.length).toBe(290);
    for (let y = 2004; y <= 2022; y++) expect(fs.existsSync(path.join(DIST, `ar/${y}/index.html`))).toBe(true);
    for (const p of ["index.html", "kommun/index.html", "data/index.html", "metod/index.html", "jamfor/index.html", "sok/index.html", "ar/index.html"])
      expect(fs.existsSync(path.join(DIST, p)), p).toBe(true);
  });

  it("keeps a kommun page well under 60 KB gzipped", () => {
    expect(gzipSync(read("kommun/0180/index.html")).length).toBeLessThan(60_000);
  });

  it("loads the interactive pages' JavaScript from /_astro/, never inline", () => {
    for (const p of ["jamfor/index.html", "sok/index.html"]) {
      const scripts = read(p).match(/<script[^>]*>/g) ?? [];
      expect(scripts.length, p).toBeGreaterThan(0);
      for (const s of scripts) expect(s, p).toMatch(/src="\/_astro\//);
    }
  });

  it("gives every chart a summary, an accessible SVG, a table, a CSV download and a source", () => {
    const { document } = parseHTML(read("kommun/0180/index.html"));
    const figures = [...document.querySelectorAll("figure.chart")];
    expect(figures.length).toBe(6);
    for (const f of figures) {
      const svg = f.querySelector("svg[role=img]")!;
      expect(svg.getAttribute("aria-label")).toBeTruthy();
      expect(f.querySelector("figcaption .chart-summary")!.textContent).toMatch(/\d/);
      expect(f.querySelector("details > summary")!.textContent).toBe("Visa tabell");
      expect(f.querySelector("table tbody tr"), "a table row").not.toBeNull();
      expect(f.querySelector('a[download][href$=".csv"]'), "a CSV download").not.toBeNull();
      expect(f.querySelector(".source-note")!.textContent).toMatch(/^\s*Käll(a|or):/);
    }
  });

  it("shows a missing value as a dash read as 'saknas', never as 0", () => {
    // Knivsta has no ohälsotal for 2001–2002 (the kommun was formed in 2003).
    const { document } = parseHTML(read("kommun/0330/index.html"));
    const firstRow = document.querySelector("figure.chart table tbody tr")!;
    expect(firstRow.querySelector("th")!.textContent).toBe("2001");
    expect(firstRow.querySelector("td")!.textContent).toBe("–saknas");
    const csv = read("diagram/kommun-0330-ohalsotal.csv").split("\n");
    expect(csv[1]).toMatch(/^2001,,/);
  });

  it("shows a förbund's Bilaga 2 tables on its page, cell for cell as published", () => {
    const { document } = parseHTML(read("forbund/kalmar-lan/index.html"));
    const tables = [...document.querySelectorAll("#bilaga-2 ~ .table-scroll table")];
    expect(tables.map((t) => t.querySelector("caption")!.textContent)).toEqual([
      "Aktuella individinriktade projekt och beräknade kostnader för 2015 – Samordningsförbundet i Kalmar län",
      "Andel och antal personer i arbete eller studier efter avslutade insatser – Samordningsförbundet i Kalmar län",
      "Samordningsförbundet i Kalmar – treårsbudget",
    ]);
    const published = JSON.parse(read("data/forbund-tabeller-2015.json")) as Array<{ table: string; foerbund_id: string }>;
    const b214 = tables[0]!;
    expect(b214.querySelectorAll("tbody tr").length).toBe(published.filter((r) => r.table === "B2-14").length);
    const total = [...b214.querySelectorAll("tbody tr")].find((tr) => tr.querySelector("td")?.textContent === "Totalt")!;
    expect(total.querySelector("td.num")!.textContent).toBe(formatWithUnit(14_320_500, 0, "kr"));
    // The part-year period is written out, not guessed to be the whole year.
    expect(tables[1]!.textContent).toContain("januari 2014–oktober 2014");
    // A blank cell in Göteborg Nordost's table is a dash with its reason, never 0.
    const nordost = parseHTML(read("forbund/goteborg-nordost/index.html")).document;
    const blank = [...nordost.querySelectorAll("#bilaga-2 ~ .table-scroll tbody tr")].find((tr) => /Tom ruta/.test(tr.textContent ?? ""))!;
    expect(blank.querySelector("td.num")!.textContent).toBe("–");
  });
});
