// Root layout of the reader site, one per locale: skip link, masthead with the language switch,
// footer. Rendered statically per locale; no client JavaScript of its own.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NextIntlClientProvider } from "next-intl";
import { isLocale, routing } from "@/lib/i18n/routing";
import "../../globals.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "common" });
  return {
    title: { default: t("siteName"), template: `%s — ${t("siteName")}` },
    alternates: { languages: Object.fromEntries(routing.locales.map((l) => [l, `/${l}`])) },
  };
}

export default async function PublicLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  const other = locale === "fr" ? "en" : "fr";
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={null}>
          <a href="#main" className="skip-link">
            {t("common.skipToContent")}
          </a>
          <header className="border-b-4 border-[var(--accent)]">
            <div className="mx-auto flex max-w-3xl flex-wrap items-end justify-between gap-2 px-4 py-4">
              <div>
                <Link href={`/${locale}`} className="text-2xl font-bold text-[var(--ink)] no-underline">
                  {t("common.siteName")}
                </Link>
                <p className="text-sm text-[var(--muted)]">{t("public.tagline")}</p>
              </div>
              <nav aria-label={t("common.language")}>
                <Link href={`/${other}`} hrefLang={other} lang={other}>
                  {t("public.switchTo")}
                </Link>
              </nav>
            </div>
          </header>
          <main id="main" className="mx-auto max-w-3xl px-4 py-6">
            {children}
          </main>
          <footer className="mx-auto max-w-3xl border-t border-[var(--line)] px-4 py-6 text-sm text-[var(--muted)]">
            {t("public.footer")}
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
