/**
 * The stylesheet is inline, so the first paint waits for no second request
 * (astro.config.mjs build.inlineStylesheets). The HTTP header allows inline
 * styles only because each page's <meta> policy pins them by hash
 * (src/security/headers.ts): on every page of every type, each <style> must
 * have its hash in that page's meta policy, and no page may fall back to a
 * render-blocking stylesheet file.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pagesByType, requireBuiltSite } from "../../scripts/lib/dist-pages";
import { SECURITY_HEADERS } from "../../src/security/headers";

requireBuiltSite();

/** The style-src sources of the page's <meta> policy (Astro writes it before any <style>). */
function metaStyleSources(html: string): string[] {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1] ?? "";
  const styleSrc = meta.split(";").find((d) => d.trim().startsWith("style-src")) ?? "";
  return styleSrc.trim().split(/\s+/).slice(1);
}

describe("inline stylesheet pinned by the page's CSP", () => {
  // Up to three pages of each type (the first, middle and last in file order).
  const pages = [...pagesByType().values()].flatMap((ps) => [...new Set([ps[0]!, ps[Math.floor(ps.length / 2)]!, ps.at(-1)!])]);

  it("every page inlines its styles, and each <style> has its hash in the page's meta policy", () => {
    expect(pages.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const page of pages) {
      const html = readFileSync(page.file, "utf8");
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
      const sources = metaStyleSources(html);
      if (!styles.length) problems.push(`${page.url}: no inline <style>`);
      if (/<link[^>]+rel="stylesheet"/.test(html)) problems.push(`${page.url}: a stylesheet file blocks the first paint`);
      if (sources.includes("'unsafe-inline'") || !sources.length) problems.push(`${page.url}: meta style-src does not pin by hash: ${sources.join(" ")}`);
      for (const css of styles) {
        const hash = `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;
        if (!sources.includes(hash)) problems.push(`${page.url}: <style> ${css.slice(0, 40)}… has no ${hash} in the meta policy`);
      }
    }
    expect(problems.slice(0, 10), `${problems.length} problems`).toEqual([]);
  });

  it("the header policy leaves the hash pinning to the meta policy and nothing else inline", () => {
    const csp = SECURITY_HEADERS["Content-Security-Policy"]!;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
});
