// The search page's two addresses (/fr/recherche, /en/search): each shows search in its own
// language; a reader of the other language is sent (308) to theirs, query kept.
import type { Locale } from "@/lib/i18n/routing";
import { paths } from "@/lib/public/site";
import { searchPage, searchQueryString, type SearchParams } from "./pages/search-page";
import { readerResponse } from "./reader-response";

export function searchRoute(addressLanguage: Locale) {
  return async function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
    const { locale } = await params;
    const query: SearchParams = Object.fromEntries(new URL(request.url).searchParams);
    return readerResponse(locale, async (language) =>
      language === addressLanguage
        ? searchPage(language, query)
        : { redirect: `${paths.search(language)}${searchQueryString(query)}`, status: 308 },
    );
  };
}
