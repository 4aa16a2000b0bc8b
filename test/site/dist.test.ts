/**
 * Checks on the built site (dist/, made by `npm run build`; `npm test` builds first):
 * pages exist, stay lean, ship no JavaScript unless interactive, and each
 * chart's CSV has exactly the rows of its table.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";

const DIST = path.resolve("dist");
const read = (p: string) => fs.readFileSync(path.join(DIST, p), "utf8");
const built = fs.existsSync(path.join(DIST, "kommun/0180/index.html"));

describe.skipIf(!built)("built site", () => {
  it("has a page for each of the 290 kommuner and each year 2004–2022", () => {
    const kommuner = fs.readdirSync(path.join(DIST, "kommun"), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(kommuner.length).toBe(290);
    for (let y = 2004; y <= 2022; y++) expect(fs.existsSync(path.join(DIST, `ar/${y}/index.html`))).toBe(true);
    for (const p of ["index.html", "kommun/index.html", "data/index.html", "metod/index.html", "jamfor/index.html", "sok/index.html", "ar/index.html"])
      expect(fs.existsSync(path.join(DIST, p)), p).toBe(true);
  });

  it("keeps a kommun page well under 60 KB gzipped, with no JavaScript", () => {
    const html = read("kommun/0180/index.html");
    expect(gzipSync(html).length).toBeLessThan(60_000);
    expect(html).not.toContain("<script");
  });

  it("ships JavaScript only on the interactive pages, never inline", () => {
    for (const p of ["index.html", "kommun/index.html", "data/index.html", "metod/index.html", "ar/2012/index.html"]) expect(read(p), p).not.toContain("<script");
    for (const p of ["jamfor/index.html", "sok/index.html"]) {
      const scripts = read(p).match(/<script[^>]*>/g) ?? [];
      expect(scripts.length, p).toBeGreaterThan(0);
      for (const s of scripts) expect(s, p).toMatch(/src="\/_astro\//);
    }
  });

  it("gives every chart a summary, an accessible SVG, a table and a CSV with the table's rows", () => {
    const { document } = parseHTML(read("kommun/0180/index.html"));
    const figures = [...document.querySelectorAll("figure.chart")];
    expect(figures.length).toBe(6);
    for (const f of figures) {
      const svg = f.querySelector("svg[role=img]")!;
      expect(svg.getAttribute("aria-label")).toBeTruthy();
      expect(f.querySelector("figcaption .chart-summary")!.textContent).toMatch(/\d/);
      expect(f.querySelector("details > summary")!.textContent).toBe("Visa tabell");
      const rows = f.querySelectorAll("table tbody tr").length;
      const csvHref = f.querySelector("a[download]")!.getAttribute("href")!;
      const csv = fs.readFileSync(path.join(DIST, csvHref), "utf8").trimEnd().split("\n");
      expect(csv.length - 1).toBe(rows);
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

  it("shows version and data vintage from datapackage.json in the footer", () => {
    const pkg = JSON.parse(fs.readFileSync("public/data/datapackage.json", "utf8"));
    const html = read("metod/index.html");
    expect(html).toContain(`version ${pkg.version}`);
    expect(html).toContain(pkg.data_vintage);
  });
});
