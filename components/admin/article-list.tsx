// The admin article list on the desk's one list component: the filter bar (GET form), the language
// versions with a checkbox each for the bulk form, sortable headers, and previous/next links.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataList, FilterBar, FilterInput, FilterSelect, type DataListEmpty } from "@/components/ui/data-list";
import { BULK_FORM_ID } from "@/lib/articles/bulk-form";
import { articleListQuery, articleSortEntries, nextArticleSort, type ArticleListFilters } from "@/lib/articles/list-filters";
import type { ArticleListRow } from "@/lib/articles/list-versions";
import type { VersionStatus } from "@/lib/generated/prisma/enums";
import { ARTICLE_LANGUAGES } from "@/lib/i18n/languages";
import { VERSION_STATUSES } from "@/lib/workflow/transitions";
import type { ReactNode } from "react";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

/** A state's tint (the editor page's badge uses the same ones); the badge always carries the state's name too. */
const STATUS_TONES: Record<VersionStatus, BadgeTone> = {
  DRAFT: "neutral",
  IN_REVIEW: "info",
  APPROVED: "warning",
  PUBLISHED: "success",
  UNPUBLISHED: "neutral",
  ARCHIVED: "danger",
};

type Choice = { id: string; label: string };

export async function ArticleFilters({ filters, authors, tags }: { filters: ArticleListFilters; authors: Choice[]; tags: Choice[] }) {
  const t = await getTranslations("articles");
  const tStatus = await getTranslations("statuses");
  const moreActive = [filters.tagId, filters.authorId, filters.from, filters.to, filters.missingTranslation || null].filter(Boolean).length;
  return (
    <FilterBar
      action="/admin/articles"
      label={t("filters")}
      resetHref="/admin/articles"
      moreActive={moreActive}
      more={
        <>
          <FilterSelect id="filter-tag" name="tag" label={t("tag")} value={filters.tagId} any={t("anyTag")} options={tags} />
          <FilterSelect
            id="filter-author"
            name="author"
            label={t("author")}
            value={filters.authorId}
            any={t("anyAuthor")}
            options={authors}
          />
          <FilterInput id="filter-from" name="from" type="date" label={t("from")} value={filters.from} />
          <FilterInput id="filter-to" name="to" type="date" label={t("to")} value={filters.to} />
          <FilterSelect
            id="filter-date-field"
            name="dateField"
            label={t("dateField")}
            value={filters.dateField}
            options={[
              { id: "updated", label: t("dateUpdated") },
              { id: "published", label: t("datePublished") },
            ]}
          />
          <div className="flex items-center gap-2 sm:col-span-2">
            <input id="filter-missing" name="missing" type="checkbox" value="1" defaultChecked={filters.missingTranslation} />
            <label htmlFor="filter-missing">{t("missingTranslation")}</label>
          </div>
        </>
      }
    >
      <FilterInput id="filter-q" name="q" type="search" label={t("search")} value={filters.q} className="min-w-56 flex-1" />
      <FilterSelect
        id="filter-status"
        name="status"
        label={t("status")}
        value={filters.status}
        any={t("anyStatus")}
        options={VERSION_STATUSES.map((status) => ({ id: status, label: tStatus(status) }))}
      />
      <FilterSelect
        id="filter-language"
        name="language"
        label={t("language")}
        value={filters.language}
        any={t("anyLanguage")}
        options={ARTICLE_LANGUAGES.map((code) => ({ id: code, label: code.toUpperCase() }))}
      />
      {/* The sort travels with the filters; the headers change it. */}
      {articleSortEntries(filters).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </FilterBar>
  );
}

export async function ArticleTable({
  rows,
  filters,
  selectable,
  empty,
  bulkBar,
}: {
  rows: ArticleListRow[];
  filters: ArticleListFilters;
  selectable: boolean;
  empty: DataListEmpty;
  bulkBar: ReactNode;
}) {
  const [t, tStatus, tBulk, tWorkflow, tLists, tCommon, format] = await Promise.all([
    getTranslations("articles"),
    getTranslations("statuses"),
    getTranslations("workflow.bulk"),
    getTranslations("workflow"),
    getTranslations("lists"),
    getTranslations("common"),
    getFormatter(),
  ]);
  return (
    <DataList
      label={t("title")}
      testId="article-list"
      rows={rows}
      rowKey={(row) => row.id}
      rowAttributes={(row) => ({ "data-version-id": row.id })}
      empty={empty}
      sort={{
        sort: filters.sort,
        dir: filters.dir,
        href: (column) => `/admin/articles${articleListQuery(filters, { ...nextArticleSort(filters, column), page: 1 })}`,
      }}
      selection={
        selectable
          ? {
              formId: BULK_FORM_ID,
              value: (row) => `${row.id}:${row.version}`,
              label: (row) => tBulk("select", { title: row.title }),
              bar: bulkBar,
            }
          : undefined
      }
      actions={(row) => ({
        label: tLists("rowActions", { name: row.title }),
        items: [
          { href: `/admin/articles/${row.id}`, label: t("open") },
          { href: `/admin/articles/${row.id}/workflow`, label: t("workflow") },
        ],
      })}
      columns={[
        {
          key: "title",
          header: t("headline"),
          sortable: true,
          primary: true,
          cell: (row) => (
            <span lang={row.language}>
              <Link href={`/admin/articles/${row.id}`}>{row.title.trim() || tCommon("untitled")}</Link>
              {row.missingTranslation ? (
                <>
                  {" "}
                  <Badge tone="warning">{t("missingBadge", { language: row.language === "fr" ? "EN" : "FR" })}</Badge>
                </>
              ) : null}
            </span>
          ),
        },
        { key: "language", header: t("language"), cell: (row) => row.language.toUpperCase() },
        {
          key: "status",
          header: t("status"),
          cell: (row) => (
            <>
              <Badge tone={STATUS_TONES[row.status]}>{tStatus(row.status)}</Badge>
              {row.scheduledAt ? (
                <div className="text-sm">{t("scheduledBadge", { time: format.dateTime(row.scheduledAt, WHEN) })}</div>
              ) : null}
              {row.embargoedUntil ? (
                <div className="mt-1" data-testid="embargo-badge">
                  <Badge tone="warning">{tWorkflow("embargo.badge", { time: format.dateTime(row.embargoedUntil, WHEN) })}</Badge>
                </div>
              ) : null}
            </>
          ),
        },
        { key: "author", header: t("author"), cell: (row) => row.authorName ?? "—" },
        { key: "updated", header: t("updated"), sortable: true, cell: (row) => format.dateTime(row.updatedAt, WHEN) },
        {
          key: "published",
          header: t("published"),
          sortable: true,
          cell: (row) => (row.publishedAt ? format.dateTime(row.publishedAt, WHEN) : "—"),
        },
      ]}
    />
  );
}

export async function ArticlePager({ filters, hasNextPage }: { filters: ArticleListFilters; hasNextPage: boolean }) {
  if (filters.page === 1 && !hasNextPage) return null;
  const t = await getTranslations("articles");
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex gap-4">
      {filters.page > 1 ? (
        <Link href={`/admin/articles${articleListQuery(filters, { page: filters.page - 1 })}`} rel="prev">
          {t("previous")}
        </Link>
      ) : null}
      <span>{t("page", { page: filters.page })}</span>
      {hasNextPage ? (
        <Link href={`/admin/articles${articleListQuery(filters, { page: filters.page + 1 })}`} rel="next">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
