// The article list (language versions, newest change first), paginated in the database.
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { Pagination } from "@/components/ui/pagination";
import { listArticleVersions } from "@/lib/articles/queries";
import { requireUser, userCan } from "@/lib/auth/session";
import { pageNumber } from "@/lib/pagination";

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser();
  if (!userCan(user, "article.list")) return <AccessDenied />;
  const page = pageNumber((await searchParams).page);
  const [{ versions, pageCount }, t, format] = await Promise.all([listArticleVersions(page), getTranslations(), getFormatter()]);
  return (
    <>
      <h1>{t("articles.title")}</h1>
      {versions.length === 0 ? (
        <p>{t("articles.empty")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("articles.headline")}</th>
              <th scope="col">{t("articles.language")}</th>
              <th scope="col">{t("articles.status")}</th>
              <th scope="col">{t("articles.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => (
              <tr key={version.id}>
                <td lang={version.language}>{version.title}</td>
                <td>{version.language.toUpperCase()}</td>
                <td>{t(`statuses.${version.status}`)}</td>
                <td>{format.dateTime(version.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={pageCount} basePath="/admin/articles" />
    </>
  );
}
