/**
 * HTTP security headers for the static site. The Content-Security-Policy for
 * scripts and styles is emitted per page by Astro (security.csp: hashes of
 * every script and style it bundles); these headers add what a <meta> policy
 * cannot carry (frame-ancestors) and the usual hardening. The same list is
 * written to dist/_headers (Netlify/Cloudflare Pages format) and served by the
 * test server, so what is tested is what is documented.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "X-Frame-Options": "DENY",
};

export function securityHeaders(): Record<string, string> {
  return { ...SECURITY_HEADERS };
}

/** The `_headers` file: one block for every path. */
export function headersFile(): string {
  return ["/*", ...Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`)].join("\n") + "\n";
}
