// Previous / next links for a paginated public list (plain links: works without JavaScript).
import { getTranslations } from "next-intl/server";

export async function Pager({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("public.pagination");
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
