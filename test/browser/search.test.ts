/**
 * The search page (/sok/) as a reader uses it: by kommun code, by a förbund's
 * former name (found under its current name), by an exact name that is also
 * part of other names, and without JavaScript (the form still leads to a
 * page that lists what was searched for).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatList, guardedContext, useSiteInBrowser } from "./harness";

interface Entry {
  name: string;
  type: string;
  url: string;
  code?: string;
  aliases?: string[];
}

const browser = useSiteInBrowser();

async function results(page: Page, query: string): Promise<Array<{ href: string; text: string }>> {
  await page.goto(`${browser.site.origin}/sok/`);
  await page.locator("#sok-fraga").fill(query);
  await page.waitForFunction(() => (document.getElementById("sok-status")?.textContent ?? "") !== "", undefined, { timeout: 15_000 });
  return page.evaluate(() => [...document.querySelectorAll("#sok-resultat li")].map((li) => ({ href: li.querySelector("a")?.getAttribute("href") ?? "", text: (li.textContent ?? "").replace(/\s+/g, " ").trim() })));
}

describe("search", () => {
  it('finds a kommun by its code: "1480" is Göteborg', async () => {
    const page = await browser.ctx.newPage();
    try {
      const hits = await results(page, "1480");
      expect(hits[0]?.href).toBe("/kommun/1480/");
      expect(hits[0]?.text).toMatch(/^Göteborg/);
    } finally {
      await page.close();
    }
  });

  it('puts Gotland first for "Gotland"', async () => {
    const page = await browser.ctx.newPage();
    try {
      const hits = await results(page, "Gotland");
      expect(hits[0]?.href).toBe("/kommun/0980/");
      expect(hits.length, "other names with Gotland in them are listed too").toBeGreaterThan(1);
    } finally {
      await page.close();
    }
  });

  it("finds a förbund by a former name, under its current name", async () => {
    const index = (await (await fetch(`${browser.site.origin}/sok/index.json`)).json()) as Entry[];
    const renamed = index.find((e) => e.type === "förbund" && e.aliases?.length);
    expect(renamed, "a förbund with a former name in the index").toBeDefined();
    const former = renamed!.aliases![0]!;
    const page = await browser.ctx.newPage();
    try {
      const hits = await results(page, former);
      const hit = hits.find((h) => h.href === renamed!.url);
      expect(hit, `${former} finds ${renamed!.url}`).toBeDefined();
      expect(hit!.text.startsWith(renamed!.name), "shown under its current name").toBe(true);
      expect(hit!.text).toContain(`tidigare namnet ${former}`);
      expect(hits.filter((h) => h.href === renamed!.url).length, "listed once").toBe(1);
    } finally {
      await page.close();
    }
  });

  it("without JavaScript, the form leads to a page that lists what was searched for", async () => {
    const noJs = await guardedContext(browser.site, { javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(`${browser.site.origin}/sok/`);
      await page.locator("#sok-fraga").fill("Kiruna");
      await Promise.all([page.waitForURL(/\/sok\/\?q=Kiruna/), page.locator("#sok-form button[type=submit]").click()]);
      const kiruna = page.locator('#sok-alla a[href="/kommun/2584/"]');
      expect(await kiruna.isVisible()).toBe(true);
      expect(await kiruna.textContent()).toBe("Kiruna");
      expect(await page.locator("#sok-alla").textContent()).toContain("2584");
      expect(noJs.offOrigin, formatList("requests to other origins", noJs.offOrigin)).toEqual([]);
    } finally {
      await noJs.context.close();
    }
  });
});
