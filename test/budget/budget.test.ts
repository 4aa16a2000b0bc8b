/**
 * Size budgets, read from dist/ (built by the pretest step). Sizes are
 * deterministic, so these are tests, not benchmarks. "gzip" is node:zlib at
 * level 9; a shared asset counts fully on every page that loads it (first load).
 */
import { describe, expect, it } from "vitest";
import { INTERACTIVE_TYPES, sitePages } from "../../scripts/lib/dist-pages";
import { analysePage, BUDGET, pageWeight, type PageAnalysis, type PageWeight } from "../../scripts/lib/page-weight";

const KB = 1024;

const pages = sitePages();
const analysed: PageAnalysis[] = pages.map(analysePage);
const weights: PageWeight[] = analysed.map((a) => pageWeight(a));
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

describe("size budgets (gzip -9)", () => {
  it("a page without an interactive chart ships no JavaScript (no script, inline or external, no modulepreload)", () => {
    const offenders = analysed
      .filter((a) => !INTERACTIVE_TYPES.includes(a.page.type))
      .filter((a) => a.externalScripts.length || a.inlineScripts.length || a.modulepreloads.length)
      .map((a) => `${a.page.url} [${a.page.type}]: ${[...a.externalScripts.map((s) => `script ${s}`), ...a.inlineScripts.map((s) => `inline script ${s.bytes} B`), ...a.modulepreloads.map((m) => `modulepreload ${m}`)].join(", ")}`);
    expect(offenders.slice(0, 15), `${offenders.length} pages ship JavaScript`).toEqual([]);
  });

  it(`a förbund page has ≤ ${kb(BUDGET.forbundJs)} JavaScript and ≤ ${kb(BUDGET.forbundHtml)} HTML`, () => {
    const forbund = weights.filter((w) => w.page.type === "forbund");
    expect(forbund.length, "the build has no förbund page (/forbund/<id>/)").toBeGreaterThan(0);
    const over = forbund
      .filter((w) => w.js > BUDGET.forbundJs || w.gzip.html > BUDGET.forbundHtml)
      .map((w) => `${w.page.url}: JS ${kb(w.js)}, HTML ${kb(w.gzip.html)}`);
    expect(over).toEqual([]);
  });

  it(`the one page that draws a chart's PNG (/diagram/png/) has JavaScript, at most ${kb(BUDGET.chartPngJs)}`, () => {
    const png = weights.filter((w) => w.page.type === "chart-png");
    expect(png.map((w) => w.page.url)).toEqual(["/diagram/png/"]);
    expect(png[0]!.js, "the drawing script").toBeGreaterThan(0);
    expect(png[0]!.js).toBeLessThanOrEqual(BUDGET.chartPngJs);
  });

  it(`no page weighs more than ${kb(BUDGET.pageTotal)} on first load`, () => {
    const over = weights.filter((w) => w.total > BUDGET.pageTotal).map((w) => `${w.page.url}: ${kb(w.total)} (html ${kb(w.gzip.html)}, css ${kb(w.gzip.css)}, js ${kb(w.gzip.js)}, img ${kb(w.gzip.image)}, data ${kb(w.gzip.data)})`);
    const heaviest = [...weights].sort((a, b) => b.total - a.total)[0];
    if (heaviest) console.log(`heaviest page: ${heaviest.page.url} ${kb(heaviest.total)}`);
    expect(over.slice(0, 15), `${over.length} pages over budget`).toEqual([]);
  });

  it("every statically referenced asset exists", () => {
    const missing = weights.flatMap((w) => w.missing.map((m) => `${w.page.url} → ${m}`));
    expect(missing.slice(0, 15)).toEqual([]);
  });
});
