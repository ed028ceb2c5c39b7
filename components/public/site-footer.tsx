// The foot of every reader page: who edits the site and the language's feeds.
import { readerTranslator } from "@/lib/i18n/reader-intl";
import type { Locale } from "@/lib/i18n/routing";
import { paths } from "@/lib/public/site";

export function SiteFooter({ locale }: { locale: Locale }) {
  const t = readerTranslator(locale, "public");
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p>{t("footer")}</p>
        <nav aria-label={t("feeds.label")}>
          <ul className="feed-links">
            <li>
              <a href={paths.rss(locale)} type="application/rss+xml">
                {t("feeds.rss")}
              </a>
            </li>
            <li>
              <a href={paths.atom(locale)} type="application/atom+xml">
                {t("feeds.atom")}
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
