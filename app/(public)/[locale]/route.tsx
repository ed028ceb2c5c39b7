// Reader home (/fr, /en): the latest articles, as a finished HTML document with no JavaScript.
import { homePage } from "@/components/public/pages/home-page";
import { readerResponse } from "@/components/public/reader-response";
import { pageNumber } from "@/lib/pagination";

export async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const page = pageNumber(new URL(request.url).searchParams.get("page") ?? undefined);
  return readerResponse(locale, (language) => homePage(language, page));
}
