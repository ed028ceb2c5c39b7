// The glossary: approved FR <-> EN term pairs, maintained by editors, read by everyone translating.
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { CreateTermForm, TermRow } from "@/components/translation/glossary-forms";
import { Pagination } from "@/components/ui/pagination";
import { requireUser, userCan } from "@/lib/auth/session";
import { pageNumber } from "@/lib/pagination";
import { listGlossaryTerms } from "@/lib/translations/queries";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("glossary");
}

export default async function GlossaryPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const user = await requireUser();
  if (!userCan(user, "translation.edit")) return <AccessDenied />;
  const search = await searchParams;
  const page = pageNumber(search.page);
  const query = (search.q ?? "").slice(0, 200);
  const [{ terms, pageCount }, t] = await Promise.all([listGlossaryTerms(query, page), getTranslations("translations.glossary")]);
  const manage = userCan(user, "glossary.manage");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {manage ? <CreateTermForm /> : null}
      <form method="get" className="inline-form" role="search">
        <div className="field">
          <label htmlFor="glossary-search">{t("search")}</label>
          <input id="glossary-search" name="q" defaultValue={query} />
        </div>
        <button type="submit" className="button small">
          {t("search")}
        </button>
      </form>
      {terms.length === 0 ? (
        <p>{t("empty")}</p>
      ) : manage ? (
        <ul className="list-none p-0">
          {terms.map((term) => (
            <TermRow key={`${term.id}-${term.termFr}-${term.termEn}`} term={term} />
          ))}
        </ul>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("termFr")}</th>
              <th scope="col">{t("termEn")}</th>
              <th scope="col">{t("note")}</th>
            </tr>
          </thead>
          <tbody>
            {terms.map((term) => (
              <tr key={term.id} data-testid="glossary-term">
                <td lang="fr">{term.termFr}</td>
                <td lang="en">{term.termEn}</td>
                <td>{term.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/admin/translations/glossary" />
    </>
  );
}
