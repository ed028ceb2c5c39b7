// A list of story teasers: linked title, date, dateline and lead. Shared by home, related and tags.
import type { ArticleTeaser } from "@/lib/public/queries";
import { paths } from "@/lib/public/site";
import type { Locale } from "@/lib/i18n/routing";
import { PublishedDate } from "./published-date";

export function ArticleList({
  locale,
  articles,
  headingLevel = 2,
  label,
}: {
  locale: Locale;
  articles: ArticleTeaser[];
  headingLevel?: 2 | 3;
  label?: string;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="teasers" aria-label={label}>
      {articles.map((article) => (
        <li key={article.id}>
          <article className="teaser">
            <Heading className="teaser-title">
              <a href={paths.article(locale, article.slug)}>{article.title}</a>
            </Heading>
            <p className="meta">
              <PublishedDate locale={locale} iso={article.publishedAt} />
              {article.datelinePlace ? <span className="dateline-place">{article.datelinePlace}</span> : null}
            </p>
            {article.standfirst ? <p className="teaser-lead">{article.standfirst}</p> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
