/**
 * A förbund name is text, never markup: the components that print one
 * (Base layout: <title>, description and breadcrumbs; Breadcrumbs; the
 * membership table's caption and rows) are rendered with Astro's container
 * API and a FIXTURE name full of markup (test/dist/fixtures/hostile-names.ts).
 * The output must contain no element or attribute that the name smuggled in,
 * and the name must come back verbatim as text.
 *
 * vitest.config.ts has no Astro plugin, so .astro files are compiled by a
 * private Vite dev server built from Astro's own config (getViteConfig), with
 * its cache in a temporary folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { getViteConfig } from "astro/config";
import { parseHTML } from "linkedom";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_ATTRIBUTE_NAME, HOSTILE_FOERBUND_NAME } from "./fixtures/hostile-names";

let vite: ViteDevServer;
let container: AstroContainer;
const cacheDir = mkdtempSync(join(tmpdir(), "finsam-escape-vite-"));

beforeAll(async () => {
  const config = await getViteConfig({
    appType: "custom",
    cacheDir,
    logLevel: "silent",
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  })({ mode: "test", command: "serve" });
  vite = await createServer({ ...config, configFile: false });
  container = await AstroContainer.create({ astroConfig: { site: "https://finsam-i-siffror.example" } });
});

afterAll(async () => {
  await vite?.close().catch(() => undefined);
  rmSync(cacheDir, { recursive: true, force: true });
});

async function render(component: string, props: Record<string, unknown>, slots?: Record<string, string>): Promise<string> {
  const mod = (await vite.ssrLoadModule(component)) as { default: Parameters<AstroContainer["renderToString"]>[0] };
  return container.renderToString(mod.default, { props, slots, request: new Request("https://finsam-i-siffror.example/forbund/testfixtur/") });
}

/** Nothing the name could have injected: no <img>, <script>, stray <svg onload>, no on* attribute anywhere. */
function injected(html: string): string[] {
  const { document } = parseHTML(html.includes("<html") ? html : `<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (tag === "img") found.push("<img>");
    if (tag === "script") found.push("<script>");
    for (const a of el.getAttributeNames()) if (/^on/i.test(a)) found.push(`${tag}[${a}]`);
  }
  return found;
}

const texts = (html: string, selector: string): string[] => {
  const { document } = parseHTML(html.includes("<html") ? html : `<!doctype html><html><body>${html}</body></html>`);
  return [...document.querySelectorAll(selector)].map((e) => e.textContent ?? "");
};

describe("a förbund name is rendered as text (fixture names with markup)", () => {
  it("the check itself sees markup that is not escaped", () => {
    expect(injected(`<li>${HOSTILE_FOERBUND_NAME}</li>`)).toEqual(["<img>", "img[onerror]"]);
    expect(injected(`<p title="${HOSTILE_ATTRIBUTE_NAME}">x</p>`)).toContain("<script>");
  });

  for (const name of [HOSTILE_FOERBUND_NAME, HOSTILE_ATTRIBUTE_NAME]) {
    it(`Breadcrumbs: ${name}`, async () => {
      const html = await render("/src/components/Breadcrumbs.astro", { crumbs: [{ href: "/forbund/", label: "Förbund" }, { label: name }] });
      expect(injected(html)).toEqual([]);
      expect(texts(html, "li[aria-current]")).toEqual([name]);
      expect(html).toContain("&lt;");
    });

    it(`Base layout (title, description, breadcrumbs): ${name}`, async () => {
      const html = await render("/src/layouts/Base.astro", { title: name, description: name, crumbs: [{ label: name }] }, { default: "<p>innehåll</p>" });
      expect(injected(html)).toEqual([]);
      const { document } = parseHTML(html);
      expect(document.querySelector("title")?.textContent ?? "").toContain(name);
      expect(document.querySelector('meta[name="description"]')?.getAttribute("content")).toBe(name);
      expect(texts(html, ".breadcrumbs li[aria-current]")).toEqual([name]);
    });

    it(`membership table (caption and row): ${name}`, async () => {
      const html = await render("/src/components/foerbund/SpellTable.astro", {
        caption: `Medlemskap i ${name}`,
        first: "Förbund",
        rows: [{ label: name, href: "/forbund/x/", from: "2005", fromWords: "2005", to: ">=2015-04", toWords: "minst april 2015", dating: "bounded" }],
      });
      expect(injected(html)).toEqual([]);
      expect(texts(html, "caption")).toEqual([`Medlemskap i ${name}`]);
      expect(texts(html, "tbody tr").join(" ")).toContain(name);
    });
  }
});
