// The photo library on the desk's list component: upload many photos at once, search captions and
// credits (accents and case ignored), filter by use and sort in the URL, pages counted in SQL.
import { buttonVariants } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { DataList, FilterBar, FilterInput, FilterSelect } from "@/components/ui/data-list";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { MediaUploader } from "@/components/admin/media-uploader";
import { requireUser, userCan } from "@/lib/auth/session";
import { listHref, parseListSort, sortHref } from "@/lib/list-sort";
import { DEFAULT_MEDIA_SORT, listMediaAssets, MEDIA_SORT_COLUMNS, type MediaSort, type MediaUseFilter } from "@/lib/media/queries";
import { pageNumber } from "@/lib/pagination";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("media");
}

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

const USE_FILTERS: MediaUseFilter[] = ["all", "used", "unused"];

export default async function MediaLibraryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  if (!userCan(user, "article.list")) return <AccessDenied />;
  const params = await searchParams;
  const query = (one(params.q) ?? "").slice(0, 200);
  const use = USE_FILTERS.find((filter) => filter === one(params.use)) ?? "all";
  const sort = parseListSort<MediaSort>(params, MEDIA_SORT_COLUMNS, DEFAULT_MEDIA_SORT);
  const [t, tLists, tNav, format, list] = await Promise.all([
    getTranslations("media"),
    getTranslations("lists"),
    getTranslations("nav"),
    getFormatter(),
    listMediaAssets({ query, use, page: pageNumber(one(params.page)), sort }),
  ]);
  const filters = { q: query, use: use === "all" ? null : use };
  const listPath = listHref("/admin/media", filters, { current: sort, columns: MEDIA_SORT_COLUMNS, fallback: DEFAULT_MEDIA_SORT });
  const href = (page: number) => `${listPath}${listPath.includes("?") ? "&" : "?"}page=${page}`;
  const canUpload = userCan(user, "article.edit");
  const filtered = Boolean(query) || use !== "all";
  const textOf = (item: (typeof list.items)[number]) => item.texts[user.locale] ?? item.texts.fr ?? item.texts.en;
  return (
    <>
      <PageHeader
        title={t("title")}
        action={
          canUpload ? (
            <Link href="#upload" className={buttonVariants({ variant: "primary" })}>
              {tNav("actions.uploadPhotos")}
            </Link>
          ) : null
        }
      />
      {one(params.deleted) ? (
        <p role="status" className="form-message ok">
          {t("deleted")}
        </p>
      ) : null}
      {canUpload ? (
        <div id="upload" className="mb-6">
          <p className="hint">{t("intro")}</p>
          <MediaUploader />
        </div>
      ) : null}
      <FilterBar action="/admin/media" label={t("title")} resetHref={filtered ? "/admin/media" : undefined}>
        <FilterInput id="media-q" name="q" type="search" label={t("search")} value={query} className="min-w-64" />
        <FilterSelect
          id="media-use"
          name="use"
          label={t("use")}
          value={use}
          options={[
            { id: "all", label: t("useAll") },
            { id: "used", label: t("useUsed") },
            { id: "unused", label: t("useUnused") },
          ]}
        />
        {sort.sort !== DEFAULT_MEDIA_SORT || sort.dir !== MEDIA_SORT_COLUMNS[DEFAULT_MEDIA_SORT] ? (
          <>
            <input type="hidden" name="sort" value={sort.sort} />
            <input type="hidden" name="dir" value={sort.dir} />
          </>
        ) : null}
      </FilterBar>
      <p aria-live="polite" className="mb-2 text-sm text-muted-foreground">
        {t("count", { count: list.total })}
      </p>
      <DataList
        label={t("title")}
        testId="media-library"
        rows={list.items}
        rowKey={(item) => item.id}
        rowAttributes={() => ({ "data-testid": "media-item" })}
        sort={{ ...sort, href: (column) => sortHref("/admin/media", filters, sort, column, MEDIA_SORT_COLUMNS, DEFAULT_MEDIA_SORT) }}
        empty={
          filtered
            ? { title: t("empty"), action: { href: "/admin/media", label: tLists("reset") } }
            : canUpload
              ? { title: t("emptyUpload"), action: { href: "#upload", label: tNav("actions.uploadPhotos") } }
              : { title: t("emptyNone") }
        }
        actions={(item) => ({
          label: tLists("rowActions", { name: textOf(item)?.caption || textOf(item)?.alt || item.credit || t("untitled") }),
          items: [{ href: `/admin/media/${item.id}`, label: t("edit") }],
        })}
        columns={[
          {
            key: "photo",
            header: t("photo"),
            primary: true,
            cell: (item) => {
              const text = textOf(item);
              return (
                <Link href={`/admin/media/${item.id}`} className="flex items-center gap-3 no-underline">
                  {item.thumbnail ? (
                    // The thumbnail is decorative here: the caption beside it names the photo.
                    <img
                      src={item.thumbnail.url}
                      width={item.thumbnail.width}
                      height={item.thumbnail.height}
                      alt=""
                      loading="lazy"
                      className="h-14 w-20 shrink-0 rounded object-cover"
                    />
                  ) : null}
                  <span className="min-w-0 font-semibold break-words text-foreground">{text?.caption || text?.alt || t("edit")}</span>
                </Link>
              );
            },
          },
          { key: "credit", header: t("creditColumn"), sortable: true, cell: (item) => item.credit || "—" },
          {
            key: "use",
            header: t("use"),
            cell: (item) => (
              <span className="inline-flex flex-wrap gap-1">
                <Badge tone={item.used ? "success" : "neutral"}>{item.used ? t("used") : t("unused")}</Badge>
                {!item.texts.fr?.alt || !item.texts.en?.alt ? <Badge tone="warning">{t("noAlt")}</Badge> : null}
              </span>
            ),
          },
          {
            key: "uploaded",
            header: t("uploaded"),
            sortable: true,
            cell: (item) => <time dateTime={item.createdAt.toISOString()}>{format.dateTime(item.createdAt, { dateStyle: "medium" })}</time>,
          },
        ]}
      />
      {list.pageCount > 1 ? (
        <nav aria-label={t("page", { page: list.page, count: list.pageCount })} className="mt-4 flex items-center gap-3">
          {list.page > 1 ? (
            <Link href={href(list.page - 1)} rel="prev" className={buttonVariants({ variant: "secondary", size: "sm" })}>
              {t("previous")}
            </Link>
          ) : null}
          <span className="text-sm text-muted-foreground">{t("page", { page: list.page, count: list.pageCount })}</span>
          {list.page < list.pageCount ? (
            <Link href={href(list.page + 1)} rel="next" className={buttonVariants({ variant: "secondary", size: "sm" })}>
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
