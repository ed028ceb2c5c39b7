// Root layout of the reader site, one per locale: skip link, masthead with search and the language
// switch, footer with the feeds. No client JavaScript of its own: links and GET forms only, and no
// NextIntlClientProvider (it would ship the ICU runtime to every reader for nothing).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteFooter } from "@/components/public/site-footer";
import { SiteHeader } from "@/components/public/site-header";
import { isLocale, routing } from "@/lib/i18n/routing";
import { publicMetadata } from "@/lib/public/metadata";
import { localeAlternates, paths, siteUrl } from "@/lib/public/site";
import "../../globals.css";
import "@/components/public/reader.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const [common, t] = await Promise.all([getTranslations({ locale, namespace: "common" }), getTranslations({ locale, namespace: "public" })]);
  return {
    metadataBase: new URL(siteUrl()),
    ...(await publicMetadata(locale, {
      title: { default: common("siteName"), template: `%s — ${common("siteName")}` },
      socialTitle: common("siteName"),
      description: t("home.description"),
      canonical: paths.home(locale),
      languages: localeAlternates(paths.home, "/"),
    })),
  };
}

export default async function PublicLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale });
  return (
    <html lang={locale}>
      <body className="reader">
        <a href="#main" className="skip-link">
          {t("common.skipToContent")}
        </a>
        <SiteHeader locale={locale} />
        <main id="main" tabIndex={-1} className="wrap main">
          {children}
        </main>
        <SiteFooter locale={locale} />
      </body>
    </html>
  );
}
