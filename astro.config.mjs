// @ts-check
import { defineConfig } from "astro/config";

// A fully static site: every page is rendered at build time.
export default defineConfig({
  site: "https://finsam-i-siffror.example",
  output: "static",
  trailingSlash: "always",
  build: {
    format: "directory",
    // Stylesheets as files, never inline: cacheable, and a strict CSP needs no style hashes.
    inlineStylesheets: "never",
  },
  compressHTML: true,
  vite: {
    // Scripts as files, never inlined into the page: a later CSP forbids unhashed inline scripts.
    build: { assetsInlineLimit: 0 },
  },
});
