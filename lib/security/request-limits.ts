// How large a request body may be, by path, and how a request over it or a cross-site server-action
// post is recognised from its headers alone: proxy.ts refuses both before Next reads the body.

/** Photos are 20 MB, plus the form around them; wire files and XLIFF 2 MB (checked in their actions). */
export const REQUEST_BODY_LIMIT_BYTES = 21 * 1024 * 1024;
/** Paths that never need much: sign-in and next-auth's endpoints, the signed revalidation hook. */
const SMALL_BODY_LIMITS: [prefix: string, bytes: number][] = [
  ["/api/auth", 64 * 1024],
  ["/api/internal/revalidate", 200_000],
];

export function bodyLimitFor(pathname: string): number {
  return SMALL_BODY_LIMITS.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.[1] ?? REQUEST_BODY_LIMIT_BYTES;
}

/** The declared body size when it is over the path's limit; null when within it or not declared. */
export function declaredOversize(pathname: string, headers: Headers): { bytes: number; limit: number } | null {
  const declared = Number(headers.get("content-length"));
  const limit = bodyLimitFor(pathname);
  return Number.isFinite(declared) && declared > limit ? { bytes: declared, limit } : null;
}

export function isServerActionPost(method: string, headers: Headers): boolean {
  return method === "POST" && headers.has("next-action");
}

/**
 * The Origin of a post made by another site, or null: the same rule as Next's own check (the
 * Origin's host must be the forwarded host, else the Host), answered before Next's handler runs.
 * A post without Origin passes, as in Next (old clients); SameSite=Lax keeps cookies off it anyway.
 */
export function foreignOrigin(headers: Headers): string | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (sandboxed frames, file: pages) and garbage are foreign too.
  }
  return originHost && host && originHost.toLowerCase() === host.toLowerCase() ? null : origin;
}

/** "12.4 MB" for a refusal message: one decimal, in the units the limits are written in. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
