// Reader home: the latest published articles in this language, paginated.
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { Pagination } from "@/components/ui/pagination";
import { listPublishedVersions } from "@/lib/articles/public-queries";
import { isLocale } from "@/lib/i18n/routing";
import { pageNumber } from "@/lib/pagination";

export default async function HomePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const page = pageNumber((await searchParams).page);
  const [{ versions, pageCount }, t, format] = await Promise.all([
    listPublishedVersions(locale, page),
    getTranslations("public"),
    getFormatter(),
  ]);
  return (
    <>
      <h1>{t("latest")}</h1>
      {versions.length === 0 ? (
        <p>{t("noArticles")}</p>
      ) : (
        <ol className="space-y-6">
          {versions.map((version) => (
            <li key={version.id}>
              <article>
                <h2 className="mt-0">{version.title}</h2>
                {version.publishedAt ? (
                  <time dateTime={version.publishedAt.toISOString()} className="text-sm text-[var(--muted)]">
                    {format.dateTime(version.publishedAt, { dateStyle: "long" })}
                  </time>
                ) : null}
                {version.standfirst ? <p>{version.standfirst}</p> : null}
              </article>
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageCount={pageCount} basePath={`/${locale}`} />
    </>
  );
}
