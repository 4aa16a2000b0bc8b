/**
 * What a page of the build fetches on first load, and how much that weighs
 * gzipped. The size budgets live here too: the budget tests check them and the
 * bench prints them beside its figures.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { DIST, type Page } from "./dist-pages";

const KB = 1024;
/** Size budgets (gzip -9), checked by test/budget/budget.test.ts and printed by the bench. */
export const BUDGET = {
  /** A förbund page: JavaScript … */
  forbundJs: 100 * KB,
  /** … and its HTML. */
  forbundHtml: 60 * KB,
  /** The page that draws a chart's PNG in the browser (/diagram/png/): its JavaScript. */
  chartPngJs: 4 * KB,
  /** Any page, first load: HTML + CSS + JS + images + statically referenced data. */
  pageTotal: 300 * KB,
} as const;

export type AssetKind = "html" | "css" | "js" | "image" | "data" | "other";

export interface StaticRef {
  /** Site path, e.g. "/_astro/x.css". */
  path: string;
  kind: AssetKind;
  /** How the page refers to it. */
  via: "stylesheet" | "script" | "modulepreload" | "preload" | "img" | "icon";
}

export interface InlineScript {
  type: string;
  bytes: number;
}

export interface PageAnalysis {
  page: Page;
  refs: StaticRef[];
  inlineScripts: InlineScript[];
  /** <script src> elements (external, any type). */
  externalScripts: string[];
  modulepreloads: string[];
  /** SVG charts: <figure> elements with an <svg> inside (maps included). */
  charts: number;
  /** Charts with a data table and a CSV download inside their <figure>. */
  tableCharts: number;
}

const KIND_BY_EXT: Record<string, AssetKind> = {
  ".css": "css",
  ".js": "js",
  ".mjs": "js",
  ".png": "image",
  ".jpg": "image",
  ".jpeg": "image",
  ".gif": "image",
  ".webp": "image",
  ".avif": "image",
  ".svg": "image",
  ".ico": "image",
  ".json": "data",
  ".csv": "data",
  ".topojson": "data",
};

export function assetKind(path: string): AssetKind {
  const ext = extname(path.split("?")[0]!).toLowerCase();
  if (ext === ".html" || path.endsWith("/")) return "html";
  return KIND_BY_EXT[ext] ?? "other";
}

/** Resolve a reference to a site path; null for another origin or a data: URL. */
export function sitePath(ref: string, pageUrl: string): string | null {
  if (/^(data|mailto|tel|javascript):/i.test(ref)) return null;
  const base = new URL(pageUrl, "http://site.invalid");
  const u = new URL(ref, base);
  if (u.origin !== base.origin) return null;
  return decodeURIComponent(u.pathname);
}

/** Executable script types (a JSON data island is not JavaScript). */
export function isJavaScriptType(type: string | null): boolean {
  const t = (type ?? "").trim().toLowerCase();
  return t === "" || t === "module" || t === "text/javascript" || t === "application/javascript";
}

export function analysePage(page: Page): PageAnalysis {
  const { document } = parseHTML(readFileSync(page.file, "utf8"));
  const refs: StaticRef[] = [];
  const add = (ref: string | null, via: StaticRef["via"]) => {
    if (!ref) return;
    const path = sitePath(ref, page.url);
    if (path && !refs.some((r) => r.path === path)) refs.push({ path, kind: assetKind(path), via });
  };
  const rels = (el: Element) => (el.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
  for (const l of document.querySelectorAll("link[href]")) {
    const r = rels(l);
    if (r.includes("stylesheet")) add(l.getAttribute("href"), "stylesheet");
    else if (r.includes("modulepreload")) add(l.getAttribute("href"), "modulepreload");
    else if (r.includes("preload")) add(l.getAttribute("href"), "preload");
    else if (r.includes("icon")) add(l.getAttribute("href"), "icon");
  }
  const externalScripts: string[] = [];
  const inlineScripts: InlineScript[] = [];
  for (const s of document.querySelectorAll("script")) {
    const src = s.getAttribute("src");
    if (src) {
      externalScripts.push(src);
      if (isJavaScriptType(s.getAttribute("type"))) add(src, "script");
    } else if (isJavaScriptType(s.getAttribute("type"))) {
      inlineScripts.push({ type: s.getAttribute("type") ?? "", bytes: Buffer.byteLength(s.textContent ?? "") });
    }
  }
  for (const img of document.querySelectorAll("img[src]")) add(img.getAttribute("src"), "img");
  const modulepreloads = [...document.querySelectorAll("link[href]")].filter((l) => rels(l).includes("modulepreload")).map((l) => l.getAttribute("href")!);
  const figures = [...document.querySelectorAll("figure")].filter((f) => f.querySelector("svg"));
  const tableCharts = figures.filter((f) => f.querySelector("table") && f.querySelector('a[href$=".csv"]')).length;
  return { page, refs, inlineScripts, externalScripts, modulepreloads, charts: figures.length, tableCharts };
}

// ---- sizes ----

const gzCache = new Map<string, number>();

/** gzip -9 size of a file in dist/ (cached: dist/ is not rebuilt while tests run). */
export function gzipFileSize(file: string): number {
  let n = gzCache.get(file);
  if (n === undefined) {
    n = gzipSync(readFileSync(file), { level: 9 }).length;
    gzCache.set(file, n);
  }
  return n;
}

/** The file behind a site path, or null (then the link test reports it). */
export function distFile(path: string, root = DIST): string | null {
  let f = join(root, path);
  if (!f.startsWith(root)) return null;
  if (existsSync(f) && statSync(f).isDirectory()) f = join(f, "index.html");
  return existsSync(f) && statSync(f).isFile() ? f : null;
}

export interface PageWeight {
  page: Page;
  /** gzip -9 bytes per kind, the HTML included; shared assets count on every page that loads them. */
  gzip: Record<AssetKind, number>;
  total: number;
  /** JavaScript bytes, inline scripts included. */
  js: number;
  missing: string[];
}

/**
 * The first-load weight of a page: its HTML plus every stylesheet, script,
 * modulepreload, preload, icon and image it references statically, gzipped.
 * JavaScript that a script imports is followed too (static `import … from`),
 * so a page's JS is what the browser would fetch before it is interactive.
 */
export function pageWeight(a: PageAnalysis, root = DIST): PageWeight {
  const gzip: Record<AssetKind, number> = { html: 0, css: 0, js: 0, image: 0, data: 0, other: 0 };
  gzip.html = gzipFileSize(a.page.file);
  const missing: string[] = [];
  const seen = new Set<string>();
  const queue = [...a.refs];
  while (queue.length) {
    const r = queue.shift()!;
    if (seen.has(r.path)) continue;
    seen.add(r.path);
    const file = distFile(r.path, root);
    if (!file) {
      missing.push(r.path);
      continue;
    }
    gzip[r.kind] += gzipFileSize(file);
    if (r.kind === "js") for (const dep of staticImports(file, r.path)) queue.push({ path: dep, kind: "js", via: "modulepreload" });
  }
  const inlineJs = a.inlineScripts.reduce((s, i) => s + i.bytes, 0);
  const total = Object.values(gzip).reduce((s, n) => s + n, 0);
  return { page: a.page, gzip, total, js: gzip.js + inlineJs, missing };
}

/** Static imports of a bundled ES module (`import"./x.js"`, `from"./x.js"`), as site paths. */
export function staticImports(file: string, path: string): string[] {
  const text = readFileSync(file, "utf8");
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.m?js)["']/g)) {
    const p = sitePath(m[1]!, path);
    if (p) out.add(p);
  }
  return [...out];
}
