// RSS 2.0 of a language (/fr/feed.xml), or of one tag in it (/fr/feed.xml?tag=<slug>).
import { feedResponse } from "@/lib/public/feed-response";

export function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  return feedResponse(request, params, "rss");
}
