// A tag's reader page: its label and description, and its published articles in this language,
// newest first, paginated. A merged tag's old address (or the other language's slug) redirects
// (308) to the surviving tag's address in this language.
import { readerTranslator } from "@/lib/i18n/reader-intl";
import type { Locale } from "@/lib/i18n/routing";
import { paths } from "@/lib/public/site";
import { listPublishedArticlesForTagCached } from "@/lib/tags/public-cached";
import { resolveTagSlug } from "@/lib/tags/public-queries";
import { ArticleList } from "../article-list";
import { Pager } from "../pager";
import type { ReaderPage } from "../reader-response";

export async function tagPage(locale: Locale, slug: string, page: number): Promise<ReaderPage> {
  const target = await resolveTagSlug(locale, slug);
  if (target.kind === "missing") return null;
  if (target.kind === "redirect") return { redirect: paths.tag(locale, target.slug), status: 308 };
  const { tag } = target;
  const { articles, pageCount } = await listPublishedArticlesForTagCached(tag.id, locale, page);
  const t = readerTranslator(locale, "tags.public");
  const hrefFor = (target: number) => (target === 1 ? paths.tag(locale, tag.slug) : `${paths.tag(locale, tag.slug)}?page=${target}`);
  return {
    head: {
      title: tag.label,
      socialTitle: tag.label,
      description: tag.description ?? undefined,
      canonical: hrefFor(page),
      languages: {},
      feeds: { rss: paths.rss(locale, tag.slug), atom: paths.atom(locale, tag.slug) },
    },
    body: (
      <>
        <h1>{tag.label}</h1>
        {tag.description ? <p>{tag.description}</p> : null}
        {articles.length === 0 ? (
          <p>{t("noArticles")}</p>
        ) : (
          <ArticleList locale={locale} articles={articles} label={t("articles", { label: tag.label })} />
        )}
        <Pager locale={locale} page={page} pageCount={pageCount} href={hrefFor} />
      </>
    ),
  };
}
