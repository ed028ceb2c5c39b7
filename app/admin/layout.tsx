// Root layout of the admin: navigation by permission, who is signed in, sign-out, UI language.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { InterfaceLanguageForm } from "@/components/admin/interface-language-form";
import { signOutOfAdmin } from "@/lib/auth/actions";
import type { Permission } from "@/lib/auth/permissions";
import { requireUser, userCan } from "@/lib/auth/session";
import { deskTitleTemplate } from "@/lib/desk-titles";
import "../globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await deskTitleTemplate(), robots: { index: false, follow: false } };
}

const NAV: { href: string; label: string; permission: Permission }[] = [
  { href: "/admin", label: "dashboard", permission: "admin.access" },
  { href: "/admin/articles", label: "articles", permission: "article.list" },
  { href: "/admin/import", label: "imports", permission: "article.import" },
  { href: "/admin/media", label: "media", permission: "article.list" },
  { href: "/admin/translations", label: "translations", permission: "translation.edit" },
  { href: "/admin/tags", label: "tags", permission: "tag.manage" },
  { href: "/admin/users", label: "users", permission: "user.list" },
  { href: "/admin/audit", label: "audit", permission: "audit.view" },
  { href: "/admin/security", label: "security", permission: "audit.view" },
  { href: "/admin/account", label: "account", permission: "account.changePassword" },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <html lang={locale}>
      <body className="admin-body">
        <NextIntlClientProvider>
          <a href="#main" className="skip-link">
            {t("common.skipToContent")}
          </a>
          <header className="border-b border-neutral-300 bg-neutral-50">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
              <Link href="/admin" className="font-bold no-underline">
                {t("common.adminName")}
              </Link>
              <nav aria-label={t("nav.main")} className="flex flex-wrap gap-3">
                {NAV.filter((item) => userCan(user, item.permission)).map((item) => (
                  <Link key={item.href} href={item.href}>
                    {t(`nav.${item.label}`)}
                  </Link>
                ))}
              </nav>
              <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
                <span data-testid="signed-in-as">{t("nav.signedInAs", { name: user.name, role: t(`roles.${user.role}`) })}</span>
                <InterfaceLanguageForm current={locale} />
                <form action={signOutOfAdmin}>
                  <button type="submit" className="button small">
                    {t("nav.signOut")}
                  </button>
                </form>
              </div>
            </div>
          </header>
          <main id="main" className="mx-auto max-w-6xl px-4 py-6">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
