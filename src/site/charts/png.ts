/**
 * PNG images made at build time from the site's own SVG files, with resvg
 * (a rasterizer in Rust) and only the DejaVu Sans fonts shipped as an npm
 * package: no system font is ever read, so every machine draws the same
 * pixels, and the same SVG gives the same bytes.
 *
 * Runs after `astro build` has written dist/ (astro.config.mjs): every
 * link-preview image /delning/**.svg (site/og.ts) gets a .png beside it, at
 * its own size, because the sites that show link previews run no JavaScript.
 * Chart PNGs are not made here: the reader's browser draws one from the
 * chart's SVG when asked (/diagram/png/, scripts/chart-png.ts), which keeps
 * about 2 800 images and four minutes out of every build. resvg writes the
 * PNG with no time stamp or other varying chunk.
 */
import { renderAsync } from "@resvg/resvg-js";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);

/** The only fonts the rasterizer sees (regular and bold; the SVGs use nothing else). */
export const FONT_FILES: readonly string[] = ["dejavu-fonts-ttf/ttf/DejaVuSans.ttf", "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"].map((f) => require.resolve(f));
export const FONT_FAMILY = "DejaVu Sans";

/** The folder of dist/ whose SVG files get a PNG beside them: the link-preview images. */
export const PNG_SOURCE_DIR = "delning";

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

/** The rasterizer's settings: only our two font files, DejaVu Sans for every family name, the SVG's own size, white under everything. */
function options() {
  return {
    font: { loadSystemFonts: false, fontFiles: [...FONT_FILES], defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: "original" as const },
    background: "#ffffff",
    logLevel: "off" as const,
  };
}

/**
 * One SVG as PNG bytes, at its declared size. resvg draws off the main
 * thread (libuv's pool), so several calls in flight use several cores.
 */
export async function svgToPng(svg: string): Promise<Buffer> {
  svgSize(svg);
  return (await renderAsync(svg, options())).asPng();
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
 * decides their bytes (the SVG, the drawing settings, resvg's
 * version and the fonts' bytes), so a rebuild draws only what changed.
 * `.astro/` is not committed. FINSAM_PNG_CACHE=off draws everything afresh
 * (the reproducible-build test does, so it compares a fresh drawing with a
 * kept one).
 */
export const PNG_CACHE_DIR = join(process.cwd(), ".astro", "png-cache");

let cacheSalt: string | undefined;
function cacheKey(svg: string): string {
  cacheSalt ??= (() => {
    const h = createHash("sha256").update(`resvg ${(require("@resvg/resvg-js/package.json") as { version: string }).version}\n`);
    for (const f of FONT_FILES) h.update(readFileSync(f));
    return h.digest("hex");
  })();
  // The drawing settings are part of the key (without the fonts' paths, which differ between machines), so changing them never serves an old drawing.
  const { font, ...rest } = options();
  const settings = JSON.stringify({ ...rest, font: { ...font, fontFiles: font.fontFiles.length } });
  return createHash("sha256").update(`${cacheSalt}\n${settings}\n${svg}`).digest("hex");
}

/** The PNG for an SVG from the cache folder, or drawn and then kept there (written whole or not at all). */
export async function cachedPng(svg: string, cacheDir: string | null): Promise<{ png: Buffer; drawn: boolean }> {
  if (!cacheDir) return { png: await svgToPng(svg), drawn: true };
  const file = join(cacheDir, `${cacheKey(svg)}.png`);
  if (existsSync(file)) return { png: readFileSync(file), drawn: false };
  const png = await svgToPng(svg);
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  return { png, drawn: true };
}

/**
 * Writes a PNG beside every SVG under PNG_SOURCE_DIR in a built site. Returns how
 * many, how many had to be drawn (not in the cache), the wall time and the
 * process's CPU time (all threads, so it does not depend on how busy the machine is).
 */
export async function writeDistPngs(distDir: string, cacheDir: string | null = process.env.FINSAM_PNG_CACHE === "off" ? null : PNG_CACHE_DIR): Promise<{ count: number; drawn: number; ms: number; cpuMs: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const files = svgFiles(join(distDir, PNG_SOURCE_DIR));
  let drawn = 0;
  let next = 0;
  // As many in flight as the machine has cores (at most 4, libuv's pool): resvg draws off the main thread.
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(4, availableParallelism())) }, async () => {
      while (next < files.length) {
        const file = files[next++]!;
        const out = await cachedPng(readFileSync(file, "utf8"), cacheDir);
        if (out.drawn) drawn++;
        writeFileSync(file.replace(/\.svg$/, ".png"), out.png);
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { count: files.length, drawn, ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}
