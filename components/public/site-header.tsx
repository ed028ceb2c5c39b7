// The masthead of every reader page: title, sections, a search box (a plain GET form) and the
// language switch (a plain link, marked up in the language it leads to).
import { readerTranslator } from "@/lib/i18n/reader-intl";
import type { Locale } from "@/lib/i18n/routing";
import { otherLocale, paths } from "@/lib/public/site";

export function SiteHeader({ locale }: { locale: Locale }) {
  const other = otherLocale(locale);
  const t = readerTranslator(locale, "public");
  const common = readerTranslator(locale, "common");
  return (
    <header className="masthead">
      <div className="wrap masthead-inner">
        <div className="brand">
          <a href={paths.home(locale)} className="site-name">
            {common("siteName")}
          </a>
          <p className="tagline">{t("tagline")}</p>
        </div>
        <nav aria-label={t("nav.language")} className="language-switch">
          <a href={paths.home(other)} hrefLang={other} lang={other}>
            {t("switchTo")}
          </a>
        </nav>
      </div>
      <div className="wrap masthead-bar">
        <nav aria-label={t("nav.label")}>
          <ul className="sections">
            <li>
              <a href={paths.home(locale)}>{t("nav.home")}</a>
            </li>
            <li>
              <a href={paths.search(locale)}>{t("nav.search")}</a>
            </li>
          </ul>
        </nav>
        <form role="search" aria-label={t("searchBox.label")} action={paths.search(locale)} method="get" className="search-box">
          <label htmlFor="site-search" className="sr-only">
            {t("searchBox.label")}
          </label>
          <input id="site-search" type="search" name="q" maxLength={200} autoComplete="off" />
          <button type="submit">{t("searchBox.submit")}</button>
        </form>
      </div>
    </header>
  );
}
