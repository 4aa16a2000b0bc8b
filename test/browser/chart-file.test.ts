/**
 * A chart's image file (/diagram/<id>.svg), as a reader downloads it from a
 * kommun page: it opens as an image in the browser (well-formed SVG) at its
 * full size, and carries the chart's title and the site's name.
 */
import { describe, expect, it } from "vitest";
import { useSiteInBrowser } from "./harness";

const browser = useSiteInBrowser();

describe("chart image file", () => {
  it("is offered beside each chart and opens as an image with its title", async () => {
    const page = await browser.ctx.newPage();
    try {
      await page.goto(`${browser.site.origin}/kommun/0180/`);
      const charts = await page.locator("figure.chart[data-chart-id]").count();
      const links = page.locator('figure.chart [data-chart-part="svg-file"] a[download]');
      expect(await links.count(), "one image link per chart").toBe(charts);
      const href = (await links.first().getAttribute("href"))!;
      const title = (await page.locator("figure.chart .chart-title").first().textContent())!.trim();
      const size = await page.evaluate(
        (src) =>
          new Promise<{ w: number; h: number }>((resolve, reject) => {
            const img = new Image();
            img.onload = () => resolve({ w: img.naturalWidth, h: img.naturalHeight });
            img.onerror = () => reject(new Error(`${src} does not open as an image`));
            img.src = src;
          }),
        href,
      );
      expect(size.w).toBe(680);
      expect(size.h).toBeGreaterThan(300);
      const res = await fetch(browser.site.origin + href);
      expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
      const text = (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
      expect(text).toContain("Finsam i siffror");
      expect(text).toContain(title.split(" ")[0]!);
    } finally {
      await page.close();
    }
  });
});
