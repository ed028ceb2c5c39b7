// Reader home: the latest published articles in this language, with lead and date, paginated.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/public/article-list";
import { Pager } from "@/components/public/pager";
import { isLocale } from "@/lib/i18n/routing";
import { pageNumber } from "@/lib/pagination";
import { countPublishedArticlesCached, getLatestArticlesCached } from "@/lib/public/cached";
import { PUBLIC_PAGE_SIZE } from "@/lib/public/queries";
import { publicMetadata } from "@/lib/public/metadata";
import { localeAlternates, paths } from "@/lib/public/site";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ page?: string | string[] }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const page = pageNumber((await searchParams).page);
  const [t, common] = await Promise.all([getTranslations({ locale, namespace: "public" }), getTranslations({ locale, namespace: "common" })]);
  const title = page > 1 ? t("home.pageTitle", { page }) : t("latest");
  return publicMetadata(locale, {
    title: page > 1 ? title : { absolute: `${title} — ${common("siteName")}` },
    socialTitle: title,
    description: t("home.description"),
    canonical: page > 1 ? `${paths.home(locale)}?page=${page}` : paths.home(locale),
    languages: localeAlternates(paths.home, "/"),
  });
}

export default async function HomePage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const page = pageNumber((await searchParams).page);
  const [total, t] = await Promise.all([countPublishedArticlesCached(locale), getTranslations("public")]);
  const pageCount = Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE));
  // Pages past the end are not cached (anyone could ask for page 999999): they simply do not exist.
  if (page > pageCount) notFound();
  const articles = await getLatestArticlesCached(locale, page);
  return (
    <>
      <h1>{page > 1 ? t("home.pageTitle", { page }) : t("latest")}</h1>
      {articles.length === 0 ? <p>{t("noArticles")}</p> : <ArticleList locale={locale} articles={articles} />}
      <Pager page={page} pageCount={pageCount} href={(target) => (target === 1 ? paths.home(locale) : `${paths.home(locale)}?page=${target}`)} />
    </>
  );
}
