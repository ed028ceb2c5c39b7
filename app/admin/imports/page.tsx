// Import records: every wire file brought in, with its state.
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { requireUser, userCan } from "@/lib/auth/session";
import { listRecentImports } from "@/lib/imports/queries";

export default async function ImportsPage() {
  const user = await requireUser();
  if (!userCan(user, "article.import")) return <AccessDenied />;
  const [imports, t, format] = await Promise.all([listRecentImports(), getTranslations("imports"), getFormatter()]);
  return (
    <>
      <h1>{t("title")}</h1>
      {imports.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("file")}</th>
              <th scope="col">{t("size")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("importedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((record) => (
              <tr key={record.id}>
                <td>{record.fileName}</td>
                <td>{format.number(record.byteSize)} B</td>
                <td>{t(record.status)}</td>
                <td>{format.dateTime(record.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
