// Tag management on the desk's list component: counts per type, the taxonomy searched and sorted
// in the URL (labels and aliases, accents and case ignored), and the form to create a tag. Editing,
// merging and deleting are on each tag's page, reached from the row's menu.
import { buttonVariants } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { DataList, FilterBar, FilterInput, FilterSelect } from "@/components/ui/data-list";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { TagFieldsForm } from "@/components/admin/tag-forms";
import { requireUser, userCan } from "@/lib/auth/session";
import type { TagType } from "@/lib/generated/prisma/enums";
import { listHref, parseListSort, sortHref } from "@/lib/list-sort";
import { pageNumber } from "@/lib/pagination";
import { countTagsByType, DEFAULT_TAG_SORT, listTags, TAG_SORT_COLUMNS, type TagSort } from "@/lib/tags/queries";
import { TAG_TYPES } from "@/lib/tags/schema";
import { LANGUAGES, type Language } from "@/lib/i18n/languages";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("tags");
}

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function TagsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  if (!userCan(user, "tag.manage")) return <AccessDenied />;
  const params = await searchParams;
  const q = (one(params.q) ?? "").slice(0, 160);
  const type = TAG_TYPES.includes(one(params.type) as TagType) ? (one(params.type) as TagType) : null;
  const page = pageNumber(one(params.page));
  const sort = parseListSort<TagSort>(params, TAG_SORT_COLUMNS, DEFAULT_TAG_SORT);
  const [t, tLists, tNav, { tags, total, pageCount }, byType] = await Promise.all([
    getTranslations("tags"),
    getTranslations("lists"),
    getTranslations("nav"),
    listTags({ q, type, page, locale: user.locale, sort }),
    countTagsByType(),
  ]);
  const filters = { q, type };
  const listPath = listHref("/admin/tags", filters, { current: sort, columns: TAG_SORT_COLUMNS, fallback: DEFAULT_TAG_SORT });
  const pageHref = (target: number) => `${listPath}${listPath.includes("?") ? "&" : "?"}page=${target}`;
  // The label in the reader's own language is the one the list sorts by.
  const labelColumn = (language: Language) => ({
    key: language === user.locale ? "label" : `label-${language}`,
    header: language === "fr" ? t("labelFr") : t("labelEn"),
    sortable: language === user.locale,
    primary: language === user.locale,
  });
  return (
    <>
      <PageHeader
        title={t("title")}
        action={
          <Link href="#create-tag" className={buttonVariants({ variant: "primary" })}>
            {tNav("actions.newTag")}
          </Link>
        }
      />
      {one(params.deleted) ? (
        <p role="status" className="form-message ok">
          {t("done.deleted")}
        </p>
      ) : null}
      <section aria-labelledby="tag-types">
        <h2 id="tag-types">{t("byType")}</h2>
        <ul className="m-0 flex list-none flex-wrap gap-2 p-0" data-testid="tag-type-counts">
          {TAG_TYPES.map((tagType) => (
            <li key={tagType}>
              <Link
                href={`/admin/tags?type=${tagType}`}
                aria-current={type === tagType ? "page" : undefined}
                className={buttonVariants({ variant: type === tagType ? "primary" : "secondary", size: "sm" })}
              >
                {t(`types.${tagType}`)}: {byType[tagType] ?? 0}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="all-tags" className="mt-8">
        <h2 id="all-tags">{t("list")}</h2>
        <FilterBar action="/admin/tags" label={t("list")} resetHref={q || type ? "/admin/tags" : undefined}>
          <FilterInput id="tag-search" name="q" type="search" label={t("search")} value={q} className="min-w-64" />
          <FilterSelect
            id="tag-type-filter"
            name="type"
            label={t("type")}
            any={t("allTypes")}
            value={type}
            options={TAG_TYPES.map((tagType) => ({ id: tagType, label: t(`types.${tagType}`) }))}
          />
          {/* Filtering keeps the sort; the headers change it. */}
          {sort.sort !== DEFAULT_TAG_SORT || sort.dir !== TAG_SORT_COLUMNS[DEFAULT_TAG_SORT] ? (
            <>
              <input type="hidden" name="sort" value={sort.sort} />
              <input type="hidden" name="dir" value={sort.dir} />
            </>
          ) : null}
        </FilterBar>
        <p aria-live="polite" className="mb-2 text-sm text-muted-foreground" data-testid="tag-count">
          {t("found", { count: total })}
        </p>
        <DataList
          label={t("list")}
          testId="tag-list"
          rows={tags}
          rowKey={(tag) => tag.id}
          rowAttributes={() => ({ "data-testid": "tag-row" })}
          sort={{ ...sort, href: (column) => sortHref("/admin/tags", filters, sort, column, TAG_SORT_COLUMNS, DEFAULT_TAG_SORT) }}
          empty={
            q || type
              ? { title: t("noMatch"), action: { href: "/admin/tags", label: tLists("reset") } }
              : { title: t("emptyNone"), action: { href: "#create-tag", label: tNav("actions.newTag") } }
          }
          actions={(tag) => ({
            label: tLists("rowActions", { name: tag.labels[user.locale === "en" ? "en" : "fr"] }),
            items: [
              { href: `/admin/tags/${tag.id}`, label: t("editAction") },
              { href: `/admin/articles?tag=${tag.id}`, label: t("articlesAction") },
            ],
          })}
          columns={[
            ...LANGUAGES.map((language) => ({
              ...labelColumn(language),
              cell: (tag: (typeof tags)[number]) =>
                language === user.locale ? (
                  <Link href={`/admin/tags/${tag.id}`} lang={language}>
                    {tag.labels[language]}
                  </Link>
                ) : (
                  <span lang={language}>{tag.labels[language]}</span>
                ),
            })),
            { key: "type", header: t("type"), sortable: true, cell: (tag) => <Badge tone="info">{t(`types.${tag.type}`)}</Badge> },
            { key: "aliases", header: t("aliases"), cell: (tag) => tag.aliases.join(", ") },
            {
              key: "articles",
              header: t("articles"),
              sortable: true,
              className: "md:min-w-44",
              cell: (tag) => (
                <>
                  {t("articleCount", { count: tag.counts.total })}
                  {LANGUAGES.map((language) => {
                    const counts = tag.counts.byLanguage[language] ?? { any: 0, published: 0 };
                    return (
                      <span key={language} className="block text-xs text-muted-foreground">
                        {t("perLanguage", { language: language.toUpperCase(), any: counts.any, published: counts.published })}
                      </span>
                    );
                  })}
                </>
              ),
            },
          ]}
        />
        {pageCount > 1 ? (
          <nav aria-label={t("pages")} className="mt-4 flex items-center gap-3">
            {page > 1 ? (
              <Link href={pageHref(page - 1)} rel="prev" className={buttonVariants({ variant: "secondary", size: "sm" })}>
                {t("previous")}
              </Link>
            ) : null}
            <span className="text-sm text-muted-foreground">{t("pageOf", { page, count: pageCount })}</span>
            {page < pageCount ? (
              <Link href={pageHref(page + 1)} rel="next" className={buttonVariants({ variant: "secondary", size: "sm" })}>
                {t("next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="create-tag" className="mt-8">
        <h2 id="create-tag">{t("createTitle")}</h2>
        <TagFieldsForm />
      </section>
    </>
  );
}
