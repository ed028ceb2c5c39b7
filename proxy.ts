// Early routing only: public paths get their locale (the root redirects by Accept-Language) and
// admin paths without a session cookie go to the sign-in page. The real checks happen in the data
// layer and in every server action (lib/action.ts), never here alone. The session is not decoded
// here on purpose: next-auth's middleware re-issues the cookie on every request, and a prefetch
// racing a sign-out would put it back.
import createIntlMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "@/lib/i18n/routing";

const intl = createIntlMiddleware(routing);
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export default function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/admin")) {
    const hasSession = request.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((cookie) => name === cookie || name.startsWith(`${cookie}.`)));
    if (hasSession) return NextResponse.next();
    const login = new URL("/login", request.nextUrl);
    login.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  if (pathname.startsWith("/login")) return NextResponse.next();
  return intl(request);
}

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
