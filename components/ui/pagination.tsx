// Previous / next links for a paginated list (plain links: works without JavaScript).
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function Pagination({ page, pageCount, basePath }: { page: number; pageCount: number; basePath: string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("common");
  const href = (target: number) => `${basePath}?page=${target}`;
  return (
    <nav aria-label={t("page", { page, count: pageCount })} className="mt-4 flex gap-4">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      <span>{t("page", { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
