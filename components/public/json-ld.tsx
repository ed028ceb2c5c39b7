// Structured data in the page: inert for the browser (no JavaScript runs), escaped so no text can
// close the element.
import { serializeJsonLd } from "@/lib/public/json-ld";

export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
