/**
 * What every browser test file shares: one static server for dist/ on
 * 127.0.0.1, one Debian Chromium, and contexts that cannot reach anything but
 * that server. Every request to another origin is aborted and counted; tests
 * assert the count is 0. Content-Security-Policy violations are recorded by a
 * listener installed before any page script runs (init scripts are injected
 * by the DevTools protocol and are not subject to the page's CSP).
 */
import type { Browser, BrowserContext, BrowserContextOptions, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "../../scripts/lib/chromium";
import { DIST, requireBuiltSite, requireTypicalPage, sitePages, type PageType } from "../../scripts/lib/dist-pages";
import { serveDist, type StaticServer } from "../../scripts/lib/static-server";

export interface Site {
  server: StaticServer;
  browser: Browser;
  origin: string;
  close(): Promise<void>;
}

/** Serve `root` (default: dist/, or FINSAM_DIST) and launch Chromium. */
export async function openSite(root: string = DIST): Promise<Site> {
  requireBuiltSite(root);
  const server = await serveDist(root);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    server,
    browser,
    origin: server.origin,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

export interface CspViolation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
  /** The element that carried the inline style or script, e.g. "style in svg.plot-d6a7b5 in figure#diagram-…". */
  element: string;
}

export interface GuardedContext {
  context: BrowserContext;
  /** URLs of requests to any origin but the test server (all aborted). */
  offOrigin: string[];
  /** Console lines Chromium writes for CSP refusals ("Refused to …"). */
  cspConsole: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
  newPage(): Promise<Page>;
}

/** Collects securitypolicyviolation events into window.__csp (see cspViolations). */
const CSP_LISTENER = `(() => {
  const list = [];
  Object.defineProperty(window, "__csp", { value: list, configurable: false });
  const name = (el) => {
    if (!el || el.nodeType !== 1) return "";
    const cls = (el.getAttribute("class") || "").split(" ").filter(Boolean)[0];
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : cls ? "." + cls : "");
  };
  document.addEventListener("securitypolicyviolation", (e) => {
    const t = e.target && e.target.nodeType === 1 ? e.target : null;
    const where = t ? [name(t), name(t.parentElement), name(t.closest && t.closest("figure, section, [id]"))].filter(Boolean).join(" in ") : "";
    list.push({ directive: e.violatedDirective || e.effectiveDirective, blockedURI: e.blockedURI, sample: e.sample, source: (e.sourceFile || "") + ":" + e.lineNumber, element: where });
  }, true);
})();`;

export async function guardedContext(site: Site, options: BrowserContextOptions = {}): Promise<GuardedContext> {
  const context = await site.browser.newContext({ serviceWorkers: "block", ...options });
  const offOrigin: string[] = [];
  const cspConsole: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    let origin = "";
    try {
      origin = new URL(url).origin;
    } catch {
      /* e.g. about:blank */
    }
    if (origin === site.origin || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    offOrigin.push(url);
    return route.abort("blockedbyclient");
  });
  if (options.javaScriptEnabled !== false) await context.addInitScript({ content: CSP_LISTENER });
  const watch = (page: Page) => {
    page.on("console", (m: ConsoleMessage) => {
      const text = m.text();
      if (/Content Security Policy/i.test(text)) cspConsole.push(text.length > 200 ? text.slice(0, 200) + "…" : text);
      else if (m.type() === "error") errors.push(`${page.url()}: ${text}`);
    });
    page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  };
  context.on("page", watch);
  return {
    context,
    offOrigin,
    cspConsole,
    errors,
    newPage: () => context.newPage(),
  };
}

/**
 * For a test file: open the site and one guarded context before its tests,
 * close both after them. Read `site` and `ctx` inside tests (they exist only
 * once beforeAll has run).
 */
export function useSiteInBrowser(options: BrowserContextOptions = {}): { readonly site: Site; readonly ctx: GuardedContext } {
  let site: Site | undefined;
  let ctx: GuardedContext | undefined;
  beforeAll(async () => {
    site = await openSite();
    ctx = await guardedContext(site, options);
  });
  afterAll(async () => {
    await ctx?.context.close();
    await site?.close();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the site is not open: read it inside a test, after beforeAll");
    return value;
  };
  return {
    get site() {
      return opened(site);
    },
    get ctx() {
      return opened(ctx);
    },
  };
}

export async function cspViolations(page: Page): Promise<CspViolation[]> {
  return page.evaluate(() => ((window as unknown as { __csp?: CspViolation[] }).__csp ?? []).slice());
}

export function formatList(title: string, items: string[]): string {
  return items.length ? `${title} (${items.length}):\n  ${items.join("\n  ")}` : "";
}

/** The page a test checks for each page type: a fixed one where the type has a well-known example, else the typical (median-sized) page. */
const PREFERRED_PAGES: Partial<Record<PageType, string>> = {
  kommun: "/kommun/0180/",
  forbund: "/forbund/blekinge/",
  "forbund-year": "/forbund/blekinge/2015/",
  year: "/ar/2015/",
};
const EVERY_PAGE_TYPE: PageType[] = ["start", "forbund", "forbund-year", "year", "kommun", "compare", "data", "metod", "forbund-index", "kommun-index", "year-index", "search", "participants", "history", "analysis", "embed", "chart-png"];

/** One page of every page type; a missing type fails (requireTypicalPage). Shared by the axe and phone tests. */
export function pageOfEveryType(): Array<{ type: string; url: string }> {
  const all = sitePages();
  return EVERY_PAGE_TYPE.map((t) => ({ type: t, url: requireTypicalPage(t, PREFERRED_PAGES[t], all).url }));
}
