// The photo library: upload many photos at once, search captions and credits (accents and case
// ignored), filter by use, pages counted in SQL.
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { MediaUploader } from "@/components/admin/media-uploader";
import { requireUser, userCan } from "@/lib/auth/session";
import { listMediaAssets, type MediaUseFilter } from "@/lib/media/queries";
import { pageNumber } from "@/lib/pagination";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("media");
}

type Search = { q?: string; use?: string; page?: string; deleted?: string };

const USE_FILTERS: MediaUseFilter[] = ["all", "used", "unused"];

export default async function MediaLibraryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  if (!userCan(user, "article.list")) return <AccessDenied />;
  const params = await searchParams;
  const query = (params.q ?? "").slice(0, 200);
  const use = USE_FILTERS.find((filter) => filter === params.use) ?? "all";
  const [t, list] = await Promise.all([getTranslations("media"), listMediaAssets({ query, use, page: pageNumber(params.page) })]);
  const href = (page: number) =>
    `/admin/media?${new URLSearchParams({ ...(query ? { q: query } : {}), ...(use !== "all" ? { use } : {}), page: String(page) })}`;
  const tNav = await getTranslations("nav");
  return (
    <>
      <PageHeader
        title={t("title")}
        action={
          userCan(user, "article.edit") ? (
            <Link href="#upload" className={buttonVariants({ variant: "primary" })}>
              {tNav("actions.uploadPhotos")}
            </Link>
          ) : null
        }
      />
      {params.deleted ? (
        <p role="status" className="form-message ok">
          {t("deleted")}
        </p>
      ) : null}
      {userCan(user, "article.edit") ? (
        <div id="upload">
          <p className="hint">{t("intro")}</p>
          <MediaUploader />
        </div>
      ) : null}
      <form method="get" action="/admin/media" role="search" className="inline-form mt-6">
        <div className="field">
          <label htmlFor="media-q">{t("search")}</label>
          <input id="media-q" name="q" type="search" defaultValue={query} />
        </div>
        <div className="field">
          <label htmlFor="media-use">{t("use")}</label>
          <select id="media-use" name="use" defaultValue={use}>
            <option value="all">{t("useAll")}</option>
            <option value="used">{t("useUsed")}</option>
            <option value="unused">{t("useUnused")}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t("searchButton")}
        </button>
      </form>
      <p aria-live="polite">{t("count", { count: list.total })}</p>
      {list.items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4" data-testid="media-library">
          {list.items.map((item) => {
            const text = item.texts[user.locale] ?? item.texts.fr ?? item.texts.en;
            return (
              <li key={item.id} className="rounded border border-line p-2 text-sm" data-testid="media-item">
                <Link href={`/admin/media/${item.id}`} className="block no-underline">
                  {item.thumbnail ? (
                    <img
                      src={item.thumbnail.url}
                      width={item.thumbnail.width}
                      height={item.thumbnail.height}
                      alt={text?.alt ?? ""}
                      loading="lazy"
                      className="h-auto w-full"
                    />
                  ) : null}
                  <span className="mt-1 block text-[var(--ink)]">{text?.caption || text?.alt || t("edit")}</span>
                </Link>
                <span className="block text-muted-foreground">{item.credit}</span>
                <span className="badge">{item.used ? t("used") : t("unused")}</span>{" "}
                {!item.texts.fr?.alt || !item.texts.en?.alt ? <span className="badge">{t("noAlt")}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
      {list.pageCount > 1 ? (
        <nav aria-label={t("page", { page: list.page, count: list.pageCount })} className="mt-4 flex gap-4">
          {list.page > 1 ? (
            <Link href={href(list.page - 1)} rel="prev">
              {t("previous")}
            </Link>
          ) : null}
          <span>{t("page", { page: list.page, count: list.pageCount })}</span>
          {list.page < list.pageCount ? (
            <Link href={href(list.page + 1)} rel="next">
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
