/**
 * Build-time PNGs (charts/png.ts): the link-preview SVGs drawn with resvg and
 * only the DejaVu fonts. Each PNG is checked as a PNG reader would:
 * signature, chunk checksums, IHDR size, IEND, and image data that inflates
 * to exactly the rows IHDR promises. Two renders must give the same bytes.
 * The previews (and the chart SVGs the browser draws) come from the
 * published data.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync, crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { kommunChart } from "../../src/site/charts/catalog";
import { cachedPng, FONT_FILES, pngSize, svgSize, svgToPng } from "../../src/site/charts/png";
import { CHART_PNG_ZOOM } from "../../src/site/charts/png-zoom";
import { standaloneChartSize, standaloneChartSvg } from "../../src/site/charts/standalone";
import { latest, RIKET } from "../../src/site/data";
import { foerbundValuesByKpi } from "../../src/site/foerbund/model";
import { formatNumber } from "../../src/site/format";
import { ogContent, ogImageFor, ogSvg, OG_HEIGHT, OG_WIDTH } from "../../src/site/og";

/** Walks a PNG's chunks; throws on a bad checksum or a missing IHDR/IEND, returns the header fields and the joined image data. */
function readPng(png: Buffer): { width: number; height: number; bitDepth: number; colourType: number; idat: Buffer } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const types: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length), `checksum of ${type}`).toBe(crc32(png.subarray(at + 4, at + 8 + length)) >>> 0);
    types.push(type);
    if (type === "IHDR") header = data;
    if (type === "IDAT") idat.push(data);
    at += 12 + length;
  }
  expect(types[0]).toBe("IHDR");
  expect(types.at(-1)).toBe("IEND");
  return { width: header!.readUInt32BE(0), height: header!.readUInt32BE(4), bitDepth: header![8]!, colourType: header![9]!, idat: Buffer.concat(idat) };
}

const BYTES_PER_PIXEL: Record<number, number> = { 2: 3, 6: 4 };

describe("the build's PNG drawing (link-preview images)", () => {
  const svg = ogSvg(ogContent("forbund/blekinge"), "finsam-i-siffror.example");

  it("is a valid PNG at the SVG's own size", async () => {
    const png = await svgToPng(svg);
    const { width, height, bitDepth, colourType, idat } = readPng(png);
    expect(svgSize(svg)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    expect({ width, height }).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    expect(pngSize(png)).toEqual({ width, height });
    expect(bitDepth).toBe(8);
    // Every row: one filter byte and its pixels.
    expect(inflateSync(idat).length).toBe(height * (1 + width * BYTES_PER_PIXEL[colourType]!));
  });

  it("is kept between builds under a name that changes with the SVG, and kept bytes equal a fresh drawing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "finsam-png-cache-"));
    try {
      const first = await cachedPng(svg, dir);
      const again = await cachedPng(svg, dir);
      expect([first.drawn, again.drawn]).toEqual([true, false]);
      expect(again.png.equals(first.png)).toBe(true);
      expect(again.png.equals(await svgToPng(svg))).toBe(true);
      expect((await cachedPng(svg.replace("Blekinge", "Blekinge län"), dir)).drawn).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith(".png"))).toHaveLength(2);
      expect(readdirSync(dir).filter((f) => !f.endsWith(".png")), "no half-written files left").toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads only the two DejaVu font files from the npm package", () => {
    expect(FONT_FILES.map((f) => f.split(/[\\/]/).slice(-3).join("/"))).toEqual(["dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"]);
  });

  it("refuses an SVG without a whole-pixel size, and bytes that are not a PNG", () => {
    expect(() => svgSize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>')).toThrow(/whole-pixel width and height/);
    expect(() => pngSize(Buffer.from("<svg/> is not a PNG at all, not even close"))).toThrow(/signature/);
  });
});

/**
 * A chart's PNG is drawn in the reader's browser from the standalone SVG
 * (test/browser/chart-png.test.ts): the SVG must open as an image there, so
 * it must be well-formed XML with a whole-pixel size, which resvg (a strict
 * XML parser) checks here without a browser.
 */
describe("a chart's standalone SVG, the source of its PNG", () => {
  it("declares a whole-pixel size, the one the page states for the PNG at half", () => {
    const spec = kommunChart("0180", "ohalsotal");
    const svg = standaloneChartSvg(spec, "https://finsam-i-siffror.example");
    expect(svgSize(svg)).toEqual(standaloneChartSize(spec));
    expect(CHART_PNG_ZOOM).toBe(2);
  });

  it("is well-formed XML when a description has a bare & (Samordningsförbundet Älv & Kust)", async () => {
    const kust = kommunChart("1407", "ohalsotal");
    expect(kust.note).toContain("Älv & Kust");
    const svg = standaloneChartSvg(kust, "https://finsam-i-siffror.example");
    expect(svg).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/);
    expect(pngSize(await svgToPng(svg)).width).toBe(680);
  });
});

describe("link-preview images", () => {
  it("are 1200 × 630 PNGs, the same bytes twice", async () => {
    const svg = ogSvg(ogContent("forbund/blekinge"), "finsam-i-siffror.example");
    const [a, b] = [await svgToPng(svg), await svgToPng(svg)];
    expect(pngSize(a)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    expect(readPng(a).width).toBe(1200);
    expect(a.equals(b)).toBe(true);
  });

  it("show the förbund's latest published ohälsotal with its year, and riket's that year", () => {
    const rows = foerbundValuesByKpi("N00957").get("blekinge")!;
    const year = Math.max(...[...rows].filter(([, r]) => r.value !== null).map(([y]) => y));
    const value = formatNumber(rows.get(year)!.value, 1);
    const svg = ogSvg(ogContent("forbund/blekinge"), "finsam-i-siffror.example");
    const text = svg.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain(`Ohälsotal ${year}`);
    expect(text).toContain(value);
    expect(text).toContain("Samordningsförbundet Blekinge");
    const og = ogImageFor("/forbund/blekinge/");
    expect(og).toMatchObject({ path: "/delning/forbund/blekinge.png", width: 1200, height: 630 });
    expect(og.alt).toContain(`Ohälsotal ${year} i Samordningsförbundet Blekinge: ${value} dagar`);
  });

  it("give a kommun its own image, other pages the site's, and say so when an area has no value", () => {
    const k = latest("ohalsotal", { level: "kommun", code: "0180" })!;
    expect(ogImageFor("/kommun/0180/").alt).toContain(`Ohälsotal ${k.year} i Stockholm: ${formatNumber(k.value, 1)}`);
    expect(ogImageFor("/metod/").path).toBe("/delning/finsam-i-siffror.png");
    expect(ogImageFor("/forbund/blekinge/2015/").path).toBe("/delning/finsam-i-siffror.png");
    expect(ogImageFor("/forbund/finns-inte/").path).toBe("/delning/finsam-i-siffror.png");
    expect(ogImageFor("/").alt).toContain(`riket: ${formatNumber(latest("ohalsotal", RIKET)!.value, 1)}`);
    // A förbund whose members no source names has no area value: the image says so and shows no number.
    const empty = ogContent("forbund/insjoriket");
    expect(empty.key).toBeNull();
    expect(ogSvg(empty, "x").replace(/<[^>]+>/g, " ")).toContain("Ohälsotal: inget värde i datan för området");
  });
});
