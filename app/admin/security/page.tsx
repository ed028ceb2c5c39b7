// Security events for admins, on the desk's list component: current sign-in lockouts beside refused
// cross-site requests (both newest first, as the security queries return them).
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { Badge } from "@/components/ui/badge";
import { DataList } from "@/components/ui/data-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, userCan } from "@/lib/auth/session";
import { listRecentLockouts, listSecurityEvents } from "@/lib/security/events";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("security");
}

export default async function SecurityPage() {
  const user = await requireUser();
  if (!userCan(user, "audit.view")) return <AccessDenied />;
  const [lockouts, events, t, format] = await Promise.all([
    listRecentLockouts(),
    listSecurityEvents(),
    getTranslations("audit.security"),
    getFormatter(),
  ]);
  const when = (date: Date | null) =>
    date ? <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" })}</time> : null;
  const lockoutRows = [
    ...lockouts.accounts.map((row) => ({ ...row, group: t("accounts") })),
    ...lockouts.addresses.map((row) => ({ ...row, group: t("addresses") })),
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <section aria-labelledby="lockouts">
        <h2 id="lockouts">{t("lockouts")}</h2>
        <DataList
          label={t("lockouts")}
          testId="lockouts"
          rows={lockoutRows}
          rowKey={(row) => `${row.group}:${row.who}`}
          empty={{ title: t("noLockouts") }}
          columns={[
            {
              key: "who",
              header: t("who"),
              primary: true,
              cell: (row) => (
                <span className="inline-flex flex-wrap items-center gap-2 break-all">
                  {row.who} <Badge tone="warning">{row.group}</Badge>
                </span>
              ),
            },
            { key: "failures", header: t("failures"), cell: (row) => row.failures },
            { key: "lastAt", header: t("lastAt"), cell: (row) => when(row.lastAt) },
          ]}
        />
      </section>
      <section aria-labelledby="events" className="mt-8">
        <h2 id="events">{t("events")}</h2>
        <DataList
          label={t("events")}
          testId="security-events"
          rows={events}
          rowKey={(event) => String(event.id)}
          empty={{ title: t("noEvents") }}
          columns={[
            { key: "at", header: t("at"), primary: true, cell: (event) => when(event.createdAt) },
            {
              key: "kind",
              header: t("kind"),
              cell: (event) => <Badge tone="danger">{event.kind === "forgedOrigin" ? t("kinds.forgedOrigin") : event.kind}</Badge>,
            },
            { key: "path", header: t("path"), cell: (event) => <code className="break-all">{event.path}</code> },
            { key: "origin", header: t("origin"), cell: (event) => <code className="break-all">{event.origin}</code> },
            { key: "ip", header: t("ip"), cell: (event) => event.ip },
          ]}
        />
      </section>
    </>
  );
}
