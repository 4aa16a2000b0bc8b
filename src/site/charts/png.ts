/**
 * PNG images made at build time from the site's own SVG files, with resvg
 * (a rasterizer in Rust) and only the DejaVu Sans fonts shipped as an npm
 * package: no system font is ever read, so every machine draws the same
 * pixels, and the same SVG gives the same bytes.
 *
 * Runs after `astro build` has written dist/ (astro.config.mjs): every
 * /diagram/<id>.svg becomes /diagram/<id>.png at 2× and every sharing image
 * /delning/**.svg becomes a .png at 1×. Working from dist/ keeps this generic:
 * any chart the catalogue gives an SVG gets its PNG too. resvg writes the PNG
 * (no time stamp or other varying chunk).
 */
import { renderAsync } from "@resvg/resvg-js";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { CHART_PNG_ZOOM } from "./png-zoom";

const require = createRequire(import.meta.url);

/** The only fonts the rasterizer sees (regular and bold; the SVGs use nothing else). */
export const FONT_FILES: readonly string[] = ["dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"].map((f) => require.resolve(f));
export const FONT_FAMILY = "DejaVu Sans";

/** Which SVG files in dist/ get a PNG beside them, and at what zoom. */
export const PNG_SOURCES: ReadonlyArray<{ dir: string; zoom: number }> = [
  { dir: "diagram", zoom: CHART_PNG_ZOOM },
  { dir: "delning", zoom: 1 },
];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR, or an error saying what is wrong with the bytes. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG: the 8-byte signature is missing");
  if (buf.toString("latin1", 12, 16) !== "IHDR") throw new Error("not a PNG: the first chunk is not IHDR");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The pixel size an SVG root declares (width and height attributes, whole CSS pixels). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) throw new Error(`an SVG for a PNG needs whole-pixel width and height on its root, got ${root.slice(0, 120)}`);
  return { width, height };
}

/** The rasterizer's settings: only our two font files, DejaVu Sans for every family name, white under everything. */
function options(zoom: number) {
  return {
    font: { loadSystemFonts: false, fontFiles: [...FONT_FILES], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: "zoom" as const, value: zoom },
    background: "#ffffff",
    logLevel: "off" as const,
  };
}

/**
 * One SVG as PNG bytes, zoom times its declared size. resvg draws off the
 * main thread (libuv's pool), so several calls in flight use several cores.
 */
export async function svgToPng(svg: string, zoom = 1): Promise<Buffer> {
  svgSize(svg);
  return (await renderAsync(svg, options(zoom))).asPng();
}

/** Every SVG file under dir (recursively), sorted so the work is the same on every run. */
function svgFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".svg"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Drawn PNGs kept between builds, named by the hash of everything that
 * decides their bytes (the SVG, the drawing settings with the zoom, resvg's
 * version and the fonts' bytes), so a rebuild draws only what changed.
 * `.astro/` is not committed. FINSAM_PNG_CACHE=off draws everything afresh
 * (the reproducible-build test does, so it compares a fresh drawing with a
 * kept one).
 */
export const PNG_CACHE_DIR = join(process.cwd(), ".astro", "png-cache");

let cacheSalt: string | undefined;
function cacheKey(svg: string, zoom: number): string {
  cacheSalt ??= (() => {
    const h = createHash("sha256").update(`resvg ${(require("@resvg/resvg-js/package.json") as { version: string }).version}\n`);
    for (const f of FONT_FILES) h.update(readFileSync(f));
    return h.digest("hex");
  })();
  // The drawing settings are part of the key (without the fonts' paths, which differ between machines), so changing them never serves an old drawing.
  const { font, ...rest } = options(zoom);
  const settings = JSON.stringify({ ...rest, font: { ...font, fontFiles: font.fontFiles.length } });
  return createHash("sha256").update(`${cacheSalt}\n${settings}\n${svg}`).digest("hex");
}

/** The PNG for an SVG from the cache folder, or drawn and then kept there (written whole or not at all). */
export async function cachedPng(svg: string, zoom: number, cacheDir: string | null): Promise<{ png: Buffer; drawn: boolean }> {
  if (!cacheDir) return { png: await svgToPng(svg, zoom), drawn: true };
  const file = join(cacheDir, `${cacheKey(svg, zoom)}.png`);
  if (existsSync(file)) return { png: readFileSync(file), drawn: false };
  const png = await svgToPng(svg, zoom);
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  return { png, drawn: true };
}

/**
 * Writes a PNG beside every SVG of PNG_SOURCES in a built site. Returns how
 * many, how many had to be drawn (not in the cache), the wall time and the
 * process's CPU time (all threads, so it does not depend on how busy the machine is).
 */
export async function writeDistPngs(distDir: string, cacheDir: string | null = process.env.FINSAM_PNG_CACHE === "off" ? null : PNG_CACHE_DIR): Promise<{ count: number; drawn: number; ms: number; cpuMs: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const files = PNG_SOURCES.flatMap(({ dir, zoom }) => svgFiles(join(distDir, dir)).map((file) => ({ file, zoom })));
  let drawn = 0;
  let next = 0;
  // As many in flight as the machine has cores (at most 4, libuv's pool): resvg draws off the main thread.
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, async () => {
      while (next < files.length) {
        const { file, zoom } = files[next++]!;
        const out = await cachedPng(readFileSync(file, "utf8"), zoom, cacheDir);
        if (out.drawn) drawn++;
        writeFileSync(file.replace(/\.svg$/, ".png"), out.png);
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { count: files.length, drawn, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}
