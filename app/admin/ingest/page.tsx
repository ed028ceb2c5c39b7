// Ingest sources (editors and admins): each source's state, last success and error, items today,
// pause/resume and "Poll now", and the "New source" dialog. What sources bring waits in /admin/import.
import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { NewSourceDialog, SourceControls } from "@/components/admin/ingest-forms";
import { RefusalText, SourceState } from "@/components/admin/ingest-state";
import { DataList } from "@/components/ui/data-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, userCan } from "@/lib/auth/session";
import { ARTICLE_LANGUAGES } from "@/lib/i18n/languages";
import { listSources } from "@/lib/ingest/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ingest");
  return { title: t("pageTitle.list") };
}

export default async function IngestPage() {
  const user = await requireUser();
  if (!userCan(user, "ingest.manage")) return <AccessDenied />;
  const [sources, t, tLanguages, format] = await Promise.all([
    listSources(),
    getTranslations("ingest"),
    getTranslations("editor.languageNames"),
    getFormatter(),
  ]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  const languages = ARTICLE_LANGUAGES.map((code) => ({ code, label: tLanguages(code) }));
  return (
    <>
      <PageHeader
        title={t("title")}
        action={<NewSourceDialog canMarkInternal={userCan(user, "ingest.markInternal")} languages={languages} />}
      />
      <p className="text-muted-foreground">{t("intro")}</p>
      <section aria-labelledby="ingest-sources">
        <h2 id="ingest-sources">{t("sources")}</h2>
        <DataList
          label={t("sources")}
          testId="ingest-sources"
          rows={sources}
          rowKey={(row) => row.id}
          rowAttributes={(row) => ({ "data-testid": `ingest-source-${row.id}` })}
          empty={{ title: t("empty") }}
          columns={[
            {
              key: "name",
              header: t("columns.name"),
              primary: true,
              cell: (row) => <Link href={`/admin/ingest/${row.id}`}>{row.name}</Link>,
            },
            { key: "kind", header: t("columns.kind"), cell: (row) => t(`kinds.${row.kind}`) },
            { key: "state", header: t("columns.state"), cell: (row) => <SourceState source={row} /> },
            { key: "lastSuccess", header: t("columns.lastSuccess"), cell: (row) => when(row.lastSuccessAt) },
            {
              key: "lastError",
              header: t("columns.lastError"),
              cell: (row) =>
                row.lastError && row.consecutiveFailures > 0 ? (
                  <span className="text-danger">
                    <RefusalText reason={row.lastError} />
                  </span>
                ) : (
                  t("none")
                ),
            },
            { key: "itemsToday", header: t("columns.itemsToday"), cell: (row) => row.itemsToday },
            { key: "actions", header: t("columns.actions"), cell: (row) => <SourceControls source={row} /> },
          ]}
        />
      </section>
    </>
  );
}
