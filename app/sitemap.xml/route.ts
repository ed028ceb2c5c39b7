// sitemap.xml: every public page with its language versions as hreflang alternates and x-default.
import { sitemapDocument } from "@/lib/public/discovery";
import { xmlResponse } from "@/lib/public/feed-response";

// Built per request from cached reads: SITE_URL and the published set belong to the running server.
export const dynamic = "force-dynamic";

export async function GET() {
  return xmlResponse(await sitemapDocument(), "xml");
}
