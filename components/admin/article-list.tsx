// The admin article list: the GET filter form (works without JavaScript, bookmarkable), the table
// of language versions with a checkbox each for the bulk form, and previous/next links.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { BulkSelectAll } from "@/components/admin/bulk-select-all";
import { BULK_FORM_ID } from "@/lib/articles/bulk-form";
import { articleListQuery, type ArticleListFilters } from "@/lib/articles/list-filters";
import type { ArticleListRow } from "@/lib/articles/list-versions";
import { ARTICLE_LANGUAGES } from "@/lib/i18n/languages";
import { VERSION_STATUSES } from "@/lib/workflow/transitions";

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

type Choice = { id: string; label: string };

export async function ArticleFilters({ filters, authors, tags }: { filters: ArticleListFilters; authors: Choice[]; tags: Choice[] }) {
  const t = await getTranslations("articles");
  const tStatus = await getTranslations("statuses");
  return (
    <form method="get" action="/admin/articles" className="mb-4 rounded border border-line p-3" role="search" aria-label={t("filters")}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="field sm:col-span-2">
          <label htmlFor="filter-q">{t("search")}</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} />
        </div>
        <Select
          id="filter-status"
          name="status"
          label={t("status")}
          value={filters.status}
          any={t("anyStatus")}
          options={VERSION_STATUSES.map((status) => ({ id: status, label: tStatus(status) }))}
        />
        <Select
          id="filter-language"
          name="language"
          label={t("language")}
          value={filters.language}
          any={t("anyLanguage")}
          options={ARTICLE_LANGUAGES.map((code) => ({ id: code, label: code.toUpperCase() }))}
        />
        <Select id="filter-tag" name="tag" label={t("tag")} value={filters.tagId} any={t("anyTag")} options={tags} />
        <Select id="filter-author" name="author" label={t("author")} value={filters.authorId} any={t("anyAuthor")} options={authors} />
        <div className="field">
          <label htmlFor="filter-from">{t("from")}</label>
          <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">{t("to")}</label>
          <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <Select
          id="filter-date-field"
          name="dateField"
          label={t("dateField")}
          value={filters.dateField}
          options={[
            { id: "updated", label: t("dateUpdated") },
            { id: "published", label: t("datePublished") },
          ]}
        />
        <Select
          id="filter-sort"
          name="sort"
          label={t("sort")}
          value={filters.sort}
          options={[
            { id: "updated", label: t("sortUpdated") },
            { id: "published", label: t("sortPublished") },
            { id: "title", label: t("sortTitle") },
          ]}
        />
        <div className="field flex items-center gap-2 sm:col-span-2">
          <input id="filter-missing" name="missing" type="checkbox" value="1" defaultChecked={filters.missingTranslation} />
          <label htmlFor="filter-missing" className="mb-0">
            {t("missingTranslation")}
          </label>
        </div>
      </div>
      <div className="mt-3 flex items-center gap-4">
        <button type="submit" className="button small">
          {t("apply")}
        </button>
        <Link href="/admin/articles">{t("reset")}</Link>
      </div>
    </form>
  );
}

function Select({
  id,
  name,
  label,
  value,
  any,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string | null;
  any?: string;
  options: Choice[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        {any ? <option value="">{any}</option> : null}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export async function ArticleTable({ rows, selectable }: { rows: ArticleListRow[]; selectable: boolean }) {
  const [t, tStatus, tBulk, format] = await Promise.all([
    getTranslations("articles"),
    getTranslations("statuses"),
    getTranslations("workflow.bulk"),
    getFormatter(),
  ]);
  return (
    <table className="data" data-testid="article-list">
      <thead>
        <tr>
          {selectable ? (
            <td>
              <BulkSelectAll formId={BULK_FORM_ID} label={tBulk("selectAll")} />
            </td>
          ) : null}
          <th scope="col">{t("headline")}</th>
          <th scope="col">{t("language")}</th>
          <th scope="col">{t("status")}</th>
          <th scope="col">{t("author")}</th>
          <th scope="col">{t("updated")}</th>
          <th scope="col">{t("published")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-version-id={row.id}>
            {selectable ? (
              <td>
                <input
                  type="checkbox"
                  name="items"
                  value={`${row.id}:${row.version}`}
                  form={BULK_FORM_ID}
                  aria-label={tBulk("select", { title: row.title })}
                />
              </td>
            ) : null}
            <td lang={row.language}>
              <Link href={`/admin/articles/${row.id}`}>{row.title}</Link>{" "}
              <Link href={`/admin/articles/${row.id}/workflow`} className="text-sm">
                ({t("workflow")})
              </Link>
              {row.missingTranslation ? (
                <>
                  {" "}
                  <span className="badge">{t("missingBadge", { language: row.language === "fr" ? "EN" : "FR" })}</span>
                </>
              ) : null}
            </td>
            <td>{row.language.toUpperCase()}</td>
            <td>
              {tStatus(row.status)}
              {row.scheduledAt ? (
                <div className="text-sm">{t("scheduledBadge", { time: format.dateTime(row.scheduledAt, WHEN) })}</div>
              ) : null}
            </td>
            <td>{row.authorName ?? "—"}</td>
            <td>{format.dateTime(row.updatedAt, WHEN)}</td>
            <td>{row.publishedAt ? format.dateTime(row.publishedAt, WHEN) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
