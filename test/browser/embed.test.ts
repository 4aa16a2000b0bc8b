/**
 * An embed page works inside another site's iframe, and an ordinary page
 * refuses to be framed. The "other site" is a second local server on
 * 127.0.0.1 at another port, so another origin (a page fulfilled by a
 * Playwright route counts as a public address and Chromium's local-network
 * checks would block the frame for that reason instead). Every request to any
 * other origin is aborted and counted.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSite, type Site } from "./harness";

let site: Site;
let context: BrowserContext;
let embedder: Server;
let embedderOrigin = "";
const elsewhere: string[] = [];
beforeAll(async () => {
  site = await openSite();
  embedder = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><title>Another site</title>
      <iframe id="chart" src="${site.origin}/diagram/kommun-0180-ohalsotal/" width="680" height="560"></iframe>
      <iframe id="forbund" src="${site.origin}/diagram/forbund-blekinge-ohalsotal/" width="680" height="560"></iframe>
      <iframe id="page" src="${site.origin}/kommun/0180/" width="680" height="560"></iframe>`);
  });
  await new Promise<void>((resolve) => embedder.listen(0, "127.0.0.1", resolve));
  embedderOrigin = `http://127.0.0.1:${(embedder.address() as AddressInfo).port}`;
  context = await site.browser.newContext();
  await context.route("**/*", (route) => {
    const origin = new URL(route.request().url()).origin;
    if (origin === site.origin || origin === embedderOrigin) return route.continue();
    elsewhere.push(route.request().url());
    return route.abort();
  });
});
afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => embedder?.close(resolve));
  await site?.close();
});

describe("embedding a chart in another site", () => {
  it("shows the chart with its title and source in the iframe; an ordinary page is refused", async () => {
    const page = await context.newPage();
    await page.goto(`${embedderOrigin}/`);
    const chart = page.frameLocator("#chart");
    expect(await chart.locator("h1.chart-title").textContent({ timeout: 10_000 })).toMatch(/^Ohälsotal i Stockholm/);
    expect(await chart.locator('[data-chart-part="svg"] svg').count()).toBeGreaterThan(0);
    expect(await chart.locator(".source-note").textContent()).toMatch(/Källa/);
    // A förbund page's chart travels the same way.
    const forbund = page.frameLocator("#forbund");
    expect(await forbund.locator("h1.chart-title").textContent({ timeout: 10_000 })).toMatch(/^Ohälsotal: Samordningsförbundet Blekinge/);
    expect(await forbund.locator('[data-chart-part="svg"] svg').count()).toBeGreaterThan(0);
    expect(await forbund.locator(".source-note").textContent()).toMatch(/forbund-indikatorer/);
    // The kommun page is refused by frame-ancestors 'none': Chromium shows its error page in the frame instead.
    await page.waitForTimeout(500);
    const urls = page.frames().map((f) => f.url());
    expect(urls.some((u) => u.includes("/kommun/0180/"))).toBe(false);
    expect(urls.filter((u) => u.startsWith("chrome-error:"))).toHaveLength(1);
    expect(elsewhere).toEqual([]);
    await page.close();
  });
});
