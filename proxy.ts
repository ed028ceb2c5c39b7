// Early routing only: public paths get their locale (the root redirects by Accept-Language) and
// admin paths without a session cookie go to the sign-in page. The real checks happen in the data
// layer and in every server action (lib/action.ts), never here alone. The session is not decoded
// here on purpose: next-auth's middleware re-issues the cookie on every request, and a prefetch
// racing a sign-out would put it back.
// Every response also gets the security headers (lib/security/headers.ts). The desk's pages get a
// Content-Security-Policy with a fresh nonce, also set on the request so Next puts it on its
// scripts; reader pages are plain HTML with no script (lib/public/html-document.ts) and forbid all.
import createIntlMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "@/lib/i18n/routing";
import { contentSecurityPolicy, createNonce, isHttps, mediaOrigins, NON_DOCUMENT_POLICY, staticSecurityHeaders } from "@/lib/security/headers";

const intl = createIntlMiddleware(routing);
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// The paths the routing above applies to (the former matcher): pages, not API routes, Next's
// own files, or files with an extension (feeds, sitemaps, photos).
const PAGE_PATH = /^\/(?!api|_next|_vercel|.*\..*).*/;

export default function proxy(request: NextRequest) {
  const https = isHttps(request.nextUrl, request.headers);
  if (!PAGE_PATH.test(request.nextUrl.pathname)) return secured(NextResponse.next(), NON_DOCUMENT_POLICY, https);

  const desk = isDeskPath(request.nextUrl.pathname);
  const policy = contentSecurityPolicy({
    scripts: desk ? { nonce: createNonce() } : "none",
    https,
    development: process.env.NODE_ENV === "development",
    imageOrigins: mediaOrigins(process.env.S3_PUBLIC_URL),
  });
  if (!desk) return secured(intl(request), policy, https);
  // Next reads the nonce from the request's Content-Security-Policy header while rendering.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  return secured(routeDesk(new NextRequest(request, { headers })), policy, https);
}

/** The desk and sign-in: Next's pages with its client runtime; every other page is the reader site's. */
function isDeskPath(pathname: string): boolean {
  return pathname.startsWith("/admin") || pathname.startsWith("/login");
}

/** The sign-in page, and the desk for whoever has a session cookie (checked for real further in). */
function routeDesk(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const forward = () => NextResponse.next({ request: { headers: request.headers } });
  if (pathname.startsWith("/login")) return forward();
  const hasSession = request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
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
