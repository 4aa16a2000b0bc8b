/**
 * HTTP security headers for the static site. The Content-Security-Policy for
 * scripts and styles is emitted per page by Astro (security.csp: hashes of
 * every script and style it bundles); these headers add what a <meta> policy
 * cannot carry (frame-ancestors) and the usual hardening. The same list is
 * written to dist/_headers (Netlify/Cloudflare Pages format) and served by the
 * test server, so what is tested is what is documented.
 */
/**
 * style-src: the stylesheet is inline (astro.config.mjs, for a faster first
 * paint) and its hash differs per build, so the header allows inline styles
 * and every page's <meta> policy, which Astro writes with the hash of each
 * <style> it emits, pins them: a browser enforces both policies, so only
 * those styles apply.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "X-Frame-Options": "DENY",
};

/**
 * Chart-only pages (/diagram/<id>/) are made to be shown in other sites'
 * iframes: there, and only there, any site may frame the page. Everything
 * else in the policy stays as strict as on the rest of the site.
 */
export const EMBED_PATH_PATTERN = "/diagram/*";
/** The page that draws a chart's PNG (/diagram/png/) is no embed page: it keeps the site's policy, never framed. */
export const CHART_PNG_PATH_PATTERN = "/diagram/png/*";
const isEmbedPath = (pathname: string) => /^\/diagram\/[^/]+\/(index\.html)?$/.test(pathname) && !pathname.startsWith("/diagram/png/");
const { "X-Frame-Options": _deny, ...FRAMEABLE } = SECURITY_HEADERS;
export const EMBED_HEADERS: Readonly<Record<string, string>> = {
  ...FRAMEABLE,
  "Content-Security-Policy": SECURITY_HEADERS["Content-Security-Policy"]!.replace("frame-ancestors 'none'", "frame-ancestors *"),
};

/** The headers for one path (`pathname` without query): the embed pages may be framed. */
export function securityHeaders(pathname = "/"): Record<string, string> {
  return { ...(isEmbedPath(pathname) ? EMBED_HEADERS : SECURITY_HEADERS) };
}

/**
 * The `_headers` file: one block for every path, then the embed pages, which
 * detach the inherited frame headers ("! Name", Cloudflare Pages) and set
 * their own policy (Netlify serves the most specific rule's value), then the
 * PNG page under the same folder, which takes the site's policy back.
 */
export function headersFile(): string {
  return (
    [
      "/*",
      ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`),
      EMBED_PATH_PATTERN,
      "  ! X-Frame-Options",
      "  ! Content-Security-Policy",
      `  Content-Security-Policy: ${EMBED_HEADERS["Content-Security-Policy"]}`,
      CHART_PNG_PATH_PATTERN,
      "  ! Content-Security-Policy",
      `  Content-Security-Policy: ${SECURITY_HEADERS["Content-Security-Policy"]}`,
      `  X-Frame-Options: ${SECURITY_HEADERS["X-Frame-Options"]}`,
    ].join("\n") + "\n"
  );
}
