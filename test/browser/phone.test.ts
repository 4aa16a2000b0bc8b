/**
 * A phone, 390 × 844 CSS px (an iPhone 12–15), one page of each type:
 * - the page never scrolls sideways (wide tables scroll inside their own box);
 * - every chart's text, as displayed (its font size times the scale at which
 *   the SVG is shown), is at least 12 px tall;
 * - axe-core (WCAG 2.0/2.1 A and AA) finds no violations at this width, where
 *   tables overflow their boxes and each such box must be reachable by keyboard.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pageOfEveryType, useSiteInBrowser } from "./harness";

const AXE = readFileSync(join(process.cwd(), "node_modules/axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PHONE = { width: 390, height: 844 };
const MIN_TEXT_PX = 12;

const urls: Array<{ type: string; url: string }> = [
  ...pageOfEveryType(),
  // The compare page drawn in the browser, two measures, a förbund among the areas.
  { type: "compare (two measures, drawn from the URL)", url: "/jamfor/?indikator=ohalsotal,sjukpenningtal&omraden=finsam-malmo,1280,00" },
  { type: "forbund (with Bilaga 2 tables)", url: "/forbund/kalmar-lan/" },
  // The PNG page with a 1 360 px canvas drawn: shown at the page's width.
  { type: "chart-png (a chart drawn)", url: "/diagram/png/?id=kommun-0180-ohalsotal" },
];

// The axe script is inline, which the site's CSP forbids; this context bypasses CSP (a11y-csp.test.ts checks the CSP).
const browser = useSiteInBrowser({ viewport: PHONE, bypassCSP: true });

interface PhoneView {
  scrollWidth: number;
  innerWidth: number;
  /** Elements (outside a scrolling box) whose right edge passes the viewport. */
  overflowing: string[];
  /** Smallest chart text as displayed, px; null when the page has no chart text. */
  smallestText: { px: number; text: string; chart: string } | null;
}

async function phoneView(url: string): Promise<{ view: PhoneView; violations: string[] }> {
  const page = await browser.ctx.newPage();
  try {
    const res = await page.goto(browser.site.origin + url);
    expect(res?.status(), url).toBe(200);
    await page.waitForLoadState("networkidle");
    const view = await page.evaluate((): PhoneView => {
      const name = (e: Element) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.getAttribute("class") ? "." + e.getAttribute("class")!.split(" ")[0] : ""}`;
      const overflowing = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .filter((e) => !e.parentElement?.closest(".table-scroll, [data-scrolls]") && !e.matches(".sr-only"))
        .slice(0, 8)
        .map((e) => `${name(e)} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
      let smallest: PhoneView["smallestText"] = null;
      for (const svg of document.querySelectorAll<SVGSVGElement>("figure svg")) {
        const box = svg.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue; // not displayed (the other drawing, or a closed table)
        const vb = svg.viewBox.baseVal;
        const scale = vb && vb.width > 0 ? box.width / vb.width : 1;
        for (const t of svg.querySelectorAll("text")) {
          if (!t.textContent?.trim() || t.getClientRects().length === 0) continue;
          const px = parseFloat(getComputedStyle(t).fontSize) * scale;
          if (!smallest || px < smallest.px) smallest = { px: Math.round(px * 10) / 10, text: t.textContent.trim(), chart: svg.closest("figure")?.id ?? "" };
        }
      }
      return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, overflowing, smallestText: smallest };
    });
    await page.addScriptTag({ content: AXE });
    const result = (await page.evaluate(
      (tags) => (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<unknown> } }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
      WCAG_TAGS,
    )) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
    return { view, violations: result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`) };
  } finally {
    await page.close();
  }
}

describe(`a phone (${PHONE.width} × ${PHONE.height})`, () => {
  for (const { type, url } of urls) {
    it(`${type}: ${url}`, async () => {
      const { view, violations } = await phoneView(url);
      expect(view.innerWidth).toBe(PHONE.width);
      expect(view.scrollWidth, `the page scrolls sideways; too wide: ${view.overflowing.join(", ")}`).toBeLessThanOrEqual(PHONE.width);
      if (view.smallestText) expect(view.smallestText.px, `chart text "${view.smallestText.text}" in ${view.smallestText.chart} is ${view.smallestText.px} px as displayed`).toBeGreaterThanOrEqual(MIN_TEXT_PX);
      expect(violations, "axe violations at phone width").toEqual([]);
      expect(browser.ctx.offOrigin).toEqual([]);
    });
  }

  it("measures chart text on the pages that have charts", async () => {
    // Guards the test above: on a kommun page there are charts, so their text must have been measured.
    const { view } = await phoneView(urls.find((u) => u.type === "kommun")!.url);
    expect(view.smallestText, "no chart text found on a kommun page").not.toBeNull();
  });
});
