// The security headers every response carries, and the Content-Security-Policy of HTML pages: a
// per-request nonce for the desk's pages (Next's scripts), no script at all for reader pages.
// proxy.ts applies them; SECURITY.md explains each choice.

/** A fresh, unguessable nonce for one response (128 bits, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

type PolicyOptions = {
  /** The nonce Next puts on its scripts, or "none" for reader pages, which carry no script. */
  scripts: { nonce: string } | "none";
  https: boolean;
  /** React reconstructs server error stacks with eval in development only. */
  development?: boolean;
  /** Origins photos are served from besides the app itself (S3_PUBLIC_URL, a CDN). */
  imageOrigins?: string[];
};

/**
 * Scripts run only when Next gave them this response's nonce ('strict-dynamic' lets them load their
 * chunks), or not at all on reader pages (static HTML, so the policy is the same for every response
 * and the page can be cached whole); no inline handlers, no plugins, no <base> hijack, no framing,
 * forms post to us alone.
 * Styles allow 'unsafe-inline': React renders `style` attributes into the HTML (Tiptap, Next's route
 * announcer), and a style cannot run code; adding a nonce there would silently disable it.
 */
export function contentSecurityPolicy({ scripts, https, development = false, imageOrigins = [] }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    scripts === "none"
      ? "script-src 'none'"
      : `script-src 'self' 'nonce-${scripts.nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...imageOrigins].join(" "),
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** For responses that are not pages (API JSON, feeds, photos): nothing may run or frame them. */
export const NON_DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The same for every response; HSTS only when the browser reached us over HTTPS. */
export function staticSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/**
 * Whether the browser's connection was HTTPS: the URL itself, or the first hop's
 * X-Forwarded-Proto behind a TLS-terminating proxy. A forged value only sends HSTS over plain
 * HTTP, which browsers ignore.
 */
export function isHttps(url: URL, headers: Headers): boolean {
  if (url.protocol === "https:") return true;
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwarded === "https";
}

/** The origin of S3_PUBLIC_URL, when photos are served from there. */
export function mediaOrigins(publicUrl: string | undefined): string[] {
  if (!publicUrl) return [];
  try {
    return [new URL(publicUrl).origin];
  } catch {
    return [];
  }
}
