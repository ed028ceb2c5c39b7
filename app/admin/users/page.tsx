// User management (admins only), on the desk's list component: create a user; the list sorted in the
// URL, state as a badge, each user's actions (role, password, status, sessions) in a row menu.
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { CreateUserForm, UserRowActions } from "@/components/admin/user-forms";
import { Badge } from "@/components/ui/badge";
import { DataList } from "@/components/ui/data-list";
import { Pagination } from "@/components/ui/pagination";
import { requireUser, userCan } from "@/lib/auth/session";
import { countActiveSessions } from "@/lib/auth/sessions";
import { listHref, parseListSort, sortHref } from "@/lib/list-sort";
import { pageNumber } from "@/lib/pagination";
import { DEFAULT_USER_SORT, listUsers, USER_SORT_COLUMNS, type UserSort } from "@/lib/users/queries";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("users");
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!userCan(user, "user.list")) return <AccessDenied />;
  const params = await searchParams;
  const page = pageNumber(typeof params.page === "string" ? params.page : undefined);
  const sort = parseListSort<UserSort>(params, USER_SORT_COLUMNS, DEFAULT_USER_SORT);
  const [{ users, pageCount }, t, format] = await Promise.all([listUsers(page, sort), getTranslations(), getFormatter()]);
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
      <section aria-labelledby="all-users" className="mt-8">
        <h2 id="all-users">{t("users.list")}</h2>
        <DataList
          label={t("users.list")}
          testId="user-list"
          rows={users}
          rowKey={(row) => row.id}
          rowAttributes={(row) => ({ "data-testid": `user-row-${row.email}` })}
          sort={{
            ...sort,
            href: (column) => sortHref("/admin/users", {}, sort, column, USER_SORT_COLUMNS, DEFAULT_USER_SORT),
          }}
          empty={{ title: t("users.empty"), action: { href: "#create-user", label: t("nav.actions.newUser") } }}
          columns={[
            { key: "name", header: t("users.name"), primary: true, sortable: true, cell: (row) => row.name },
            { key: "email", header: t("users.email"), sortable: true, cell: (row) => <span className="break-all">{row.email}</span> },
            { key: "role", header: t("users.role"), sortable: true, cell: (row) => t(`roles.${row.role}`) },
            {
              key: "status",
              header: t("users.status"),
              cell: (row) => (
                <Badge tone={row.active ? "success" : "neutral"}>{row.active ? t("users.active") : t("users.inactive")}</Badge>
              ),
            },
            {
              key: "lastSignIn",
              header: t("users.lastSignIn"),
              sortable: true,
              cell: (row) =>
                row.lastSignInAt ? format.dateTime(row.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : t("users.never"),
            },
            {
              key: "sessions",
              header: t("users.sessions"),
              cell: (row) => <span data-testid="session-count">{sessionCounts.get(row.id) ?? 0}</span>,
            },
            {
              key: "actions",
              header: t("users.actions"),
              className: "text-right max-md:text-left",
              cell: (row) => (row.id === user.id ? <em>{t("users.you")}</em> : <UserRowActions user={row} />),
            },
          ]}
        />
        <Pagination
          page={page}
          pageCount={pageCount}
          basePath={listHref("/admin/users", {}, { current: sort, columns: USER_SORT_COLUMNS, fallback: DEFAULT_USER_SORT })}
        />
      </section>
    </>
  );
}
