// Previous / next links for a paginated list (plain links: works without JavaScript).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";

export async function Pagination({ page, pageCount, basePath }: { page: number; pageCount: number; basePath: string }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("common");
  // The base may carry the list's sort and filters already.
  const href = (target: number) => `${basePath}${basePath.includes("?") ? "&" : "?"}page=${target}`;
  return (
    <nav aria-label={t("page", { page, count: pageCount })} className="mt-4 flex items-center gap-3">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className={buttonVariants({ variant: "secondary", size: "sm" })}>
          {t("previous")}
        </Link>
      ) : null}
      <span className="text-sm text-muted-foreground">{t("page", { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className={buttonVariants({ variant: "secondary", size: "sm" })}>
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
