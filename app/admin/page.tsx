// The dashboard: counts of language versions per state and language, and the latest imports.
import { getFormatter, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { countVersionsByStateAndLanguage } from "@/lib/articles/queries";
import { listRecentImports } from "@/lib/imports/queries";

const STATES = ["DRAFT", "IN_REVIEW", "APPROVED", "PUBLISHED", "UNPUBLISHED", "ARCHIVED"] as const;

export default async function DashboardPage() {
  const user = await requireUser();
  const [counts, imports, t, format] = await Promise.all([
    countVersionsByStateAndLanguage(),
    listRecentImports(10),
    getTranslations(),
    getFormatter(),
  ]);
  const languages = [...new Set(counts.map((row) => row.language))].sort();
  const countOf = (language: string, status: string) =>
    counts.find((row) => row.language === language && row.status === status)?.count ?? 0;
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p>{t("dashboard.welcome", { name: user.name })}</p>
      <h2>{t("dashboard.versionsByState")}</h2>
      {languages.length === 0 ? (
        <p>{t("dashboard.noVersions")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("dashboard.language")}</th>
              {STATES.map((status) => (
                <th scope="col" key={status}>
                  {t(`statuses.${status}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {languages.map((language) => (
              <tr key={language}>
                <th scope="row">{language.toUpperCase()}</th>
                {STATES.map((status) => (
                  <td key={status}>{countOf(language, status)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t("dashboard.recentImports")}</h2>
      {imports.length === 0 ? (
        <p>{t("dashboard.noImports")}</p>
      ) : (
        <ul>
          {imports.map((record) => (
            <li key={record.id}>
              {record.fileName} — {t(`import.${record.status}`)} — {format.dateTime(record.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
