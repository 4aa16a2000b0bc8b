/**
 * The built site (dist/) as a list of pages, each with its type and what it
 * fetches on first load. Written once; used by the budget tests, the browser
 * tests and scripts/bench.ts, so a "förbund page" means the same everywhere.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";

/** dist/, or another build of the site named by FINSAM_DIST (e.g. a private build while someone else rebuilds dist/). */
export const DIST = process.env.FINSAM_DIST ? resolve(process.env.FINSAM_DIST) : join(process.cwd(), "dist");

export type PageType =
  | "start"
  | "forbund"
  | "forbund-year"
  | "forbund-index"
  | "year"
  | "year-index"
  | "kommun"
  | "kommun-index"
  | "lan"
  | "compare"
  | "data"
  | "metod"
  | "search"
  | "other";

/** One page of each of these types is checked by the browser tests (axe, CSP) when the site has it. */
export const KEY_PAGE_TYPES: readonly PageType[] = ["start", "forbund", "forbund-year", "year", "kommun", "compare", "data", "metod"];

/**
 * Page types that are interactive: the compare page (its chart is redrawn in
 * the browser) and the search page (a search box). Every other page must
 * ship no JavaScript at all.
 */
export const INTERACTIVE_TYPES: readonly PageType[] = ["compare", "search"];

const KB = 1024;
/** Size budgets (gzip -9), checked by test/budget/budget.test.ts and printed by the bench. */
export const BUDGET = {
  /** A förbund page: JavaScript … */
  forbundJs: 100 * KB,
  /** … and its HTML. */
  forbundHtml: 60 * KB,
  /** Any page, first load: HTML + CSS + JS + images + statically referenced data. */
  pageTotal: 300 * KB,
} as const;

const YEAR = /^(19|20)\d{2}$/;

/**
 * The type of a page from its URL path ("/forbund/blekinge/2015/").
 * Sections: /forbund/, /kommun/, /lan/, /ar/ (year pages; also a bare /2015/),
 * /jamfor/, /data/, /metod/.
 */
export function pageType(urlPath: string): PageType {
  const parts = urlPath.split("/").filter(Boolean).map((p) => decodeURIComponent(p));
  const [section, a, b] = parts;
  if (parts.length === 0) return "start";
  switch (section) {
    case "forbund":
      if (a === undefined) return "forbund-index";
      if (b !== undefined && YEAR.test(b)) return "forbund-year";
      return parts.length === 2 ? "forbund" : "other";
    case "kommun":
      return a === undefined ? "kommun-index" : /^\d{4}$/.test(a) && parts.length === 2 ? "kommun" : "other";
    case "lan":
      return a !== undefined && parts.length === 2 ? "lan" : "other";
    case "ar":
    case "år":
      return a === undefined ? "year-index" : YEAR.test(a) && parts.length === 2 ? "year" : "other";
    case "jamfor":
      return parts.length === 1 ? "compare" : "other";
    case "data":
      return parts.length === 1 ? "data" : "other";
    case "metod":
      return parts.length === 1 ? "metod" : "other";
    case "sok":
      return parts.length === 1 ? "search" : "other";
    default:
      return parts.length === 1 && YEAR.test(section!) ? "year" : "other";
  }
}

export interface Page {
  /** "/forbund/blekinge/" */
  url: string;
  /** Absolute path of the HTML file. */
  file: string;
  type: PageType;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : []))
    .sort();
}

export function urlOf(file: string, root = DIST): string {
  const rel = relative(root, file).split("\\").join("/");
  if (rel === "index.html") return "/";
  if (rel.endsWith("/index.html")) return "/" + rel.slice(0, -"index.html".length);
  return "/" + rel;
}

/** Every HTML page in dist/ (404.html and the like are type "other"). */
export function sitePages(root = DIST): Page[] {
  return walk(root).map((file) => {
    const url = urlOf(file, root);
    return { url, file, type: url.endsWith(".html") ? "other" : pageType(url) };
  });
}

export function pagesByType(pages = sitePages()): Map<PageType, Page[]> {
  const m = new Map<PageType, Page[]>();
  for (const p of pages) m.set(p.type, [...(m.get(p.type) ?? []), p]);
  return m;
}

/** Pages the site is expected to have, by the file that announces the section. */
export function siteClaims(section: "forbund" | "kommun" | "jamfor" | "data" | "metod" | "ar", root = DIST): boolean {
  return existsSync(join(root, section, "index.html")) || (section === "forbund" && existsSync(join(root, "forbund")));
}

/**
 * A typical page of a type: the one with the median HTML size (ties by URL),
 * so the choice does not depend on which förbund happens to sort first.
 * `prefer` wins when it exists.
 */
export function typicalPage(type: PageType, prefer?: string, pages = sitePages()): Page | undefined {
  const list = pages.filter((p) => p.type === type);
  if (prefer) {
    const hit = list.find((p) => p.url === prefer);
    if (hit) return hit;
  }
  if (!list.length) return undefined;
  const sized = list.map((p) => ({ p, size: statSync(p.file).size })).sort((x, y) => x.size - y.size || x.p.url.localeCompare(y.p.url));
  return sized[Math.floor((sized.length - 1) / 2)]!.p;
}

// ---- what a page fetches on first load ----

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

export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
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

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
