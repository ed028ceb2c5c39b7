// Previous / next links for a paginated public list (plain links: works without JavaScript).
import { readerTranslator } from "@/lib/i18n/reader-intl";
import type { Locale } from "@/lib/i18n/routing";

export function Pager({
  locale,
  page,
  pageCount,
  href,
}: {
  locale: Locale;
  page: number;
  pageCount: number;
  href: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  const t = readerTranslator(locale, "public.pagination");
  return (
    <nav aria-label={t("label")} className="pager">
      {page > 1 ? (
        <a href={href(page - 1)} rel="prev">
          ← {t("previous")}
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">{t("page", { page, count: pageCount })}</span>
      {page < pageCount ? (
        <a href={href(page + 1)} rel="next">
          {t("next")} →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
