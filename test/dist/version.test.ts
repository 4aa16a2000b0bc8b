/**
 * What a reader cites: the version (package.json) and the data vintage
 * (src/pipeline/vintage.ts) are in every page's footer and in
 * datapackage.json, and they agree.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { DATA_VINTAGE } from "../../src/pipeline/vintage";
import { DIST, sitePages } from "../../scripts/lib/dist-pages";

const VERSION = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
/** Whitespace as a reader sees it: non-breaking and runs of spaces are one space. */
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ").trim();

describe("version and data vintage", () => {
  it("CITATION.cff cites the same version as package.json", () => {
    expect(readFileSync("CITATION.cff", "utf8")).toMatch(new RegExp(`^version: ${VERSION.replace(/\./g, "\\.")}$`, "m"));
  });

  it("datapackage.json carries package.json's version and the data vintage", () => {
    const pkg = JSON.parse(readFileSync(join(DIST, "data/datapackage.json"), "utf8")) as { version: string; data_vintage: string };
    expect(pkg.version).toBe(VERSION);
    expect(pkg.data_vintage).toBe(DATA_VINTAGE);
  });

  it("every page's footer shows the version and the data vintage", () => {
    const pages = sitePages().filter((p) => !p.url.endsWith(".html") || p.url === "/404.html");
    expect(pages.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const p of pages) {
      // Parse only the footers: thousands of whole pages would take seconds.
      const html = readFileSync(p.file, "utf8");
      const { document } = parseHTML(`<!doctype html><html><body>${(html.match(/<footer\b[\s\S]*?<\/footer>/g) ?? []).join("")}</body></html>`);
      const footers = [...document.querySelectorAll("footer")];
      const text = norm(footers.map((f) => f.textContent ?? "").join(" "));
      if (!footers.length) problems.push(`${p.url}: no <footer>`);
      else {
        if (!text.includes(VERSION)) problems.push(`${p.url}: footer lacks version ${VERSION}`);
        if (!text.includes(norm(DATA_VINTAGE))) problems.push(`${p.url}: footer lacks the data vintage "${DATA_VINTAGE}"`);
      }
    }
    expect(problems.slice(0, 20), `${problems.length} pages`).toEqual([]);
  });
});
