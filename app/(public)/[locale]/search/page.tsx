// Search, under its English address (/en/search); the other language's readers are sent to theirs.
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { SearchPage, searchMetadata, searchQueryString, type SearchParams } from "@/components/public/search-page";
import { isLocale } from "@/lib/i18n/routing";
import { paths } from "@/lib/public/site";

// Never prerendered (the locale layout lists both locales): the redirect keeps the reader's query.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  return locale === "en" ? searchMetadata(locale, await searchParams) : {};
}

export default async function Page({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const query = await searchParams;
  if (locale !== "en") permanentRedirect(`${paths.search(locale)}${searchQueryString(query)}`);
  setRequestLocale(locale);
  return <SearchPage locale={locale} params={query} />;
}
