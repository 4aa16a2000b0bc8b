/**
 * /historia/ without JavaScript on a 390 px wide phone: the timeline and the
 * trial map are SVGs drawn at build time, visible and sized; the page has no
 * script and does not scroll sideways; every event of the published timeline
 * and the 1998 total from the published Tabell 1 are on the page.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPublished } from "../../src/pipeline/publish/read";
import { formatNumber } from "../../src/site/format";
import { formatList, useSiteInBrowser } from "./harness";

const browser = useSiteInBrowser({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
const DATA = join(process.cwd(), "public/data");

describe("/historia/ without JavaScript at 390 px", () => {
  it("shows the timeline and the map as visible SVGs, with no script and no sideways scroll", async () => {
    const page = await browser.ctx.newPage();
    try {
      const res = await page.goto(browser.site.origin + "/historia/");
      expect(res?.status()).toBe(200);
      for (const id of ["#tidslinje-figur", "#karta-figur", "#resultat-1998"]) {
        const svg = page.locator(`${id} > svg`);
        expect(await svg.isVisible(), id).toBe(true);
        const box = (await svg.boundingBox())!;
        expect(box.width, id).toBeGreaterThan(200);
        expect(box.width, id).toBeLessThanOrEqual(390);
        expect(box.height, id).toBeGreaterThan(100);
      }
      expect(await page.locator("script").count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(browser.ctx.offOrigin, formatList("requests to other origins", browser.ctx.offOrigin)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("lists every published event and the published 1998 total", async () => {
    const page = await browser.ctx.newPage();
    try {
      await page.goto(browser.site.origin + "/historia/");
      const text = (await page.locator("#tidslinje-figur ol").innerText()).replace(/\s+/g, " ");
      const missing = readPublished(DATA, "socsam-tidslinje").filter((e) => !text.includes(e.event.replace(/\s+/g, " ")));
      expect(missing.map((e) => e.event)).toEqual([]);
      const total = readPublished(DATA, "socsam-1998").find((r) => r.breakdown === "Summa" && r.measure === "Finansiell ram")!;
      // textContent, not innerText: figures below the first use content-visibility: auto, so an off-screen table has no rendered text yet.
      expect(await page.locator("#resultat-1998 table").textContent()).toContain(formatNumber(total.value, 0));
    } finally {
      await page.close();
    }
  });
});
