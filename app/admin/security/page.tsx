// Security events for admins: current sign-in lockouts beside refused cross-site requests.
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
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
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <section aria-labelledby="lockouts">
        <h2 id="lockouts">{t("lockouts")}</h2>
        {lockoutRows.length === 0 ? (
          <p>{t("noLockouts")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data" data-testid="lockouts">
              <thead>
                <tr>
                  <th scope="col">{t("who")}</th>
                  <th scope="col">{t("failures")}</th>
                  <th scope="col">{t("lastAt")}</th>
                </tr>
              </thead>
              <tbody>
                {lockoutRows.map((row) => (
                  <tr key={`${row.group}:${row.who}`}>
                    <td>
                      {row.who} <span className="text-sm">({row.group})</span>
                    </td>
                    <td>{row.failures}</td>
                    <td>{when(row.lastAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="events" className="mt-8">
        <h2 id="events">{t("events")}</h2>
        {events.length === 0 ? (
          <p>{t("noEvents")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data" data-testid="security-events">
              <thead>
                <tr>
                  <th scope="col">{t("at")}</th>
                  <th scope="col">{t("kind")}</th>
                  <th scope="col">{t("path")}</th>
                  <th scope="col">{t("origin")}</th>
                  <th scope="col">{t("ip")}</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={String(event.id)}>
                    <td>{when(event.createdAt)}</td>
                    <td>{event.kind === "forgedOrigin" ? t("kinds.forgedOrigin") : event.kind}</td>
                    <td>
                      <code>{event.path}</code>
                    </td>
                    <td>
                      <code>{event.origin}</code>
                    </td>
                    <td>{event.ip}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
