// Import: upload wire files, the files waiting for review (each linked to its review), and what
// was lately decided about the others (on the desk's list component).
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { ImportUploader } from "@/components/admin/import-uploader";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataList } from "@/components/ui/data-list";
import { requireUser, userCan } from "@/lib/auth/session";
import type { ImportStatus } from "@/lib/generated/prisma/enums";
import { countPendingImports, listPendingImports, listRecentImports, PENDING_SHOWN } from "@/lib/import-review/queries";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

/** An import's tint; the badge always names the state too. */
const IMPORT_TONES: Record<ImportStatus, BadgeTone> = { PENDING_REVIEW: "warning", ACCEPTED: "success", REJECTED: "neutral" };

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("imports");
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ accepted?: string; rejected?: string }> }) {
  const user = await requireUser();
  if (!userCan(user, "article.import")) return <AccessDenied />;
  const [{ accepted, rejected }, pending, imports, t, format] = await Promise.all([
    searchParams,
    listPendingImports(),
    listRecentImports(),
    getTranslations("import"),
    getFormatter(),
  ]);
  // Counted only when the list is full: below that, the list is every waiting file.
  const pendingTotal = pending.length < PENDING_SHOWN ? pending.length : await countPendingImports();
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
        <ul data-testid="pending-imports">
          {pending.map((record) => (
            <li key={record.id}>
              <Link href={`/admin/import/${record.id}`}>{record.fileName}</Link> —{" "}
              {format.dateTime(record.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </li>
          ))}
        </ul>
      )}
      {pendingTotal > pending.length ? (
        <p className="text-sm text-muted-foreground" data-testid="pending-more">
          {t("pendingMore", { shown: pending.length, total: pendingTotal })}
        </p>
      ) : null}
      <h2>{t("recent")}</h2>
      <DataList
        label={t("recent")}
        testId="import-list"
        rows={imports}
        rowKey={(record) => record.id}
        empty={{ title: t("emptyDecided") }}
        columns={[
          {
            key: "file",
            header: t("file"),
            primary: true,
            cell: (record) => <span className="break-all">{record.fileName}</span>,
          },
          { key: "size", header: t("size"), cell: (record) => `${format.number(record.byteSize)} B` },
          { key: "status", header: t("status"), cell: (record) => <Badge tone={IMPORT_TONES[record.status]}>{t(record.status)}</Badge> },
          {
            key: "importedAt",
            header: t("importedAt"),
            cell: (record) => format.dateTime(record.createdAt, { dateStyle: "medium", timeStyle: "short" }),
          },
        ]}
      />
    </>
  );
}
