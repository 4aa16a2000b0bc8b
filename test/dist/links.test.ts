/**
 * Walk the whole built site (dist/, built by `npm test`'s pretest step) and
 * check that no internal link, image, script, stylesheet or download is broken.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { resolveDistPath } from "../../scripts/lib/static-server";

const DIST = join(process.cwd(), "dist");

export function htmlFiles(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : [],
  );
}

function pageUrl(file: string): string {
  const rel = "/" + relative(DIST, file).replace(/index\.html$/, "");
  return rel;
}

describe("the built site", () => {
  // Each walker parses every page of dist/ (2 000+); on a loaded 2-core machine that takes more than the default minute.
  const WALK_TIMEOUT = 240_000;

  it("exists (built by the pretest step)", () => {
    expect(existsSync(join(DIST, "index.html")), "dist/ is missing: run npm run build").toBe(true);
  });

  it("has no broken internal link or missing asset", () => {
    const broken: string[] = [];
    const checked = new Set<string>();
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(300);
    for (const file of files) {
      const { document } = parseHTML(readFileSync(file, "utf8"));
      const base = new URL(pageUrl(file), "http://site.invalid");
      const refs = [
        ...[...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!),
        ...[...document.querySelectorAll("link[href]")].map((l) => l.getAttribute("href")!),
        ...[...document.querySelectorAll("script[src], img[src], source[src]")].map((s) => s.getAttribute("src")!),
      ];
      for (const ref of refs) {
        if (/^(mailto:|tel:|data:|javascript:)/.test(ref)) continue;
        const url = new URL(ref, base);
        if (url.origin !== base.origin) continue; // external links are not ours to check here
        if (checked.has(url.pathname)) continue;
        checked.add(url.pathname);
        if (!resolveDistPath(DIST, url.pathname)) broken.push(`${pageUrl(file)} → ${ref}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked.size).toBeGreaterThan(300);
  }, WALK_TIMEOUT);

  it("gives every page an icon (no favicon 404)", () => {
    // A plain text search (no DOM): the link test above already checks that the icon's file exists.
    const without = htmlFiles().filter((file) => !/<link rel="icon" href="\/favicon\.svg"/.test(readFileSync(file, "utf8"))).map(pageUrl);
    expect(without).toEqual([]);
    expect(resolveDistPath(DIST, "/favicon.svg"), "dist/favicon.svg").toBeTruthy();
  });

  it("gives every page a Swedish language tag, a title and one h1", () => {
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const { document } = parseHTML(readFileSync(file, "utf8"));
      if (document.documentElement.getAttribute("lang") !== "sv") problems.push(`${pageUrl(file)}: lang`);
      if (!document.querySelector("title")?.textContent?.trim()) problems.push(`${pageUrl(file)}: title`);
      if (document.querySelectorAll("h1").length !== 1) problems.push(`${pageUrl(file)}: h1 count ${document.querySelectorAll("h1").length}`);
    }
    expect(problems).toEqual([]);
  }, WALK_TIMEOUT);
});
