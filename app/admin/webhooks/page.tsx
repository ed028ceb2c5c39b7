// Webhooks (admins): register partners' endpoints, see each message's fate in the delivery log
// (status, attempts, the receiver's answer and its time), redeliver by hand.
import { getFormatter, getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { AccessDenied } from "@/components/admin/access-denied";
import { EndpointActions, RedeliverButton, RegisterEndpointForm } from "@/components/admin/webhook-forms";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataList } from "@/components/ui/data-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, userCan } from "@/lib/auth/session";
import { deskTitle } from "@/lib/desk-titles";
import { listDeliveries, listEndpoints } from "@/lib/webhooks/endpoints";
import { eventKey } from "@/lib/webhooks/events-list";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("webhooks");
}

const STATUS_TONE: Record<string, BadgeTone> = { PENDING: "warning", SUCCEEDED: "success", FAILED: "danger" };

export default async function WebhooksPage() {
  const user = await requireUser();
  if (!userCan(user, "webhook.manage")) return <AccessDenied />;
  const [endpoints, deliveries, t, format] = await Promise.all([
    listEndpoints(),
    listDeliveries(),
    getTranslations("webhooks"),
    getFormatter(),
  ]);
  const when = (date: Date) => (
    <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: "short", timeStyle: "medium" })}</time>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <section aria-labelledby="new-endpoint" className="max-w-xl">
        <h2 id="new-endpoint">{t("register")}</h2>
        <RegisterEndpointForm />
      </section>
      <section aria-labelledby="endpoints" className="mt-8">
        <h2 id="endpoints">{t("endpoints")}</h2>
        <DataList
          label={t("endpoints")}
          testId="webhook-endpoints"
          rows={endpoints}
          rowKey={(row) => row.id}
          empty={{ title: t("noEndpoints") }}
          columns={[
            {
              key: "url",
              header: t("url.label"),
              primary: true,
              cell: (row) => (
                <span className="break-all">
                  {row.url}
                  {row.description ? <span className="block text-sm text-muted-foreground">{row.description}</span> : null}
                </span>
              ),
            },
            {
              key: "events",
              header: t("eventsLabel"),
              cell: (row) => row.events.map((event) => t(`events.${eventKey(event)}`)).join(", "),
            },
            {
              key: "state",
              header: t("state"),
              cell: (row) => <Badge tone={row.active ? "success" : "neutral"}>{row.active ? t("active") : t("paused")}</Badge>,
            },
            {
              key: "secret",
              header: t("secret"),
              cell: (row) => (
                <details>
                  <summary className="cursor-pointer">{t("showSecret")}</summary>
                  <code className="break-all text-sm">{row.secret}</code>
                </details>
              ),
            },
            { key: "actions", header: t("state"), cell: (row) => <EndpointActions id={row.id} url={row.url} active={row.active} /> },
          ]}
        />
      </section>
      <section aria-labelledby="deliveries" className="mt-8">
        <h2 id="deliveries">{t("deliveries")}</h2>
        <DataList
          label={t("deliveries")}
          testId="webhook-deliveries"
          rows={deliveries}
          rowKey={(row) => row.id}
          rowAttributes={(row) => ({ "data-delivery": row.id })}
          empty={{ title: t("noDeliveries") }}
          columns={[
            { key: "event", header: t("event"), primary: true, cell: (row) => t(`events.${eventKey(row.event)}`) },
            { key: "endpoint", header: t("endpoint"), cell: (row) => <span className="break-all">{row.endpoint.url}</span> },
            {
              key: "status",
              header: t("status"),
              cell: (row) => (
                <span className="flex flex-col gap-1">
                  <Badge tone={STATUS_TONE[row.status]}>{t(`status${row.status}`)}</Badge>
                  {row.status === "PENDING" && row.nextAttemptAt ? (
                    <span className="text-sm">{t("nextAttempt", { when: format.relativeTime(row.nextAttemptAt) })}</span>
                  ) : null}
                </span>
              ),
            },
            { key: "attempts", header: t("attempts"), cell: (row) => row.attempts },
            {
              key: "response",
              header: t("response"),
              cell: (row) =>
                row.attempts === 0 ? null : (
                  <span className="text-sm">
                    <strong>{row.lastStatusCode ?? t("noAnswer")}</strong>
                    {row.lastDurationMs !== null ? ` · ${t("duration", { ms: row.lastDurationMs })}` : null}
                    {row.lastResponse ? (
                      <span className="block max-w-80 truncate text-muted-foreground" title={row.lastResponse}>
                        {row.lastResponse}
                      </span>
                    ) : null}
                  </span>
                ),
            },
            { key: "createdAt", header: t("createdAt"), cell: (row) => when(row.createdAt) },
            {
              key: "redeliver",
              header: t("redeliver"),
              cell: (row) => (row.status === "PENDING" ? null : <RedeliverButton deliveryId={row.id} />),
            },
          ]}
        />
      </section>
    </>
  );
}
