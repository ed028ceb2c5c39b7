// The audit log for admins, on the desk's list component: who did what and when, filtered in the
// URL, newest first, paged by id (a log reads in time order; its keyset pages allow no other sort).
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { DataList, FilterBar, FilterInput, FilterSelect } from "@/components/ui/data-list";
import { listAuthorChoices } from "@/lib/articles/queries";
import { auditQuery, listAuditActions, listAuditEntries, parseAuditFilters } from "@/lib/audit/queries";
import { requireUser, userCan } from "@/lib/auth/session";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("audit");
}

const ENTITY_TYPES = ["articleVersion", "article", "import", "user", "tag"];

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!userCan(user, "audit.view")) return <AccessDenied />;
  const filters = parseAuditFilters(await searchParams);
  const [{ entries, nextBefore }, actions, actors, t, format] = await Promise.all([
    listAuditEntries(filters),
    listAuditActions(),
    listAuthorChoices(),
    getTranslations("audit"),
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <FilterBar
        action="/admin/audit"
        label={t("title")}
        resetHref="/admin/audit"
        moreActive={[filters.entityType, filters.entityId, filters.from, filters.to].filter(Boolean).length}
        more={
          <>
            <FilterSelect
              id="audit-entity-type"
              name="entityType"
              label={t("entityType")}
              any={t("anyEntityType")}
              value={filters.entityType}
              options={ENTITY_TYPES.map((type) => ({ id: type, label: type }))}
            />
            <FilterInput id="audit-entity" name="entity" label={t("entity")} value={filters.entityId} />
            <FilterInput id="audit-from" name="from" type="date" label={t("from")} value={filters.from} />
            <FilterInput id="audit-to" name="to" type="date" label={t("to")} value={filters.to} />
          </>
        }
      >
        <FilterSelect
          id="audit-action"
          name="action"
          label={t("action")}
          any={t("anyAction")}
          value={filters.action}
          options={actions.map((action) => ({ id: action, label: action }))}
        />
        <FilterSelect
          id="audit-actor"
          name="actor"
          label={t("actor")}
          any={t("anyActor")}
          value={filters.actorId}
          options={actors.map((actor) => ({ id: actor.id, label: actor.name }))}
        />
      </FilterBar>
      <DataList
        label={t("title")}
        testId="audit-log"
        rows={entries}
        rowKey={(entry) => String(entry.id)}
        empty={{ title: t("empty"), action: { href: "/admin/audit", label: t("reset") } }}
        columns={[
          {
            key: "at",
            header: t("at"),
            primary: true,
            cell: (entry) => (
              <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "medium" })}</time>
            ),
          },
          { key: "actor", header: t("actor"), cell: (entry) => (entry.actor ? `${entry.actor.name} (${entry.actor.email})` : t("system")) },
          { key: "what", header: t("what"), cell: (entry) => <code>{entry.action}</code> },
          {
            key: "item",
            header: t("item"),
            cell: (entry) =>
              entry.entityType ? (
                entry.entityType === "articleVersion" && entry.entityId ? (
                  <Link
                    href={`/admin/articles/${entry.entityId}/workflow`}
                    className="break-all"
                  >{`${entry.entityType} ${entry.entityId}`}</Link>
                ) : (
                  <span className="break-all">{`${entry.entityType} ${entry.entityId ?? ""}`}</span>
                )
              ) : (
                "—"
              ),
          },
          {
            key: "details",
            header: t("details"),
            className: "text-sm",
            cell: (entry) => (
              <>
                {entry.details ? <code className="break-all">{JSON.stringify(entry.details)}</code> : null}
                {entry.ip ? <div className="text-muted-foreground">{entry.ip}</div> : null}
              </>
            ),
          },
        ]}
      />
      <nav aria-label={t("pagination")} className="mt-4 flex gap-3">
        {filters.before !== null ? (
          <Link href={`/admin/audit${auditQuery(filters, null)}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {t("newest")}
          </Link>
        ) : null}
        {nextBefore !== null ? (
          <Link
            href={`/admin/audit${auditQuery(filters, nextBefore)}`}
            rel="next"
            className={buttonVariants({ variant: "secondary", size: "sm" })}
          >
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
