// One ingest source: its settings, last success, last error with its detail, items today, and the
// items it brought in (each with its outcome: a link to its review or article, or its error).
import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { InternalSwitch, SourceControls } from "@/components/admin/ingest-forms";
import { RefusalText, SourceState } from "@/components/admin/ingest-state";
import { Badge } from "@/components/ui/badge";
import { DataList } from "@/components/ui/data-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser, userCan } from "@/lib/auth/session";
import { ARTICLE_LANGUAGES } from "@/lib/i18n/languages";
import { getSource, type SourceDetail } from "@/lib/ingest/queries";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [{ id }, t] = await Promise.all([params, getTranslations("ingest")]);
  const user = await requireUser();
  const source = userCan(user, "ingest.manage") ? await getSource(id) : null;
  return { title: source ? t("pageTitle.source", { name: source.name }) : t("pageTitle.list") };
}

type Item = SourceDetail["items"][number];
const ITEM_TONES = { IN_REVIEW: "info", DRAFTED: "success", DUPLICATE: "neutral", FAILED: "danger" } as const;

export default async function IngestSourcePage({ params }: Params) {
  const user = await requireUser();
  if (!userCan(user, "ingest.manage")) return <AccessDenied />;
  const source = await getSource((await params).id);
  if (!source) notFound();
  const [t, tLanguages, format] = await Promise.all([getTranslations("ingest"), getTranslations("editor.languageNames"), getFormatter()]);
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  const address = source.url ?? source.path ?? (source.host ? `${source.username ?? ""}@${source.host}/${source.mailbox ?? ""}` : "");
  return (
    <>
      <p>
        <Link href="/admin/ingest">{t("backToList")}</Link>
      </p>
      <PageHeader title={source.name} action={<SourceControls source={source} />} />
      <section aria-labelledby="ingest-settings" className="stack">
        <h2 id="ingest-settings" className="sr-only">
          {t("detail.settings")}
        </h2>
        <SourceState source={source} />
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]" data-testid="ingest-source-facts">
          <dt className="font-semibold">{t("columns.kind")}</dt>
          <dd>
            {t(`kinds.${source.kind}`)} · {t("detail.interval", { minutes: source.pollIntervalMinutes })}
          </dd>
          <dt className="font-semibold">{t("detail.address")}</dt>
          <dd className="break-all">{address}</dd>
          <dt className="font-semibold">{t("detail.lastSuccess")}</dt>
          <dd data-testid="ingest-last-success">{when(source.lastSuccessAt)}</dd>
          <dt className="font-semibold">{t("detail.lastError")}</dt>
          <dd data-testid="ingest-last-error">
            {source.lastError ? (
              <>
                <span className={source.consecutiveFailures > 0 ? "text-danger" : undefined}>
                  <RefusalText reason={source.lastError} />
                </span>{" "}
                ({when(source.lastErrorAt)})
                {source.consecutiveFailures === 0 ? <span className="text-muted-foreground"> · {t("detail.errorResolved")}</span> : null}
                {source.lastErrorDetail ? (
                  <span className="block text-sm text-muted-foreground">{t("detail.errorDetail", { detail: source.lastErrorDetail })}</span>
                ) : null}
              </>
            ) : (
              t("none")
            )}
          </dd>
          <dt className="font-semibold">{t("detail.nextPoll")}</dt>
          <dd>{source.enabled ? when(source.nextPollAt) : "—"}</dd>
          <dt className="font-semibold">{t("detail.itemsToday")}</dt>
          <dd data-testid="ingest-items-today">{source.itemsToday}</dd>
          {source.languageHint ? (
            <>
              <dt className="font-semibold">{t("detail.languageHint")}</dt>
              <dd>
                {(ARTICLE_LANGUAGES as readonly string[]).includes(source.languageHint)
                  ? tLanguages(source.languageHint as (typeof ARTICLE_LANGUAGES)[number])
                  : source.languageHint}
              </dd>
            </>
          ) : null}
          {source.defaultTags.length ? (
            <>
              <dt className="font-semibold">{t("detail.defaultTags")}</dt>
              <dd>{source.defaultTags.join(", ")}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {userCan(user, "ingest.markInternal") ? (
        <section aria-labelledby="ingest-internal" className="stack">
          <h2 id="ingest-internal">{t("internal.title")}</h2>
          <InternalSwitch source={source} />
        </section>
      ) : null}
      <section aria-labelledby="ingest-items">
        <h2 id="ingest-items">{t("detail.items")}</h2>
        <DataList<Item>
          label={t("detail.items")}
          testId="ingest-items"
          rows={source.items}
          rowKey={(row) => row.id}
          empty={{ title: t("detail.noItems") }}
          columns={[
            {
              key: "item",
              header: t("detail.item"),
              primary: true,
              cell: (row) => (
                <span className="break-words">
                  {row.title ?? row.externalKey}
                  {row.url ? <span className="block text-sm break-all text-muted-foreground">{row.url}</span> : null}
                </span>
              ),
            },
            { key: "fetchedAt", header: t("detail.fetchedAt"), cell: (row) => when(row.fetchedAt) },
            {
              key: "status",
              header: t("detail.status"),
              cell: (row) => <Badge tone={ITEM_TONES[row.status]}>{t(`itemStatus.${row.status}`)}</Badge>,
            },
            {
              key: "outcome",
              header: t("detail.outcome"),
              cell: (row) => <ItemOutcome item={row} labels={{ review: t("detail.openReview"), article: t("detail.openArticle") }} />,
            },
          ]}
        />
      </section>
    </>
  );
}

function ItemOutcome({ item, labels }: { item: Item; labels: { review: string; article: string } }) {
  if (item.status === "FAILED" && item.error)
    return (
      <span className="text-danger">
        <RefusalText reason={item.error} />
      </span>
    );
  if (item.articleId) return <Link href={`/admin/articles?article=${item.articleId}`}>{labels.article}</Link>;
  if (item.importRecordId) return <Link href={`/admin/import/${item.importRecordId}`}>{labels.review}</Link>;
  return null;
}
