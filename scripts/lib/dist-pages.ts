/**
 * The built site (dist/) as a list of pages, each with its type. Written once;
 * used by the budget, dist and browser tests and by the bench, so a "förbund
 * page" means the same everywhere. What a page loads is in page-weight.ts.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

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
  | "participants"
  | "history"
  | "analysis"
  | "embed"
  | "chart-png"
  | "other";

/**
 * Page types that are interactive: the compare page (its chart is redrawn in
 * the browser), the search page (a search box) and the page that draws a
 * chart's PNG in the browser (/diagram/png/, reached only by asking for a
 * PNG). Every other page must ship no JavaScript at all.
 */
export const INTERACTIVE_TYPES: readonly PageType[] = ["compare", "search", "chart-png"];

const YEAR = /^(19|20)\d{2}$/;

/**
 * The type of a page from its URL path ("/forbund/blekinge/2015/").
 * Sections: /forbund/, /kommun/, /lan/, /ar/ (year pages; also a bare /2015/),
 * /jamfor/, /data/, /metod/, /sok/, /deltagare/, /historia/, /analys/<name>/.
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
    case "deltagare":
      return parts.length === 1 ? "participants" : "other";
    case "historia":
      return parts.length === 1 ? "history" : "other";
    case "analys":
      return parts.length === 2 ? "analysis" : "other";
    case "diagram":
      // /diagram/png/ draws a chart's PNG; /diagram/<id>/: a chart alone, for other sites' iframes (its .csv and .svg files are not pages).
      if (parts.length === 2 && a === "png") return "chart-png";
      return parts.length === 2 ? "embed" : "other";
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

/**
 * Throws unless `root` holds a built site. Whatever reads the build calls
 * this first, so a missing build fails loudly instead of checking nothing.
 */
export function requireBuiltSite(root = DIST): void {
  if (!existsSync(join(root, "index.html"))) {
    const rel = relative(process.cwd(), root);
    const name = rel && !rel.startsWith("..") ? rel : root;
    throw new Error(`${name}/ is missing or has no index.html: run npm run build`);
  }
}

/** Every HTML page of the build (404.html and the like are type "other"). */
export function sitePages(root = DIST): Page[] {
  requireBuiltSite(root);
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

/** typicalPage, or an error naming the missing type: for callers that need the page. */
export function requireTypicalPage(type: PageType, prefer?: string, pages = sitePages()): Page {
  const page = typicalPage(type, prefer, pages);
  if (!page) throw new Error(`the build has no page of type "${type}"`);
  return page;
}
