/**
 * Charts are rendered at build time: with JavaScript switched off, a kommun
 * page and a förbund page still show their chart (an <svg> inside a
 * <figure>, visible, with a nonzero size).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { requireTypicalPage } from "../../scripts/lib/dist-pages";
import { formatList, useSiteInBrowser } from "./harness";

const browser = useSiteInBrowser({ javaScriptEnabled: false });

/** The largest <svg> inside a <figure> (legend swatches are svgs too), with its box. */
async function chartBox(page: Page): Promise<{ width: number; height: number }> {
  const svgs = await page.locator("figure svg").all();
  expect(svgs.length, "no <svg> inside a <figure>").toBeGreaterThan(0);
  let best: { width: number; height: number; visible: boolean } = { width: 0, height: 0, visible: false };
  for (const svg of svgs) {
    const box = await svg.boundingBox();
    if (box && box.width * box.height > best.width * best.height) best = { width: box.width, height: box.height, visible: await svg.isVisible() };
  }
  expect(best.visible, "the chart's <svg> is not visible").toBe(true);
  return best;
}

async function checkChartWithoutJs(url: string): Promise<void> {
  const page = await browser.ctx.newPage();
  try {
    const res = await page.goto(browser.site.origin + url);
    expect(res?.status(), `${url} status`).toBe(200);
    const box = await chartBox(page);
    expect(box.width, "chart width").toBeGreaterThan(100);
    expect(box.height, "chart height").toBeGreaterThan(50);
    expect(browser.ctx.offOrigin, formatList("requests to other origins", browser.ctx.offOrigin)).toEqual([]);
  } finally {
    await page.close();
  }
}

describe("charts without JavaScript", () => {
  it("a kommun page (/kommun/0180/) shows its chart", async () => {
    await checkChartWithoutJs("/kommun/0180/");
  });

  it("a förbund page shows its chart", async () => {
    await checkChartWithoutJs(requireTypicalPage("forbund", "/forbund/blekinge/").url);
  });
});
