// An article in one language (/fr/article/<slug>), or the reader's 404 page unless published.
import { articlePage } from "@/components/public/pages/article-page";
import { readerResponse } from "@/components/public/reader-response";

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  return readerResponse(locale, (language) => articlePage(language, slug));
}
