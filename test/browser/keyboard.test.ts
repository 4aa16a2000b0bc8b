/**
 * Keyboard alone: from the top of the page, Tab reaches every chart's table
 * toggle (<details><summary> or a button that controls the table), Enter or
 * Space opens it, and the table becomes visible.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { requireTypicalPage } from "../../scripts/lib/dist-pages";
import { formatList, useSiteInBrowser } from "./harness";

const browser = useSiteInBrowser();

/** Mark each chart's table toggle with data-kbd-toggle="<n>"; returns how many charts have a table. */
async function markToggles(page: Page): Promise<{ charts: number; unmarked: string[] }> {
  return page.evaluate(() => {
    const unmarked: string[] = [];
    let n = 0;
    for (const fig of document.querySelectorAll("figure")) {
      const table = fig.querySelector("table");
      if (!table) continue;
      const details = table.closest("details");
      let toggle: Element | null = details?.querySelector(":scope > summary") ?? null;
      if (!toggle) {
        const box = table.closest("[id]");
        toggle = box ? fig.querySelector(`[aria-controls="${box.id}"]`) : null;
      }
      if (toggle) {
        toggle.setAttribute("data-kbd-toggle", String(n));
        table.setAttribute("data-kbd-table", String(n));
      } else if (!details) {
        // A table shown without any toggle is reachable by definition; count it as reached.
        table.setAttribute("data-kbd-table", String(n));
        table.setAttribute("data-kbd-always", "");
      } else unmarked.push(fig.id || `figure ${n}`);
      n++;
    }
    return { charts: n, unmarked };
  });
}

async function tabThrough(url: string): Promise<void> {
  const page = await browser.ctx.newPage();
  try {
    await page.goto(browser.site.origin + url);
    // Client-drawn views (the compare page) settle first.
    await page.waitForLoadState("networkidle");
    const { charts, unmarked } = await markToggles(page);
    expect(charts, "charts with a table").toBeGreaterThan(0);
    expect(unmarked, "chart tables without a toggle the keyboard can use").toEqual([]);
    const always = await page.locator("[data-kbd-always]").count();
    const reached = new Set<string>();
    const problems: string[] = [];
    const focusables = await page.evaluate(() => document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]").length);
    const maxTabs = focusables * 2 + 20;
    let key: "Enter" | " " = "Enter";
    for (let i = 0; i < maxTabs && reached.size < charts - always; i++) {
      await page.keyboard.press("Tab");
      const id = await page.evaluate(() => document.activeElement?.getAttribute("data-kbd-toggle") ?? null);
      if (id === null || reached.has(id)) continue;
      reached.add(id);
      const table = page.locator(`[data-kbd-table="${id}"]`);
      if (await table.isVisible()) {
        problems.push(`toggle ${id}: table already visible before opening`);
        continue;
      }
      await page.keyboard.press(key);
      const visible = await table.isVisible();
      const box = await table.boundingBox();
      if (!visible || !box || box.height === 0) problems.push(`toggle ${id}: ${key === " " ? "Space" : "Enter"} did not show the table`);
      key = key === "Enter" ? " " : "Enter"; // alternate, so both keys are tested
    }
    const missed = [...Array(charts).keys()].map(String).filter((n) => !reached.has(n));
    const missedAlways = await page.evaluate((ids) => ids.filter((n) => !document.querySelector(`[data-kbd-table="${n}"][data-kbd-always]`)), missed);
    expect(missedAlways, `chart table toggles never focused within ${maxTabs} Tab presses`).toEqual([]);
    expect(problems).toEqual([]);
    expect(browser.ctx.offOrigin, formatList("requests to other origins", browser.ctx.offOrigin)).toEqual([]);
  } finally {
    await page.close();
  }
}

describe("keyboard reaches every chart table", () => {
  it("on a kommun page", async () => {
    await tabThrough("/kommun/0180/");
  });

  it("on a förbund page", async () => {
    await tabThrough(requireTypicalPage("forbund", "/forbund/blekinge/").url);
  });

  it("on the compare page", async () => {
    await tabThrough("/jamfor/?omraden=0180,1480,00");
  });
});
