/**
 * Charts travel: every chart with a CSV also has a chart-only page
 * /diagram/<id>/ for other sites' iframes (title, drawing, source line, link
 * back to the chart on its page, no script, no navigation), the page it comes
 * from offers the iframe snippet and the chart's own address, and only the
 * embed pages may be framed by another site.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST, pageType, requireBuiltSite } from "../../scripts/lib/dist-pages";
import { headersFile, securityHeaders } from "../../src/security/headers";

requireBuiltSite();
const read = (url: string) => readFileSync(join(DIST, url, "index.html"), "utf8");

describe("chart-only pages /diagram/<id>/", () => {
  const kommunPage = read("/kommun/0180/");
  const ids = [...kommunPage.matchAll(/<figure class="chart" id="diagram-([^"]+)"/g)].map((m) => m[1]!);

  it("the kommun page offers each chart's address and an iframe snippet of its embed page", () => {
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      expect(kommunPage).toContain(`<code class="chart-url">https://finsam-i-siffror.example/kommun/0180/#diagram-${id}</code>`);
      expect(kommunPage).toContain(`&lt;iframe src=&quot;https://finsam-i-siffror.example/diagram/${id}/&quot;`);
    }
  });

  it("each embed page has the chart, its source line and a link back to the chart on its page, and no script or navigation", () => {
    for (const id of ids) {
      const html = read(`/diagram/${id}/`);
      expect(pageType(`/diagram/${id}/`)).toBe("embed");
      expect(html).toMatch(/<h1 class="chart-title"[^>]*>[^<]+<\/h1>/);
      expect(html).toContain('data-chart-part="svg"');
      expect(html).toMatch(/<p class="source-note"[^>]*>\s*Käll(a|or):/);
      expect(html).toContain(`href="https://finsam-i-siffror.example/kommun/0180/#diagram-${id}"`);
      expect(html).not.toMatch(/<script/i);
      // The markup, not the inline stylesheet (which names .site-nav).
      expect(html).not.toMatch(/<nav\b|class="site-nav"/);
    }
  });

  it("every snippet on the site points at an embed page that exists", () => {
    const pages = ["/", "/kommun/0114/", "/deltagare/", "/jamfor/", "/forbund/blekinge/"];
    let found = 0;
    for (const p of pages) {
      for (const m of read(p).matchAll(/&lt;iframe src=&quot;https:\/\/finsam-i-siffror\.example(\/diagram\/[^/]+\/)&quot;/g)) {
        expect(existsSync(join(DIST, m[1]!, "index.html")), m[1]).toBe(true);
        found++;
      }
    }
    expect(found).toBeGreaterThanOrEqual(8);
  });
});

describe("förbund charts travel like the others", () => {
  const ids = readdirSync(join(DIST, "forbund"), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(DIST, "forbund", d.name, "index.html")) && d.name !== "diagram")
    .map((d) => d.name);

  it("every chart on every förbund page has an anchor, an embed page, an image file and a CSV", () => {
    let charts = 0;
    const missing: string[] = [];
    for (const f of ids) {
      const html = read(`/forbund/${f}/`);
      for (const [, id] of html.matchAll(/<figure class="chart" id="diagram-([^"]+)" data-chart-id="[^"]+"/g)) {
        if (!id!.startsWith("forbund-")) continue;
        charts++;
        if (!html.includes(`href="#diagram-${id}"`)) missing.push(`${f}: anchor link of ${id}`);
        for (const file of [`diagram/${id}/index.html`, `diagram/${id}.svg`, `diagram/${id}.csv`]) if (!existsSync(join(DIST, file))) missing.push(`${f}: ${file}`);
        if (!html.includes(`&lt;iframe src=&quot;https://finsam-i-siffror.example/diagram/${id}/&quot;`)) missing.push(`${f}: embed snippet of ${id}`);
      }
    }
    expect(missing.slice(0, 20), `${missing.length} missing`).toEqual([]);
    // About five indicators for most of the 106 förbund: a build that lost them would have far fewer.
    expect(charts).toBeGreaterThan(400);
  });

  it("a förbund chart's embed page has its own source line, the dashed bounded years' legend and a link back", () => {
    const id = "forbund-finsam-lekeberg-och-orebro-ohalsotal";
    const html = read(`/diagram/${id}/`);
    expect(html).toMatch(/<h1 class="chart-title"[^>]*>Ohälsotal: Finsam Lekeberg och Örebro/);
    expect(html).toMatch(/<p class="source-note"[^>]*>\s*Käll(a|or):/);
    expect(html).toContain("forbund-indikatorer");
    expect(html).toContain("år då området vilar på datumgränser");
    expect(html).toContain('href="https://finsam-i-siffror.example/forbund/finsam-lekeberg-och-orebro/#diagram-forbund-finsam-lekeberg-och-orebro-ohalsotal"');
    expect(html).not.toMatch(/<script/i);
    const csv = readFileSync(join(DIST, `diagram/${id}.csv`), "utf8");
    expect(csv.split("\n")[0]).toMatch(/^period,.*,membership,status$/);
  });
});

describe("framing", () => {
  it("only the embed pages may be framed by other sites", () => {
    expect(securityHeaders("/diagram/kommun-0180-ohalsotal/")["Content-Security-Policy"]).toMatch(/frame-ancestors \*$/);
    expect(securityHeaders("/diagram/kommun-0180-ohalsotal/")["X-Frame-Options"]).toBeUndefined();
    for (const path of ["/", "/kommun/0180/", "/diagram/kommun-0180-ohalsotal.svg", "/diagram/x/y/", "/diagram/png/"]) {
      expect(securityHeaders(path)["Content-Security-Policy"], path).toMatch(/frame-ancestors 'none'/);
      expect(securityHeaders(path)["X-Frame-Options"], path).toBe("DENY");
    }
    expect(headersFile()).toMatch(/\n\/diagram\/\*\n {2}! X-Frame-Options\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: [^\n]*frame-ancestors \*\n/);
    // The PNG page (/diagram/png/) sits in the embed pages' folder but takes the site's policy back.
    expect(headersFile()).toMatch(/\n\/diagram\/png\/\*\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: [^\n]*frame-ancestors 'none'\n {2}X-Frame-Options: DENY\n$/);
    expect(readFileSync(join(DIST, "_headers"), "utf8")).toBe(headersFile());
  });
});
