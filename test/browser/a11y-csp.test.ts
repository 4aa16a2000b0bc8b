/**
 * One page of each type of the site (start, förbund, förbund year, year,
 * kommun, compare, data, metod, and the index and search pages; a build
 * without one of them fails):
 * - axe-core (WCAG 2.0/2.1 A and AA) finds no violations;
 * - with the site's Content-Security-Policy in force (the test server sends
 *   src/security/headers.ts; Astro may add a <meta> policy), no
 *   securitypolicyviolation event fires and Chromium logs no CSP refusal;
 * - no request leaves the origin.
 * axe is injected as an inline script, which the CSP rightly forbids, so the
 * axe run uses a separate context with CSP bypassed; the CSP check uses a
 * context that injects nothing but its listener.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cspViolations, formatList, guardedContext, openSite, pageOfEveryType, type GuardedContext, type Site } from "./harness";

const AXE = readFileSync(join(process.cwd(), "node_modules/axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const urls: Array<{ type: string; url: string }> = [
  ...pageOfEveryType(),
  // The compare page also as drawn in the browser from a shared link.
  { type: "compare (drawn from the URL)", url: "/jamfor/?indikator=arbetsloshet&omraden=0180,1480,25,00" },
  // The förbund page with the most tables: its indicators and three Bilaga 2 tables.
  { type: "forbund (with Bilaga 2 tables)", url: "/forbund/kalmar-lan/" },
  // The PNG page with a chart drawn on its canvas (the bare page shows only its message).
  { type: "chart-png (a chart drawn)", url: "/diagram/png/?id=kommun-0180-ohalsotal" },
];

let site: Site;
let strict: GuardedContext;
let axeCtx: GuardedContext;

beforeAll(async () => {
  site = await openSite();
  strict = await guardedContext(site);
  axeCtx = await guardedContext(site, { bypassCSP: true });
});
afterAll(async () => {
  await strict?.context.close();
  await axeCtx?.context.close();
  await site?.close();
});

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; help: string; helpUrl: string; nodes: Array<{ target: string[]; failureSummary?: string }> }>;
}

function describeViolations(v: AxeResult["violations"]): string {
  return v
    .map(
      (x) =>
        `[${x.impact}] ${x.id}: ${x.help} (${x.nodes.length} element${x.nodes.length === 1 ? "" : "s"})\n` +
        x.nodes
          .slice(0, 5)
          .map((n) => `      ${n.target.join(" ")}\n        ${(n.failureSummary ?? "").replace(/\n/g, "\n        ")}`)
          .join("\n"),
    )
    .join("\n");
}

describe("accessibility (axe-core, WCAG 2.1 A/AA)", () => {
  for (const { type, url } of urls) {
    it(`${type}: ${url}`, async () => {
      const page = await axeCtx.newPage();
      try {
        const res = await page.goto(site.origin + url);
        expect(res?.status()).toBe(200);
        await page.waitForLoadState("networkidle");
        await page.addScriptTag({ content: AXE });
        const result = (await page.evaluate(
          (tags) => (window as unknown as { axe: { run: (ctx: Document, o: unknown) => Promise<unknown> } }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
          WCAG_TAGS,
        )) as AxeResult;
        if (result.violations.length) console.log(`axe violations on ${url}:\n${describeViolations(result.violations)}`);
        expect(result.violations.map((v) => `${v.id} (${v.nodes.length})`), describeViolations(result.violations)).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

describe("Content-Security-Policy and origin", () => {
  for (const { type, url } of urls) {
    it(`${type}: ${url}`, async () => {
      const page = await strict.newPage();
      const before = { console: strict.cspConsole.length, off: strict.offOrigin.length };
      try {
        const res = await page.goto(site.origin + url);
        expect(res?.status()).toBe(200);
        expect(res?.headers()["content-security-policy"], "the server sends the CSP").toBeTruthy();
        await page.waitForLoadState("networkidle");
        const events = await cspViolations(page);
        const logged = strict.cspConsole.slice(before.console);
        const off = strict.offOrigin.slice(before.off);
        const report = [
          formatList("securitypolicyviolation events", events.map((e) => `${e.directive} blocked ${e.blockedURI} (${e.element}) at ${e.source.replace(site.origin, "")}${e.sample ? ` "${e.sample}"` : ""}`)),
          formatList("CSP console messages", logged),
          formatList("requests to other origins (blocked)", off),
        ]
          .filter(Boolean)
          .join("\n");
        if (report) console.log(`${url}:\n${report}`);
        expect(events, report).toEqual([]);
        expect(logged, report).toEqual([]);
        expect(off, report).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
