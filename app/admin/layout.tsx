// Root layout of the admin: the desk shell (sidebar by permission, user menu with language, theme
// and sign-out, command palette, toasts) around every desk page.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { DeskCommandsProvider } from "@/components/admin/shell/desk-commands";
import { navFor } from "@/components/admin/shell/desk-nav";
import { DeskShell } from "@/components/admin/shell/desk-shell";
import { THEME_COOKIE, parseTheme, themeClassName } from "@/components/admin/shell/theme";
import { Toaster } from "@/components/ui/toaster";
import { TooltipProvider } from "@/components/ui/tooltip";
import { requireUser, userCan } from "@/lib/auth/session";
import { clientMessages } from "@/lib/i18n/client-messages";
import { deskTitleTemplate } from "@/lib/desk-titles";
import "../globals.css";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await deskTitleTemplate(), robots: { index: false, follow: false } };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [locale, t, messages, cookieStore] = await Promise.all([getLocale(), getTranslations(), getMessages(), cookies()]);
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value);
  const entries = navFor(
    (permission) => userCan(user, permission),
    (label) => t(`nav.${label}`),
  );
  return (
    <html lang={locale} className={themeClassName(theme)}>
      <body className="admin-body">
        <NextIntlClientProvider messages={clientMessages(messages)}>
          <a href="#main" className="skip-link">
            {t("common.skipToContent")}
          </a>
          <TooltipProvider>
            <DeskCommandsProvider
              entries={entries}
              canImport={userCan(user, "article.import")}
              canTranslate={userCan(user, "translation.edit")}
              canSearchArticles={userCan(user, "article.list")}
            >
              <DeskShell
                entries={entries}
                user={{ name: user.name, role: t(`roles.${user.role}`), canChangePassword: userCan(user, "account.changePassword") }}
                locale={locale}
                theme={theme}
              >
                {children}
              </DeskShell>
            </DeskCommandsProvider>
          </TooltipProvider>
          <Toaster />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
