// The signed-in user's own account: change password, and the browsers signed in to it.
import { getFormatter, getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/admin/change-password-form";
import { EndOtherSessionsForm, EndSessionForm } from "@/components/admin/session-forms";
import { requireUser } from "@/lib/auth/session";
import { listActiveSessions } from "@/lib/auth/sessions";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("account");
}

export default async function AccountPage() {
  const user = await requireUser();
  const [t, format, sessions] = await Promise.all([getTranslations("account"), getFormatter(), listActiveSessions(user.id)]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const others = sessions.filter((session) => session.id !== user.sessionId);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{user.email}</p>
      <h2>{t("changePassword")}</h2>
      <ChangePasswordForm />
      <section aria-labelledby="sessions" className="mt-8">
        <h2 id="sessions">{t("sessions.title")}</h2>
        <p>{t("sessions.intro")}</p>
        <div className="overflow-x-auto">
          <table className="data" data-testid="sessions">
            <thead>
              <tr>
                <th scope="col">{t("sessions.browser")}</th>
                <th scope="col">{t("sessions.address")}</th>
                <th scope="col">{t("sessions.signedInAt")}</th>
                <th scope="col">{t("sessions.lastSeen")}</th>
                <th scope="col">
                  <span className="sr-only">{t("sessions.end")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => {
                const browser = session.browser || t("sessions.unknownBrowser");
                const system = session.system || t("sessions.unknownSystem");
                const current = session.id === user.sessionId;
                return (
                  <tr key={session.id} data-testid={current ? "session-current" : "session-other"}>
                    <td>
                      {browser} · {system}
                      {current ? <strong className="ml-2">({t("sessions.thisOne")})</strong> : null}
                    </td>
                    <td>{session.ip}</td>
                    <td>{when(session.createdAt)}</td>
                    <td>{when(session.lastSeenAt)}</td>
                    <td>
                      <EndSessionForm
                        sessionId={session.id}
                        label={t("sessions.endLabel", { browser, system, signedInAt: when(session.createdAt) })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {others.length ? <EndOtherSessionsForm /> : <p>{t("sessions.none")}</p>}
      </section>
    </>
  );
}
