// Early routing only: public paths get their locale (the root redirects by Accept-Language) and
// admin paths without a session cookie go to the sign-in page. The real checks happen in the data
// layer and in every server action (lib/action.ts), never here alone. The session is not decoded
// here on purpose: next-auth's middleware re-issues the cookie on every request, and a prefetch
// racing a sign-out would put it back.
// Every response also gets the security headers (lib/security/headers.ts). The desk's pages get a
// Content-Security-Policy with a fresh nonce, also set on the request so Next puts it on its
// scripts; reader pages are plain HTML with no script (lib/public/html-document.ts) and forbid all.
// Before any of that, two refusals that must not reach Next's handler: a body declared over its
// path's limit (413) and a server action posted from another site (403, recorded for admins).
// Reader pages may be kept by shared caches, so they never set a cookie (routing.localeCookie is
// off); only the private redirect from / reads and remembers the language choice.
import createIntlMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { clientAddress } from "@/lib/auth/client-address";
import { PRIVATE_CACHE_CONTROL } from "@/lib/cache/http-headers";
import { LOCALE_COOKIE } from "@/lib/i18n/negotiate";
import { routing } from "@/lib/i18n/routing";
import { recordSecurityEvent } from "@/lib/security/events";
import {
  contentSecurityPolicy,
  createNonce,
  isHttps,
  mediaOrigins,
  NON_DOCUMENT_POLICY,
  staticSecurityHeaders,
} from "@/lib/security/headers";
import { crossSiteRefusal, tooLargeRefusal } from "@/lib/security/refusal";
import { declaredOversize, foreignOrigin, isServerActionPost } from "@/lib/security/request-limits";

const intl = createIntlMiddleware(routing);
/** The redirect from / alone: private, so it may read and set the remembered language. */
const intlRoot = createIntlMiddleware({ ...routing, localeCookie: { name: LOCALE_COOKIE, sameSite: "lax", maxAge: 60 * 60 * 24 * 365 } });
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// The paths the routing above applies to (the former matcher): pages, not API routes, Next's
// own files, or files with an extension (feeds, sitemaps, photos).
const PAGE_PATH = /^\/(?!api|_next|_vercel|.*\..*).*/;

export default async function proxy(request: NextRequest) {
  const https = isHttps(request.nextUrl, request.headers);
  const refused = await refusal(request);
  if (refused) return secured(refused, NON_DOCUMENT_POLICY, https);
  // A preview token has dots in it, yet its path is a page, not a file.
  const isPage = PAGE_PATH.test(request.nextUrl.pathname) || isPreviewPath(request.nextUrl.pathname);
  if (!isPage) return secured(NextResponse.next(), NON_DOCUMENT_POLICY, https);

  const desk = isDeskPath(request.nextUrl.pathname);
  const preview = isPreviewPath(request.nextUrl.pathname);
  const policy = contentSecurityPolicy({
    // A preview is the reader's page, script-free, even under /admin.
    scripts: desk && !preview ? { nonce: createNonce() } : "none",
    https,
    development: process.env.NODE_ENV === "development",
    imageOrigins: mediaOrigins(process.env.S3_PUBLIC_URL),
  });
  if (request.nextUrl.pathname === "/") return secured(privately(intlRoot(request)), policy, https);
  // A shared preview's path has no language to add: the page speaks its version's.
  if (preview && !desk) return secured(NextResponse.next(), policy, https);
  if (!desk) return secured(intl(request), policy, https);
  // Next reads the nonce from the request's Content-Security-Policy header while rendering.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  return secured(routeDesk(new NextRequest(request, { headers })), policy, https);
}

/** A body over its limit, or a server action from another site: answered here, never by Next. */
async function refusal(request: NextRequest): Promise<NextResponse | null> {
  const { pathname } = request.nextUrl;
  const oversize = declaredOversize(pathname, request.headers);
  if (oversize) return tooLargeRefusal(request, oversize);
  if (!isServerActionPost(request.method, request.headers)) return null;
  const origin = foreignOrigin(request.headers);
  if (origin === null) return null;
  try {
    await recordSecurityEvent({ kind: "forgedOrigin", path: pathname, origin, ip: clientAddress(request.headers) });
  } catch (error) {
    // Refused all the same; a database outage must not turn the refusal into a 500.
    console.error("security event not recorded", error);
  }
  return crossSiteRefusal(request, origin);
}

function privately(response: NextResponse): NextResponse {
  response.headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
  response.headers.append("Vary", "Cookie, Accept-Language");
  return response;
}

/** The desk and sign-in: Next's pages with its client runtime; every other page is the reader site's. */
function isDeskPath(pathname: string): boolean {
  return pathname.startsWith("/admin") || pathname.startsWith("/login");
}

/** Draft previews (lib/preview): a shared link, or the editor's own under /admin. */
function isPreviewPath(pathname: string): boolean {
  return pathname.startsWith("/preview/") || pathname.startsWith("/admin/preview/");
}

/** The sign-in page, and the desk for whoever has a session cookie (checked for real further in). */
function routeDesk(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const forward = () => NextResponse.next({ request: { headers: request.headers } });
  if (pathname.startsWith("/login")) return forward();
  const hasSession = request.cookies
    .getAll()
    .some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
  if (hasSession) return forward();
  const login = new URL("/login", request.nextUrl);
  login.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

function secured(response: NextResponse, policy: string, https: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(staticSecurityHeaders(https))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's hashed static files, which carry no document and change per build.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
