// The news sitemap: stories published in the last two days, in both languages.
import { newsSitemapDocument } from "@/lib/public/discovery";
import { xmlResponse } from "@/lib/public/feed-response";

export const dynamic = "force-dynamic";

export async function GET() {
  return xmlResponse(await newsSitemapDocument(), "xml");
}
