// The desk's one list: sortable headers (links that set ?sort=&dir=; the database sorts), a checkbox
// column whose selection bar shows only while rows are ticked (CSS :has, so without JavaScript too),
// row actions in a menu, an empty state that says what to do, and cards instead of a table at phone
// width. Plus the filter bar: a GET form, so the URL holds the filters and Back restores them.
import type { ReactNode } from "react";
import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown, SlidersHorizontal } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { RowActions, SelectAllOnPage, type RowAction } from "@/components/ui/data-list-client";
import type { SortDir } from "@/lib/list-sort";

export type DataListColumn<Row> = {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Offered as a sort (the page's zod sort schema must allow the same key). */
  sortable?: boolean;
  /** The card's title at phone width (shown without its header). */
  primary?: boolean;
  className?: string;
};

export type DataListSort = { sort: string; dir: SortDir; href: (column: string) => string };

export type DataListSelection<Row> = {
  /** The bulk form the row checkboxes belong to (their `form` attribute). */
  formId: string;
  name?: string;
  value: (row: Row) => string;
  label: (row: Row) => string;
  /** The bulk form; it hides its controls with SELECTION_BAR_CLASSES (data-list-classes.ts) until a row is ticked. */
  bar: ReactNode;
};

export type DataListEmpty = { title: string; action?: { href: string; label: string } };

type DataListProps<Row> = {
  label: string;
  testId?: string;
  rows: Row[];
  rowKey: (row: Row) => string;
  rowAttributes?: (row: Row) => Record<`data-${string}`, string>;
  columns: DataListColumn<Row>[];
  sort?: DataListSort;
  selection?: DataListSelection<Row>;
  actions?: (row: Row) => { label: string; items: RowAction[] };
  empty: DataListEmpty;
};

export async function DataList<Row>({
  label,
  testId,
  rows,
  rowKey,
  rowAttributes,
  columns,
  sort,
  selection,
  actions,
  empty,
}: DataListProps<Row>) {
  const t = await getTranslations("lists");
  const sortable = sort ? columns.filter((column) => column.sortable) : [];
  return (
    <div className="group/list">
      {/* The bar stays when the list is empty: a bulk action's summary must outlive the rows it moved away. */}
      {selection?.bar}
      {rows.length === 0 ? <EmptyState empty={empty} /> : null}
      {rows.length > 0 && sort && sortable.length ? (
        <nav aria-label={t("sortLabel")} className="mb-2 flex flex-wrap items-center gap-2 text-sm md:hidden">
          <span className="text-muted-foreground">{t("sortLabel")}</span>
          {sortable.map((column) => (
            <SortLink key={column.key} column={column} sort={sort} className={buttonVariants({ variant: "secondary", size: "sm" })} />
          ))}
        </nav>
      ) : null}
      {rows.length === 0 ? null : (
        <table className="w-full border-collapse text-sm max-md:block" data-testid={testId} aria-label={label}>
          <thead className="max-md:hidden">
            <tr className="border-b border-line">
              {selection ? (
                <th scope="col" className="w-10 px-3 py-2">
                  <span className="sr-only">{t("select")}</span>
                  <SelectAllOnPage formId={selection.formId} label={t("selectAll")} />
                </th>
              ) : null}
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sort?.sort === column.key ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                  className={cn(
                    "px-3 py-2 text-left text-xs font-semibold tracking-wide text-muted-foreground uppercase",
                    column.className,
                  )}
                >
                  {sort && column.sortable ? (
                    <SortLink column={column} sort={sort} className="text-muted-foreground no-underline hover:text-foreground" />
                  ) : (
                    column.header
                  )}
                </th>
              ))}
              {actions ? (
                <th scope="col" className="w-12 px-3 py-2">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="max-md:block">
            {rows.map((row) => {
              const rowActions = actions?.(row);
              return (
                <tr key={rowKey(row)} {...rowAttributes?.(row)} className="data-list-row">
                  {selection ? (
                    <td className="data-list-select">
                      <input
                        type="checkbox"
                        data-row-select=""
                        name={selection.name ?? "items"}
                        value={selection.value(row)}
                        form={selection.formId}
                        aria-label={selection.label(row)}
                        className="size-4"
                      />
                    </td>
                  ) : null}
                  {columns.map((column) => (
                    <td
                      key={column.key}
                      data-label={column.primary ? undefined : column.header}
                      className={cn(column.primary ? "data-list-title" : "data-list-cell", column.className)}
                    >
                      {column.cell(row)}
                    </td>
                  ))}
                  {actions ? (
                    <td className="data-list-actions">
                      {rowActions ? <RowActions label={rowActions.label} actions={rowActions.items} /> : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

async function SortLink<Row>({ column, sort, className }: { column: DataListColumn<Row>; sort: DataListSort; className?: string }) {
  const t = await getTranslations("lists");
  const active = sort.sort === column.key;
  const Icon = !active ? ArrowUpDown : sort.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <Link href={sort.href(column.key)} className={cn("inline-flex items-center gap-1", className)} data-sort-column={column.key}>
      {column.header}
      {active ? <span className="sr-only">, {sort.dir === "asc" ? t("sortedAscending") : t("sortedDescending")}</span> : null}
      <Icon aria-hidden className={cn("size-3.5", active ? "opacity-100" : "opacity-40")} />
    </Link>
  );
}

export function EmptyState({ empty }: { empty: DataListEmpty }) {
  return (
    <div data-testid="list-empty" className="rounded-lg border border-dashed border-line px-6 py-10 text-center">
      <p className="m-0 font-semibold">{empty.title}</p>
      {empty.action ? (
        <Link href={empty.action.href} className={cn(buttonVariants({ variant: "secondary", size: "sm" }), "mt-4")}>
          {empty.action.label}
        </Link>
      ) : null}
    </div>
  );
}

type FilterBarProps = {
  action: string;
  label: string;
  /** Always shown: the search box and the one or two filters used most. */
  children: ReactNode;
  /** Folded away under "More filters"; open when one of them is in use. */
  more?: ReactNode;
  moreActive?: number;
  resetHref?: string;
};

/** The list's filters as a GET form: the URL holds them, Back restores them, it works without JavaScript. */
export async function FilterBar({ action, label, children, more, moreActive = 0, resetHref }: FilterBarProps) {
  const t = await getTranslations("lists");
  return (
    // autoComplete off: Chromium would otherwise put back, on Back, the values typed before leaving.
    <form
      method="get"
      action={action}
      role="search"
      aria-label={label}
      autoComplete="off"
      className="mb-4 rounded-lg border border-line bg-surface p-3"
    >
      <div className="flex flex-wrap items-end gap-3">
        {children}
        <div className="flex items-center gap-3">
          <button type="submit" className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {t("apply")}
          </button>
          {resetHref ? (
            <Link href={resetHref} className="text-sm">
              {t("reset")}
            </Link>
          ) : null}
        </div>
      </div>
      {more ? (
        <details open={moreActive > 0} className="group/more mt-2">
          <summary className="inline-flex cursor-pointer items-center gap-2 text-sm font-semibold text-muted-foreground">
            <SlidersHorizontal aria-hidden className="size-4" />
            {t("moreFilters")}
            {moreActive > 0 ? <span className="font-normal">({t("activeFilters", { count: moreActive })})</span> : null}
          </summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">{more}</div>
        </details>
      ) : null}
    </form>
  );
}

type Choice = { id: string; label: string };

export function FilterSelect({
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
    <div className="flex min-w-36 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        className="h-9 rounded-md border border-input-border bg-surface px-2 text-foreground"
      >
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

export function FilterInput({
  id,
  name,
  label,
  value,
  type = "text",
  className,
}: {
  id: string;
  name: string;
  label: string;
  value: string | null;
  type?: string;
  className?: string;
}) {
  return (
    <div className={cn("flex min-w-36 flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value ?? ""}
        className="h-9 rounded-md border border-input-border bg-surface px-2 text-foreground"
      />
    </div>
  );
}
