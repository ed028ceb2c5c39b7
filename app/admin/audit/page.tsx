// The audit log for admins: who did what and when, filtered in the URL, newest first, paged by id.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
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
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <form method="get" action="/admin/audit" className="mb-4 rounded border border-line p-3" role="search" aria-label={t("title")}>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Select
            id="audit-action"
            name="action"
            label={t("action")}
            any={t("anyAction")}
            value={filters.action}
            options={actions.map((action) => ({ id: action, label: action }))}
          />
          <Select
            id="audit-actor"
            name="actor"
            label={t("actor")}
            any={t("anyActor")}
            value={filters.actorId}
            options={actors.map((actor) => ({ id: actor.id, label: actor.name }))}
          />
          <Select
            id="audit-entity-type"
            name="entityType"
            label={t("entityType")}
            any={t("anyEntityType")}
            value={filters.entityType}
            options={ENTITY_TYPES.map((type) => ({ id: type, label: type }))}
          />
          <div className="field">
            <label htmlFor="audit-entity">{t("entity")}</label>
            <input id="audit-entity" name="entity" defaultValue={filters.entityId ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="audit-from">{t("from")}</label>
            <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="audit-to">{t("to")}</label>
            <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </div>
        </div>
        <div className="mt-3 flex items-center gap-4">
          <button type="submit" className="button small">
            {t("filter")}
          </button>
          <Link href="/admin/audit">{t("reset")}</Link>
        </div>
      </form>
      {entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table className="data" data-testid="audit-log">
          <thead>
            <tr>
              <th scope="col">{t("at")}</th>
              <th scope="col">{t("actor")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col">{t("item")}</th>
              <th scope="col">{t("details")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={String(entry.id)}>
                <td>
                  <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "medium" })}</time>
                </td>
                <td>{entry.actor ? `${entry.actor.name} (${entry.actor.email})` : t("system")}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {entry.entityType ? (
                    entry.entityType === "articleVersion" && entry.entityId ? (
                      <Link href={`/admin/articles/${entry.entityId}/workflow`}>{`${entry.entityType} ${entry.entityId}`}</Link>
                    ) : (
                      `${entry.entityType} ${entry.entityId ?? ""}`
                    )
                  ) : (
                    "—"
                  )}
                </td>
                <td className="text-sm">
                  {entry.details ? <code className="break-all">{JSON.stringify(entry.details)}</code> : null}
                  {entry.ip ? <div className="text-[var(--muted)]">{entry.ip}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label={t("pagination")} className="mt-4 flex gap-4">
        {filters.before !== null ? <Link href={`/admin/audit${auditQuery(filters, null)}`}>{t("newest")}</Link> : null}
        {nextBefore !== null ? (
          <Link href={`/admin/audit${auditQuery(filters, nextBefore)}`} rel="next">
            {t("older")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}

function Select({
  id,
  name,
  label,
  any,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  any: string;
  value: string | null;
  options: { id: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{any}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
