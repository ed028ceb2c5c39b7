// How every reader route answers (app/(public)/[locale]/**/route.tsx): its page as one finished HTML
// document, a redirect, the reader's 404 page in the page's language when there is nothing to show,
// or the error page (500) when building the page failed; the details stay in the server log.
import type { ReactNode } from "react";
import { readerTranslator } from "@/lib/i18n/reader-intl";
import { isLocale, routing, type Locale } from "@/lib/i18n/routing";
import { htmlResponse, renderDocument } from "@/lib/public/html-document";
import type { PageHead } from "@/lib/public/metadata";
import { paths } from "@/lib/public/site";
import { ReaderDocument } from "./reader-document";

export type ReaderPage = { head: PageHead; body: ReactNode; preload?: ReactNode } | { redirect: string; status: 301 | 308 } | null;

export async function readerResponse(requestedLocale: string, build: (locale: Locale) => Promise<ReaderPage>): Promise<Response> {
  if (!isLocale(requestedLocale)) return messageResponse(routing.defaultLocale, "notFound", 404);
  const locale = requestedLocale;
  try {
    const page = await build(locale);
    if (!page) return await messageResponse(locale, "notFound", 404);
    if ("redirect" in page) return new Response(null, { status: page.status, headers: { Location: page.redirect } });
    return htmlResponse(
      await renderDocument(
        <ReaderDocument locale={locale} head={page.head} preload={page.preload}>
          {page.body}
        </ReaderDocument>,
      ),
    );
  } catch (error) {
    console.error(error);
    return messageResponse(locale, "error", 500);
  }
}

/** The 404 and error pages: a plain message in the reader's language, with a way home and to search. */
async function messageResponse(locale: Locale, kind: "notFound" | "error", status: 404 | 500): Promise<Response> {
  const t = readerTranslator(locale, `public.${kind}`);
  const head: PageHead = { title: t("title"), socialTitle: t("title"), languages: {}, noIndex: true };
  const html = await renderDocument(
    <ReaderDocument locale={locale} head={head}>
      <div className="message-page" role={kind === "error" ? "alert" : undefined}>
        <h1>{t("title")}</h1>
        <p>{t("body")}</p>
        <ul>
          <li>
            <a href={paths.home(locale)}>{t("home")}</a>
          </li>
          <li>
            <a href={paths.search(locale)}>{readerTranslator(locale, "public.notFound")("search")}</a>
          </li>
        </ul>
      </div>
    </ReaderDocument>,
  );
  return htmlResponse(html, status);
}
