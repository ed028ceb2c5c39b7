// The search page of either language (/fr/recherche, /en/search): a plain GET form (query, tag,
// year) and ranked results with highlighted snippets, paginated. Works without JavaScript.
import { readerTranslator } from "@/lib/i18n/reader-intl";
import type { Locale } from "@/lib/i18n/routing";
import { pageNumber } from "@/lib/pagination";
import { listSearchFacetsCached } from "@/lib/public/cached";
import { findTagBySlug } from "@/lib/public/queries";
import { MAX_QUERY_LENGTH, normalizeSearchQuery, parseYear, searchArticles } from "@/lib/public/search";
import { localeAlternates, paths } from "@/lib/public/site";
import { HighlightedText } from "../highlighted-text";
import { Pager } from "../pager";
import { PublishedDate } from "../published-date";
import type { ReaderPage } from "../reader-response";

export type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The query string of a search, kept when a reader is sent to the other language's address. */
export function searchQueryString(params: SearchParams): string {
  const search = new URLSearchParams();
  for (const key of ["q", "tag", "year", "page"]) {
    const value = first(params[key]);
    if (value) search.set(key, value.slice(0, 1000));
  }
  const qs = search.toString();
  return qs ? `?${qs}` : "";
}

function readParams(params: SearchParams) {
  const tagSlug = first(params.tag)?.trim().slice(0, 200) || null;
  return { query: normalizeSearchQuery(params.q), tagSlug, year: parseYear(params.year), page: pageNumber(params.page) };
}

/** The search page under this language's own address (the route sends other languages there). */
export async function searchPage(locale: Locale, params: SearchParams): Promise<ReaderPage> {
  const { query, tagSlug, year, page } = readParams(params);
  const t = readerTranslator(locale, "public.search");
  const [facets, tag] = await Promise.all([listSearchFacetsCached(locale), tagSlug ? findTagBySlug(locale, tagSlug) : null]);
  const searched = Boolean(query || tag || year);
  const result = await searchArticles(locale, { query, tagId: tag?.id ?? null, year, page });
  const hrefFor = (target: number) => {
    const search = new URLSearchParams();
    if (query) search.set("q", query);
    if (tag) search.set("tag", tag.slug);
    if (year) search.set("year", String(year));
    if (target > 1) search.set("page", String(target));
    const qs = search.toString();
    return qs ? `${paths.search(locale)}?${qs}` : paths.search(locale);
  };
  // A tag chosen through a link may not be among the most used ones the list shows.
  const tagOptions = tag && !facets.tags.some((option) => option.id === tag.id) ? [tag, ...facets.tags] : facets.tags;
  const years = year && !facets.years.some((option) => option.year === year) ? [{ year, count: 0 }, ...facets.years] : facets.years;
  const title = query ? t("titleWithQuery", { query }) : t("title");

  return {
    head: {
      title,
      socialTitle: title,
      description: t("description"),
      canonical: paths.search(locale),
      languages: localeAlternates(paths.search),
      noIndex: searched,
    },
    body: (
      <>
        <h1>{title}</h1>
        <form role="search" aria-label={t("title")} action={paths.search(locale)} method="get" className="search-form">
          <div className="field search-query">
            <label htmlFor="search-q">{t("query")}</label>
            <p id="search-q-hint" className="hint">
              {t("hint")}
            </p>
            <input
              id="search-q"
              type="search"
              name="q"
              defaultValue={query ?? ""}
              maxLength={MAX_QUERY_LENGTH}
              aria-describedby="search-q-hint"
            />
          </div>
          <div className="search-filters">
            <div className="field">
              <label htmlFor="search-tag">{t("tag")}</label>
              <select id="search-tag" name="tag" defaultValue={tag?.slug ?? ""}>
                <option value="">{t("anyTag")}</option>
                {tagOptions.map((option) => (
                  <option key={option.id} value={option.slug}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="search-year">{t("year")}</label>
              <select id="search-year" name="year" defaultValue={year ? String(year) : ""}>
                <option value="">{t("anyYear")}</option>
                {years.map((option) => (
                  <option key={option.year} value={option.year}>
                    {option.year}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              {t("submit")}
            </button>
          </div>
        </form>

        {searched ? (
          <section aria-labelledby="search-results-title" className="search-results">
            <h2 id="search-results-title">
              {query ? t("resultsFor", { count: result.total, query }) : t("results", { count: result.total })}
            </h2>
            {result.hits.length === 0 ? (
              <p>{t("noResults")}</p>
            ) : (
              <ol className="teasers">
                {result.hits.map((hit) => (
                  <li key={hit.id}>
                    <article className="teaser">
                      <h3 className="teaser-title">
                        <a href={paths.article(locale, hit.slug)}>
                          <HighlightedText segments={hit.titleHighlight} />
                        </a>
                      </h3>
                      <p className="meta">
                        <PublishedDate locale={locale} iso={hit.publishedAt} />
                        {hit.datelinePlace ? <span className="dateline-place">{hit.datelinePlace}</span> : null}
                      </p>
                      {hit.snippet ? (
                        <p className="snippet">
                          <HighlightedText segments={hit.snippet} />
                        </p>
                      ) : hit.standfirst ? (
                        <p className="teaser-lead">{hit.standfirst}</p>
                      ) : null}
                    </article>
                  </li>
                ))}
              </ol>
            )}
            <Pager locale={locale} page={page} pageCount={result.pageCount} href={hrefFor} />
          </section>
        ) : (
          <p>{t("empty")}</p>
        )}
      </>
    ),
  };
}
