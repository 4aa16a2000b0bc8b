/**
 * /deltagare/ in headless Chromium against dist/: axe-core (WCAG 2.1 A/AA)
 * finds no violations, the charts are visible without JavaScript, and the
 * page breaks no CSP rule and requests nothing from another origin.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cspViolations, guardedContext, openSite, type GuardedContext, type Site } from "./harness";

const AXE = readFileSync(join(process.cwd(), "node_modules/axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const URL_PATH = "/deltagare/";

let site: Site;
let strict: GuardedContext;
let axeCtx: GuardedContext;

beforeAll(async () => {
  site = await openSite();
  strict = await guardedContext(site, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  axeCtx = await guardedContext(site, { bypassCSP: true });
});
afterAll(async () => {
  await strict?.context.close();
  await axeCtx?.context.close();
  await site?.close();
});

describe("/deltagare/ in a browser", () => {
  it("has no axe violations (WCAG 2.1 A/AA)", async () => {
    const page = await axeCtx.newPage();
    try {
      expect((await page.goto(site.origin + URL_PATH))?.status()).toBe(200);
      await page.addScriptTag({ content: AXE });
      const result = (await page.evaluate(
        (tags) => (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<unknown> } }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
        WCAG_TAGS,
      )) as { violations: Array<{ id: string; nodes: unknown[] }> };
      expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("shows every chart without JavaScript on a phone, with no CSP violation or request elsewhere", async () => {
    const page = await strict.newPage();
    try {
      expect((await page.goto(site.origin + URL_PATH))?.status()).toBe(200);
      // Each chart has a wide and a narrow drawing; the phone shows the narrow one.
      const charts = page.locator("figure.chart .chart-canvas svg:visible");
      expect(await page.locator("figure.chart").count()).toBeGreaterThanOrEqual(6);
      const first = await charts.first().boundingBox();
      expect(first && first.width > 200 && first.width <= 390).toBe(true);
      expect(await cspViolations(page)).toEqual([]);
      expect(strict.offOrigin).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
