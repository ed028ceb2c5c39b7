// Import: upload wire files for review, and the imports waiting for review or recently decided.
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { ImportUploader } from "@/components/admin/import-uploader";
import { requireUser, userCan } from "@/lib/auth/session";
import { listRecentImports } from "@/lib/import-review/queries";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("imports");
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ accepted?: string; rejected?: string }> }) {
  const user = await requireUser();
  if (!userCan(user, "article.import")) return <AccessDenied />;
  const [{ accepted, rejected }, imports, t, format] = await Promise.all([
    searchParams,
    listRecentImports(),
    getTranslations("import"),
    getFormatter(),
  ]);
  const pending = imports.filter((record) => record.status === "PENDING_REVIEW");
  return (
    <>
      <PageHeader title={t("title")} />
      {accepted ? (
        <p role="status" className="form-message ok">
          {t("accepted")} <Link href="/admin/articles">{t("openArticle")}</Link>
        </p>
      ) : null}
      {rejected ? (
        <p role="status" className="form-message ok">
          {t("rejected")}
        </p>
      ) : null}
      <ImportUploader />
      <h2>{t("pending")}</h2>
      {pending.length === 0 ? (
        <p>{t("noPending")}</p>
      ) : (
        <ul>
          {pending.map((record) => (
            <li key={record.id}>
              <Link href={`/admin/import/${record.id}`}>{record.fileName}</Link> —{" "}
              {format.dateTime(record.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("recent")}</h2>
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
                <td>
                  {record.status === "PENDING_REVIEW" ? (
                    <Link href={`/admin/import/${record.id}`}>{record.fileName}</Link>
                  ) : (
                    record.fileName
                  )}
                </td>
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
