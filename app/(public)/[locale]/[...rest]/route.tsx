// Any other address under a language: the reader site's own 404 page, in that language.
import { readerResponse } from "@/components/public/reader-response";

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return readerResponse(locale, async () => null);
}
