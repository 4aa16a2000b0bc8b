// @ts-check
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import { publicDataProblems } from "./src/pipeline/publish/check-public.ts";
import { writeDistPngs } from "./src/site/charts/png.ts";
import { dependenciesFile } from "./src/security/dependencies.ts";
import { headersFile } from "./src/security/headers.ts";

/** Writes dist/_headers (Netlify / Cloudflare Pages format) with the documented security headers. */
const securityHeadersFile = {
  name: "finsam-security-headers",
  hooks: {
    /** @param {{ dir: URL }} options */
    "astro:build:done": ({ dir }) => writeFileSync(fileURLToPath(new URL("_headers", dir)), headersFile()),
  },
};

/** Writes dist/dependencies.json: name, version and licence of every production dependency, from package-lock.json. */
const dependencyList = {
  name: "finsam-dependency-list",
  hooks: {
    /** @param {{ dir: URL }} options */
    "astro:build:done": ({ dir }) => {
      const project = JSON.parse(readFileSync("package.json", "utf8"));
      writeFileSync(fileURLToPath(new URL("dependencies.json", dir)), dependenciesFile(readFileSync("package-lock.json", "utf8"), project));
    },
  },
};

/**
 * PNG beside each link-preview SVG (/delning/…png, 1200×630), drawn from the
 * built SVG files with resvg (src/site/charts/png.ts): link previews are read
 * by sites that run no JavaScript. Chart PNGs are drawn in the reader's
 * browser instead (/diagram/png/). Part of every `astro build`, so the
 * reproducible build test covers these PNGs too.
 */
const pngImages = {
  name: "finsam-png-images",
  hooks: {
    /** @param {{ dir: URL, logger: { info(message: string): void } }} options */
    "astro:build:done": async ({ dir, logger }) => {
      const { count, drawn, ms, cpuMs } = await writeDistPngs(fileURLToPath(dir));
      const each = (/** @type {number} */ n) => (drawn ? (n / drawn).toFixed(0) : "0");
      logger.info(`${count} link-preview PNG images, ${drawn} drawn (the rest from .astro/png-cache), in ${(ms / 1000).toFixed(1)} s (${each(ms)} ms per drawn image; CPU ${(cpuMs / 1000).toFixed(1)} s, ${each(cpuMs)} ms)`);
    },
  },
};

/** Refuses to build over an incomplete public/data or beside leftover staging (Astro copies public/ whole). */
const completeData = {
  name: "finsam-complete-data",
  hooks: {
    "astro:build:start": () => {
      const problems = publicDataProblems("public");
      if (problems.length) throw new Error(`public/ is not ready to publish:\n  ${problems.join("\n  ")}`);
    },
  },
};

// A fully static site: every page is rendered at build time.
export default defineConfig({
  site: "https://finsam-i-siffror.example",
  output: "static",
  trailingSlash: "always",
  build: {
    format: "directory",
    // Stylesheets inline (one small global sheet, ~2 KB gzipped): the first paint
    // waits for no second request. Astro puts each <style>'s hash in the page's
    // <meta> CSP, so only those styles apply (see src/security/headers.ts).
    inlineStylesheets: "always",
  },
  compressHTML: true,
  // No Markdown code blocks here; Shiki would add inline styles the CSP forbids.
  markdown: { syntaxHighlight: false },
  vite: {
    // Scripts as files, never inlined into the page: the CSP forbids unhashed inline scripts.
    build: { assetsInlineLimit: 0 },
  },
  // Astro adds a <meta> Content-Security-Policy to every page, with the hash of
  // every script and style it emits; nothing else may run. frame-ancestors is
  // only honoured as an HTTP header, so it lives in _headers (src/security/headers.ts).
  security: {
    csp: {
      algorithm: "SHA-256",
      directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
    },
  },
  integrations: [completeData, securityHeadersFile, dependencyList, pngImages],
});
