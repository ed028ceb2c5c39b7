// The whole HTML document of a reader page: head (its tags, the lead image's preload, the inlined
// stylesheet), skip link, masthead, the page itself and the footer. No script of any kind but
// JSON-LD data: links and GET forms only.
import type { ReactNode } from "react";
import { readerTranslator } from "@/lib/i18n/reader-intl";
import type { Locale } from "@/lib/i18n/routing";
import { readerStylesheet } from "@/lib/public/html-document";
import type { PageHead } from "@/lib/public/metadata";
import { PageHeadTags } from "./page-head";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

type ReaderDocumentProps = { locale: Locale; head: PageHead; preload?: ReactNode; children: ReactNode };

export function ReaderDocument({ locale, head, preload, children }: ReaderDocumentProps) {
  const common = readerTranslator(locale, "common");
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {preload}
        <PageHeadTags locale={locale} head={head} />
        <style dangerouslySetInnerHTML={{ __html: readerStylesheet() }} />
      </head>
      <body className="reader">
        <a href="#main" className="skip-link">
          {common("skipToContent")}
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
