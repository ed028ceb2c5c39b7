// A tag's page (/fr/tag/<slug>): its published articles; a merged tag's old address redirects (308).
import { tagPage } from "@/components/public/pages/tag-page";
import { readerResponse } from "@/components/public/reader-response";
import { pageNumber } from "@/lib/pagination";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  const page = pageNumber(new URL(request.url).searchParams.get("page") ?? undefined);
  return readerResponse(locale, (language) => tagPage(language, slug, page));
}
