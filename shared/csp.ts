/**
 * The page's Content-Security-Policy, sent by both hosts and written into index.html at build.
 * Nothing runs that we did not ship: no inline script, no eval; zxing-wasm needs only
 * 'wasm-unsafe-eval' (docs/design.md §7). The camera stream and decoded frames use blob: URLs.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The header adds what a <meta> policy cannot carry (browsers ignore frame-ancestors there). */
export const contentSecurityPolicyHeader = `${contentSecurityPolicy}; frame-ancestors 'none'`;
