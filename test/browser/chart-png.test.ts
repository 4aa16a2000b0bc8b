/**
 * A chart's PNG, as a reader gets it from a kommun page: "Ladda ner PNG"
 * opens /diagram/png/?id=…, which draws the chart's standalone SVG in the
 * browser at twice its size and downloads it. The file is a PNG of the size
 * the page states, which opens as an image and shows the chart (dark pixels
 * where the lines and axes are, text at the top where the title is and at the
 * bottom where the site's name is). An unknown or malformed id gets a clear
 * message; without JavaScript the page points to the SVG. And a förbund
 * page's Open Graph image is a 1200 × 630 PNG on the site (drawn at build time).
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { pngSize, svgSize } from "../../src/site/charts/png";
import { cspViolations, guardedContext, useSiteInBrowser } from "./harness";

const browser = useSiteInBrowser();

interface Inked {
  width: number;
  height: number;
  /** Share of dark pixels (r+g+b < 384) in a band of rows, [from, to) as fractions of the height, columns 5–95 %. */
  bands: Record<string, number>;
}

/** Opens `src` as an <img> in the page, draws it on a canvas and measures how much ink each band of rows has. */
function inkOf(page: Page, src: string, bands: Record<string, [number, number]>): Promise<Inked> {
  return page.evaluate(
    ({ src, bands }) =>
      new Promise<Inked>((resolve, reject) => {
        const img = new Image();
        img.onerror = () => reject(new Error(`${src} does not open as an image`));
        img.onload = () => {
          const canvas = document.createElement("canvas");
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const g = canvas.getContext("2d")!;
          g.drawImage(img, 0, 0);
          const out: Record<string, number> = {};
          for (const [name, [from, to]] of Object.entries(bands)) {
            const x0 = Math.floor(canvas.width * 0.05);
            const y0 = Math.floor(canvas.height * from);
            const w = Math.floor(canvas.width * 0.9);
            const h = Math.max(1, Math.floor(canvas.height * (to - from)));
            const d = g.getImageData(x0, y0, w, h).data;
            let dark = 0;
            for (let i = 0; i < d.length; i += 4) if (d[i]! + d[i + 1]! + d[i + 2]! < 384) dark++;
            out[name] = dark / (w * h);
          }
          resolve({ width: img.naturalWidth, height: img.naturalHeight, bands: out });
        };
        img.src = src;
      }),
    { src, bands },
  );
}

