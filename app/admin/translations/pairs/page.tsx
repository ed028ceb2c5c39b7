// Pairing suggestions: articles that arrived separately in two languages about the same event.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { PairingDecisionForms, ScanPairingsForm } from "@/components/translation/pairing-forms";
import { requireUser, userCan } from "@/lib/auth/session";
import type { PairingReason } from "@/lib/translations/pairing";
import { listPairingSuggestions } from "@/lib/translations/queries";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("pairs");
}

export default async function PairingPage() {
  const user = await requireUser();
  if (!userCan(user, "article.edit")) return <AccessDenied />;
  const [suggestions, t] = await Promise.all([listPairingSuggestions(), getTranslations("translations.pairs")]);
  const describe = (article: { id: string; versions: { language: string; title: string; storyDate: string | null }[] }) => {
    const version = article.versions[0];
    return version ? (
      <>
        <span className="badge">{version.language.toUpperCase()}</span> <span lang={version.language}>{version.title}</span>
        {version.storyDate ? <span className="block text-sm">{version.storyDate}</span> : null}
      </>
    ) : (
      article.id
    );
  };
  return (
    <>
      <p>
        <Link href="/admin/translations">← {t("title")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ScanPairingsForm />
      {suggestions.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">A</th>
              <th scope="col">B</th>
              <th scope="col">{t("score")}</th>
              <th scope="col">{t("reasons")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {suggestions.map((suggestion) => (
              <tr key={suggestion.id} data-testid="pairing-suggestion">
                <td>{describe(suggestion.articleA)}</td>
                <td>{describe(suggestion.articleB)}</td>
                <td>{Math.round(suggestion.score * 100)} %</td>
                <td>
                  <ul>
                    {(suggestion.reasons as PairingReason[]).map((reason) => (
                      <li key={reason.kind}>{t(`reasonKinds.${reason.kind}`, { detail: reason.detail })}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <PairingDecisionForms id={suggestion.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
