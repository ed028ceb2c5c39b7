// Early routing only: public paths get their locale (the root redirects by Accept-Language) and
// admin paths without a session go to the sign-in page. The real permission checks happen in the
// data layer and in every server action (lib/action.ts), never here alone.
import NextAuth from "next-auth";
import createIntlMiddleware from "next-intl/middleware";
import { NextResponse } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { routing } from "@/lib/i18n/routing";

const { auth } = NextAuth(authConfig);
const intl = createIntlMiddleware(routing);

export default auth((request) => {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/admin")) {
    if (request.auth) return NextResponse.next();
    const login = new URL("/login", request.nextUrl);
    login.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  if (pathname.startsWith("/login")) return NextResponse.next();
  return intl(request);
});

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
