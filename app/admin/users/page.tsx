// User management (admins only): list, create, change role, deactivate, reset password, end sessions.
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { CreateUserForm, UserRowControls } from "@/components/admin/user-forms";
import { Pagination } from "@/components/ui/pagination";
import { requireUser, userCan } from "@/lib/auth/session";
import { countActiveSessions } from "@/lib/auth/sessions";
import { pageNumber } from "@/lib/pagination";
import { listUsers } from "@/lib/users/queries";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("users");
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser();
  if (!userCan(user, "user.list")) return <AccessDenied />;
  const page = pageNumber((await searchParams).page);
  const [{ users, pageCount }, t, format] = await Promise.all([listUsers(page), getTranslations(), getFormatter()]);
  const sessionCounts = await countActiveSessions(users.map((row) => row.id));
  return (
    <>
      <PageHeader
        title={t("users.title")}
        action={
          <Link href="#create-user" className={buttonVariants({ variant: "primary" })}>
            {t("nav.actions.newUser")}
          </Link>
        }
      />
      <section aria-labelledby="create-user">
        <h2 id="create-user">{t("users.create")}</h2>
        <CreateUserForm />
      </section>
      <section aria-labelledby="all-users">
        <h2 id="all-users">{t("users.list")}</h2>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.email")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.status")}</th>
              <th scope="col">{t("users.lastSignIn")}</th>
              <th scope="col">{t("users.sessions")}</th>
              <th scope="col">{t("users.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((row) => (
              <tr key={row.id} data-testid={`user-row-${row.email}`}>
                <td>{row.name}</td>
                <td>{row.email}</td>
                <td>{t(`roles.${row.role}`)}</td>
                <td>{row.active ? t("users.active") : t("users.inactive")}</td>
                <td>
                  {row.lastSignInAt ? format.dateTime(row.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : t("users.never")}
                </td>
                <td data-testid="session-count">{sessionCounts.get(row.id) ?? 0}</td>
                <td>{row.id === user.id ? <em>{t("users.you")}</em> : <UserRowControls user={row} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pagination page={page} pageCount={pageCount} basePath="/admin/users" />
      </section>
    </>
  );
}
