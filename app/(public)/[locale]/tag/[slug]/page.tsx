// A tag's reader page: its label and description, and its published articles in this language,
// newest first, paginated. A merged tag's old address redirects (308) to the surviving tag.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Pagination } from "@/components/ui/pagination";
import { isLocale } from "@/lib/i18n/routing";
import { pageNumber } from "@/lib/pagination";
import { tagForPage, tagPath } from "@/lib/tags/public-page";
import { listPublishedArticlesForTagCached } from "@/lib/tags/public-cached";

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return {};
  const tag = await tagForPage(locale, slug);
  return { title: tag.label, description: tag.description ?? undefined, alternates: { canonical: tagPath(locale, tag.slug) } };
}

export default async function TagPage({ params, searchParams }: { params: Params; searchParams: Promise<{ page?: string }> }) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const tag = await tagForPage(locale, slug);
  const page = pageNumber((await searchParams).page);
  const [{ articles, pageCount }, t, format] = await Promise.all([listPublishedArticlesForTagCached(tag.id, locale, page), getTranslations("tags.public"), getFormatter()]);
  return (
    <>
      <h1>{tag.label}</h1>
      {tag.description ? <p>{tag.description}</p> : null}
      {articles.length === 0 ? (
        <p>{t("noArticles")}</p>
      ) : (
        <ol className="space-y-6" aria-label={t("articles", { label: tag.label })}>
          {articles.map((article) => (
            <li key={article.id}>
              <article>
                <h2 className="mt-0">
                  <Link href={`/${locale}/article/${encodeURIComponent(article.slug)}`}>{article.title}</Link>
                </h2>
                <time dateTime={article.publishedAt} className="text-sm text-[var(--muted)]">
                  {format.dateTime(new Date(article.publishedAt), { dateStyle: "long" })}
                </time>
                {article.standfirst ? <p>{article.standfirst}</p> : null}
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} basePath={tagPath(locale, tag.slug)} />
    </>
  );
}
