// robots.txt: keeps crawlers out of the desk and names the sitemaps at this deployment's SITE_URL.
import { robotsDocument } from "@/lib/public/discovery";
import { xmlResponse } from "@/lib/public/feed-response";

// Read at request time, so SITE_URL is the running server's, not the build machine's.
export const dynamic = "force-dynamic";

export function GET() {
  return xmlResponse(robotsDocument(), "text");
}
