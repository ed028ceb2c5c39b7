// The plain-text refusals proxy.ts answers before any page or action runs (413, 403), in the
// person's language: the desk's remembered choice, else the browser's.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { chooseLocale, LOCALE_COOKIE } from "@/lib/i18n/negotiate";
import { NextResponse, type NextRequest } from "next/server";
import { megabytes } from "@/lib/security/request-limits";

function translator(request: NextRequest) {
  const locale = chooseLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  return createTranslator({ locale, messages: loadMessages(locale), namespace: "errors.request" } as Parameters<
    typeof createTranslator
  >[0]) as (key: string, values?: Record<string, string>) => string;
}

function refusal(status: number, text: string): NextResponse {
  return new NextResponse(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

export function tooLargeRefusal(request: NextRequest, { bytes, limit }: { bytes: number; limit: number }): NextResponse {
  const text = translator(request)("tooLarge", { size: megabytes(bytes), limit: megabytes(limit), over: megabytes(bytes - limit) });
  return refusal(413, text);
}

export function crossSiteRefusal(request: NextRequest, origin: string): NextResponse {
  return refusal(403, translator(request)("crossSite", { origin: origin.slice(0, 100) }));
}
