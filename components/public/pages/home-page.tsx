// Reader home: the latest published articles in this language, with lead and date, paginated.
import { readerTranslator } from "@/lib/i18n/reader-intl";
import type { Locale } from "@/lib/i18n/routing";
import { countPublishedArticlesCached, getLatestArticlesCached } from "@/lib/public/cached";
import { PUBLIC_PAGE_SIZE } from "@/lib/public/queries";
import { localeAlternates, paths } from "@/lib/public/site";
import { ArticleList } from "../article-list";
import { Pager } from "../pager";
import type { ReaderPage } from "../reader-response";

export async function homePage(locale: Locale, page: number): Promise<ReaderPage> {
  const total = await countPublishedArticlesCached(locale);
  const t = readerTranslator(locale, "public");
  const common = readerTranslator(locale, "common");
  const pageCount = Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE));
  // Pages past the end are not cached (anyone could ask for page 999999): they simply do not exist.
  if (page > pageCount) return null;
  const articles = await getLatestArticlesCached(locale, page);
  const title = page > 1 ? t("home.pageTitle", { page }) : t("latest");
  const hrefFor = (target: number) => (target === 1 ? paths.home(locale) : `${paths.home(locale)}?page=${target}`);
  return {
    head: {
      title: page > 1 ? title : `${title} — ${common("siteName")}`,
      absoluteTitle: page === 1,
      socialTitle: title,
      description: t("home.description"),
      canonical: hrefFor(page),
      languages: localeAlternates(paths.home, "/"),
    },
    body: (
      <>
        <h1>{title}</h1>
        {articles.length === 0 ? <p>{t("noArticles")}</p> : <ArticleList locale={locale} articles={articles} />}
        <Pager locale={locale} page={page} pageCount={pageCount} href={hrefFor} />
      </>
    ),
  };
}
