// The HTTP side of the feeds and sitemaps: content types, a short shared-cache lifetime (the data
// behind them is cached and revalidated on publish), and a plain 404 for unknown languages or tags.
import { isLocale } from "@/lib/i18n/routing";
import { feedDocument, type FeedKind } from "./discovery";

const CONTENT_TYPES = { rss: "application/rss+xml", atom: "application/atom+xml", xml: "application/xml", text: "text/plain" } as const;

export function xmlResponse(body: string, type: keyof typeof CONTENT_TYPES): Response {
  return new Response(body, {
    headers: {
      "content-type": `${CONTENT_TYPES[type]}; charset=utf-8`,
      "cache-control": "public, max-age=60, s-maxage=60, stale-while-revalidate=300",
    },
  });
}

export function notFoundResponse(): Response {
  return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export async function feedResponse(request: Request, params: Promise<{ locale: string }>, kind: FeedKind): Promise<Response> {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  const tag = new URL(request.url).searchParams.get("tag");
  const body = await feedDocument(locale, kind, tag && tag.trim() !== "" ? tag : null);
  return body === null ? notFoundResponse() : xmlResponse(body, kind);
}
