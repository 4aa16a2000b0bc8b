/**
 * Charts travel: every chart with a CSV also has a chart-only page
 * /diagram/<id>/ for other sites' iframes (title, drawing, source line, link
 * back to the chart on its page, no script, no navigation), the page it comes
 * from offers the iframe snippet and the chart's own address, and only the
 * embed pages may be framed by another site.
 */
import { existsSync, readFileSync } from "node:fs";
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
    const pages = ["/", "/kommun/0114/", "/deltagare/", "/jamfor/"];
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

describe("framing", () => {
  it("only the embed pages may be framed by other sites", () => {
    expect(securityHeaders("/diagram/kommun-0180-ohalsotal/")["Content-Security-Policy"]).toMatch(/frame-ancestors \*$/);
    expect(securityHeaders("/diagram/kommun-0180-ohalsotal/")["X-Frame-Options"]).toBeUndefined();
    for (const path of ["/", "/kommun/0180/", "/diagram/kommun-0180-ohalsotal.svg", "/diagram/x/y/"]) {
      expect(securityHeaders(path)["Content-Security-Policy"], path).toMatch(/frame-ancestors 'none'/);
      expect(securityHeaders(path)["X-Frame-Options"], path).toBe("DENY");
    }
    expect(headersFile()).toMatch(/\n\/diagram\/\*\n {2}! X-Frame-Options\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: [^\n]*frame-ancestors \*\n$/);
    expect(readFileSync(join(DIST, "_headers"), "utf8")).toBe(headersFile());
  });
});
