// The signed-in user's own account: change password, and the browsers signed in to it on the desk's
// list component (newest sign-in first; each row's menu signs that browser out).
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { DataList } from "@/components/ui/data-list";
import { PageHeader } from "@/components/ui/page-header";
import { ChangePasswordForm } from "@/components/admin/change-password-form";
import { EndOtherSessionsForm } from "@/components/admin/session-forms";
import { requireUser } from "@/lib/auth/session";
import { listActiveSessions } from "@/lib/auth/sessions";
import { endOwnSession } from "@/lib/users/actions";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("account");
}

export default async function AccountPage() {
  const user = await requireUser();
  const [t, tLists, format, sessions] = await Promise.all([
    getTranslations("account"),
    getTranslations("lists"),
    getFormatter(),
    listActiveSessions(user.id),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const others = sessions.filter((session) => session.id !== user.sessionId);
  const named = sessions.map((session) => ({
    ...session,
    browser: session.browser || t("sessions.unknownBrowser"),
    system: session.system || t("sessions.unknownSystem"),
    current: session.id === user.sessionId,
  }));
  return (
    <>
      <PageHeader title={t("title")} description={user.email} />
      <section aria-labelledby="change-password">
        <h2 id="change-password">{t("changePassword")}</h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="sessions" className="mt-8">
        <h2 id="sessions">{t("sessions.title")}</h2>
        <p>{t("sessions.intro")}</p>
        <DataList
          label={t("sessions.title")}
          testId="sessions"
          rows={named}
          rowKey={(session) => session.id}
          rowAttributes={(session) => ({ "data-testid": session.current ? "session-current" : "session-other" })}
          empty={{ title: t("sessions.none") }}
          actions={(session) => ({
            label: tLists("rowActions", { name: `${session.browser} · ${session.system}, ${when(session.createdAt)}` }),
            items: [{ label: t("sessions.end"), action: endOwnSession, fields: { sessionId: session.id }, danger: true }],
          })}
          columns={[
            {
              key: "browser",
              header: t("sessions.browser"),
              primary: true,
              cell: (session) => (
                <span className="inline-flex flex-wrap items-center gap-2">
                  {session.browser} · {session.system}
                  {session.current ? <Badge tone="success">{t("sessions.thisOne")}</Badge> : null}
                </span>
              ),
            },
            { key: "address", header: t("sessions.address"), cell: (session) => session.ip },
            { key: "signedInAt", header: t("sessions.signedInAt"), cell: (session) => when(session.createdAt) },
            { key: "lastSeen", header: t("sessions.lastSeen"), cell: (session) => when(session.lastSeenAt) },
          ]}
        />
        <div className="mt-4">{others.length ? <EndOtherSessionsForm /> : <p>{t("sessions.none")}</p>}</div>
      </section>
    </>
  );
}