describe("chart PNG", () => {
  it("the link beside each chart draws the PNG in the browser and downloads it: the chart, its title and the site's name at twice the SVG's size", async () => {
    const page = await browser.ctx.newPage();
    try {
      await page.goto(`${browser.site.origin}/kommun/0180/`);
      const charts = await page.locator("figure.chart[data-chart-id]").count();
      const links = page.locator('figure.chart [data-chart-part="png-file"] a');
      expect(await links.count(), "one PNG link per chart").toBe(charts);
      const link = links.first();
      expect((await link.textContent())!.trim()).toBe("Ladda ner PNG");
      const note = (await page.locator('figure.chart [data-chart-part="png-file"]').first().textContent())!;
      expect(note, "the link says the PNG is drawn in the browser").toContain("ritas i webbläsaren");
      const stated = /(\d[\d\s]*) × (\d[\d\s]*) px/.exec(note)!;
      const [w, h] = [Number(stated[1]!.replace(/\s/g, "")), Number(stated[2]!.replace(/\s/g, ""))];
      const id = /^\/diagram\/png\/\?id=(kommun-0180-[a-z0-9-]+)$/.exec((await link.getAttribute("href"))!)?.[1];
      expect(id, "the link names the chart").toBeTruthy();
      const svg = svgSize(await (await fetch(`${browser.site.origin}/diagram/${id}.svg`)).text());
      expect({ width: w, height: h }, "the stated size is twice the standalone SVG's").toEqual({ width: svg.width * 2, height: svg.height * 2 });
      expect(w).toBe(1360);

      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(new URL(page.url()).pathname).toBe("/diagram/png/");
      expect(download.suggestedFilename()).toBe(`${id}.png`);
      const file = readFileSync((await download.path())!);
      expect(pngSize(file), "the downloaded file is a PNG of the size the page states").toEqual({ width: w, height: h });

      // The page shows what it drew, labelled, and keeps the file to save again.
      const canvas = page.locator("#png-canvas");
      await expect.poll(() => canvas.getAttribute("aria-label")).toMatch(/^Diagrammet ”.+” som PNG-bild, 1\s360 × \d[\d\s]* px/);
      expect(await canvas.isVisible()).toBe(true);
      const save = page.locator("#png-save");
      expect(await save.getAttribute("download")).toBe(`${id}.png`);
      expect(await save.getAttribute("href")).toMatch(/^blob:/);
      expect(await page.locator("#png-status").textContent()).toContain(`${id}.png`);

      const ink = await inkOf(page, `data:image/png;base64,${file.toString("base64")}`, { title: [0, 0.05], plot: [0.2, 0.7], credit: [0.965, 1] });
      expect({ width: ink.width, height: ink.height }).toEqual({ width: w, height: h });
      // Lines, axes and tick labels: ink, but far from a filled area.
      expect(ink.bands.plot).toBeGreaterThan(0.01);
      expect(ink.bands.plot).toBeLessThan(0.3);
      expect(ink.bands.title, "the title's text at the top").toBeGreaterThan(0.04);
      expect(ink.bands.credit, "the site's name at the bottom").toBeGreaterThan(0.04);
      expect(await cspViolations(page)).toEqual([]);
      expect(browser.ctx.offOrigin).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("an unknown or malformed chart id gets a clear message, a link back and no download", async () => {
    const page = await browser.ctx.newPage();
    try {
      const downloads: string[] = [];
      page.on("download", (d) => downloads.push(d.suggestedFilename()));
      // As if followed from a kommun page: the link back leads there.
      await page.goto(`${browser.site.origin}/diagram/png/?id=kommun-0180-finns-inte`, { referer: `${browser.site.origin}/kommun/0180/` });
      const status = page.locator("#png-status");
      await expect.poll(() => status.textContent()).toContain("Det finns inget diagram med namnet ”kommun-0180-finns-inte”");
      const back = page.locator("#png-back");
      expect(await back.isVisible()).toBe(true);
      expect(await back.getAttribute("href")).toBe("/kommun/0180/");
      expect(await page.locator("#png-result").isVisible()).toBe(false);
      expect(await page.locator("[data-nojs]").isVisible(), "the no-JavaScript text is hidden when the script runs").toBe(false);

      await page.goto(`${browser.site.origin}/diagram/png/?id=${encodeURIComponent("../index")}`);
      await expect.poll(() => status.textContent()).toContain("”../index” är inte namnet på ett diagram");
      expect(await page.locator("#png-back").getAttribute("href")).toBe("/");
      expect(downloads).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("without JavaScript the page says the PNG needs it and points to the SVG file", async () => {
    const noJs = await guardedContext(browser.site, { javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.goto(`${browser.site.origin}/diagram/png/?id=kommun-0180-ohalsotal`);
      const text = (await page.locator("[data-nojs]").textContent())!.replace(/\s+/g, " ");
      expect(await page.locator("[data-nojs]").isVisible()).toBe(true);
      expect(text).toContain("PNG-bilden ritas i webbläsaren och behöver JavaScript");
      expect(text).toContain("Ladda ner diagrammet som bild (SVG)");
      expect(await page.locator("#png-result").isVisible()).toBe(false);
    } finally {
      await noJs.context.close();
    }
  });

  it("a förbund page's Open Graph image is a 1200 × 630 PNG on the site, with text and a line", async () => {
    const page = await browser.ctx.newPage();
    try {
      await page.goto(`${browser.site.origin}/forbund/blekinge/`);
      const meta = async (q: string) => page.locator(`head meta[${q}]`).getAttribute("content");
      const image = new URL((await meta('property="og:image"'))!);
      expect(image.pathname).toBe("/delning/forbund/blekinge.png");
      expect(await meta('property="og:image:width"')).toBe("1200");
      expect(await meta('property="og:image:height"')).toBe("630");
      expect(await meta('property="og:image:alt"')).toMatch(/^Finsam i siffror: Samordningsförbundet Blekinge\. Ohälsotal \d{4} i Samordningsförbundet Blekinge: \d+,\d dagar/);
      expect(await meta('name="twitter:card"')).toBe("summary_large_image");
      // The absolute address names the configured site; its path is served by this build.
      const res = await fetch(browser.site.origin + image.pathname);
      expect(res.headers.get("content-type")).toBe("image/png");
      expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
      const ink = await inkOf(page, image.pathname, { name: [0.15, 0.4], figure: [0.6, 0.75] });
      expect({ width: ink.width, height: ink.height }).toEqual({ width: 1200, height: 630 });
      expect(ink.bands.name, "the förbund's name").toBeGreaterThan(0.05);
      expect(ink.bands.figure, "the key figure and the line").toBeGreaterThan(0.04);
    } finally {
      await page.close();
    }
  });
});
