// The dashboard: versions per state and language, my assignments, what awaits review, scheduled
// publications, recent changes and the imports waiting for review; an embargoed version says so, and
// an ingest source that paused itself after failed polls is named at the top until someone resumes it.
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import {
  countVersionsByStateAndLanguage,
  listAwaitingReview,
  listMyAssignments,
  listRecentlyChanged,
  listScheduled,
} from "@/lib/articles/queries";
import { requireUser, userCan } from "@/lib/auth/session";
import { countPendingImports } from "@/lib/import-review/queries";
import { listSelfPausedSources } from "@/lib/ingest/queries";
import { RefusalText } from "@/components/admin/ingest-state";
import { VERSION_STATUSES } from "@/lib/workflow/transitions";
import type { Metadata } from "next";
import { dashboardTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return dashboardTitle();
}

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;
// dateStyle cannot be combined with timeZoneName: spell the fields out where the zone matters.
const WHEN_WITH_ZONE = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
} as const;

export default async function DashboardPage() {
  const user = await requireUser();
  const canImport = userCan(user, "article.import");
  const canManageIngest = userCan(user, "ingest.manage");
  const [counts, assignments, awaiting, scheduled, recent, pendingImports, pausedSources, t, tStatus, format] = await Promise.all([
    countVersionsByStateAndLanguage(),
    listMyAssignments(user.id),
    listAwaitingReview(user),
    listScheduled(),
    listRecentlyChanged(),
    canImport ? countPendingImports() : Promise.resolve(0),
    canManageIngest ? listSelfPausedSources() : Promise.resolve([]),
    getTranslations("dashboard"),
    getTranslations("statuses"),
    getFormatter(),
  ]);
  const languages = [...new Set(counts.map((row) => row.language))].sort();
  const countOf = (language: string, status: string) =>
    counts.find((row) => row.language === language && row.status === status)?.count ?? 0;
  const tCommon = await getTranslations("common");
  const tWorkflow = await getTranslations("workflow");
  const versionLink = (version: { id: string; title: string; language: string; embargoedUntil: Date | null }) => (
    <>
      <Link href={`/admin/articles/${version.id}`} lang={version.language}>
        {version.title.trim() || tCommon("untitled")}
      </Link>
      {version.embargoedUntil ? (
        <>
          {" "}
          <Badge tone="warning" data-testid="embargo-badge">
            {tWorkflow("embargo.badge", { time: format.dateTime(version.embargoedUntil, WHEN) })}
          </Badge>
        </>
      ) : null}
    </>
  );
  const tNav = await getTranslations("nav");
  return (
    <>
      <PageHeader
        title={t("title")}
        action={
          canImport ? (
            <Link href="/admin/import" className={buttonVariants({ variant: "primary" })}>
              {tNav("actions.importArticles")}
            </Link>
          ) : null
        }
      />
      <p>{t("welcome", { name: user.name })}</p>
      {pausedSources.length > 0 ? (
        <section
          role="status"
          aria-labelledby="paused-sources-title"
          data-testid="paused-sources"
          className="my-4 rounded-md border border-danger/40 bg-danger/5 p-4"
        >
          <p id="paused-sources-title" className="m-0 font-semibold">
            {t("pausedSources", { count: pausedSources.length })}
          </p>
          <ul className="mb-0 mt-2">
            {pausedSources.map((source) => (
              <li key={source.id}>
                <Link href={`/admin/ingest/${source.id}`}>
                  {t("pausedSource", { name: source.name, failures: source.consecutiveFailures })}
                </Link>
                {source.lastError ? (
                  <>
                    {" — "}
                    <RefusalText reason={source.lastError} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <h2>{t("versionsByState")}</h2>
      {languages.length === 0 ? (
        <p>{t("noVersions")}</p>
      ) : (
        // Seven columns do not fit a phone: the table scrolls on its own, not the page.
        <div className="overflow-x-auto">
          <table className="data" data-testid="state-counts">
            <thead>
              <tr>
                <th scope="col">{t("language")}</th>
                {VERSION_STATUSES.map((status) => (
                  <th scope="col" key={status}>
                    <Link href={`/admin/articles?status=${status}`}>{tStatus(status)}</Link>
                  </th>
                ))}
                <th scope="col">{t("total")}</th>
              </tr>
            </thead>
            <tbody>
              {languages.map((language) => (
                <tr key={language}>
                  <th scope="row">{language.toUpperCase()}</th>
                  {VERSION_STATUSES.map((status) => (
                    <td key={status}>{countOf(language, status)}</td>
                  ))}
                  <td>{VERSION_STATUSES.reduce((sum, status) => sum + countOf(language, status), 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canImport ? (
        <p data-testid="pending-imports">
          {t("pendingImports", { count: pendingImports })}{" "}
          {pendingImports > 0 ? <Link href="/admin/import">{t("reviewImports")}</Link> : null}
        </p>
      ) : null}

      <div className="grid gap-x-8 md:grid-cols-2">
        <Section title={t("myAssignments")} empty={t("noAssignments")} testId="my-assignments">
          {assignments.map((version) => (
            <li key={version.id}>
              {versionLink(version)} — {tStatus(version.status)}
              {version.dueAt ? ` — ${t("due", { time: format.dateTime(version.dueAt, WHEN) })}` : null}
            </li>
          ))}
        </Section>
        <Section title={t("awaitingReview")} empty={t("noneAwaiting")} testId="awaiting-review">
          {awaiting.map((version) => (
            <li key={version.id}>
              {versionLink(version)} ({version.language.toUpperCase()})
              {version.submittedBy ? ` — ${t("submittedBy", { name: version.submittedBy.name })}` : null}
            </li>
          ))}
        </Section>
        <Section title={t("scheduled")} empty={t("noneScheduled")} testId="scheduled">
          {scheduled.map((version) => (
            <li key={version.id}>
              {versionLink(version)} ({version.language.toUpperCase()}) —{" "}
              {version.scheduledAt ? (
                <time dateTime={version.scheduledAt.toISOString()}>{format.dateTime(version.scheduledAt, WHEN_WITH_ZONE)}</time>
              ) : null}
            </li>
          ))}
        </Section>
        <Section title={t("recentlyChanged")} empty={t("noneChanged")} testId="recently-changed">
          {recent.map((version) => (
            <li key={version.id}>
              {versionLink(version)} ({version.language.toUpperCase()}) — {tStatus(version.status)} —{" "}
              {format.dateTime(version.updatedAt, WHEN)}
            </li>
          ))}
        </Section>
      </div>
    </>
  );
}

function Section({ title, empty, testId, children }: { title: string; empty: string; testId: string; children: ReactNode[] }) {
  return (
    <section data-testid={testId}>
      <h2>{title}</h2>
      {children.length === 0 ? <p>{empty}</p> : <ul className="list-disc pl-5">{children}</ul>}
    </section>
  );
}
