// The history of one language version: its revisions (who, when, what kind), a readable diff
// between any two of them, and restoring an old one as a new revision.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { DiffView } from "@/components/editor/diff-view";
import { RestoreRevisionForm } from "@/components/editor/restore-revision-form";
import { Pagination } from "@/components/ui/pagination";
import { requireUser, userCan } from "@/lib/auth/session";
import { mayEditVersion } from "@/lib/editing/access";
import { AUTOSAVE_NOTE } from "@/lib/editing/coalesce";
import { diffSnapshots } from "@/lib/editing/diff";
import { getRevisionPair, getVersionForEditor, listRevisions } from "@/lib/editing/queries";
import { pageNumber } from "@/lib/pagination";
import type { Metadata } from "next";
import { subjectTitle, versionTitle } from "@/lib/desk-titles";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return subjectTitle("article.list", () => versionTitle(id), "articleHistory", "articles");
}

type SearchParams = { from?: string; to?: string; page?: string };

function revisionNumber(raw: string | undefined): number | null {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? value : null;
}

export default async function RevisionHistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const user = await requireUser();
  if (!userCan(user, "article.list")) return <AccessDenied />;
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const version = await getVersionForEditor(id);
  if (!version) notFound();
  const page = pageNumber(query.page);
  const [{ revisions, total, pageCount }, t, format] = await Promise.all([
    listRevisions(version.id, page),
    getTranslations("editor"),
    getFormatter(),
  ]);
  const latest = page === 1 ? (revisions[0]?.number ?? null) : null;
  const newest = total; // revision numbers run 1..n with no gaps
  const to = revisionNumber(query.to) ?? newest;
  const from = revisionNumber(query.from) ?? Math.max(1, to - 1);
  const pair = total > 1 && from !== to ? await getRevisionPair(version.id, Math.min(from, to), Math.max(from, to)) : null;
  const mayRestore = userCan(user, "article.restoreRevision") && mayEditVersion(user, version);

  const kind = (note: string | null) => {
    if (note === AUTOSAVE_NOTE) return t("historyPage.kinds.autosave");
    if (note === "overwrite") return t("historyPage.kinds.overwrite");
    if (note?.startsWith("restore:")) return t("historyPage.kinds.restore", { number: note.slice("restore:".length) });
    return note ?? t("historyPage.kinds.save");
  };

  return (
    <>
      <nav aria-label={t("history")} className="mb-2 flex flex-wrap gap-4 text-sm">
        <Link href={`/admin/articles/${version.id}`}>{t("historyPage.backToEditor")}</Link>
        <Link href="/admin/articles">{t("allArticles")}</Link>
      </nav>
      <h1>{t("historyPage.title", { title: version.title })}</h1>

      {pair ? (
        <section aria-labelledby="diff-title" className="mb-8">
          <h2 id="diff-title">{t("historyPage.comparing", { from: pair.before.number, to: pair.after.number })}</h2>
          <div lang={version.language}>
            <DiffView diff={diffSnapshots(pair.before.snapshot, pair.after.snapshot)} headingLevel={3} />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="revisions-title">
        <h2 id="revisions-title">{t("historyPage.revisions")}</h2>
        {revisions.length === 0 ? (
          <p>{t("historyPage.none")}</p>
        ) : (
          <>
            <form method="get" id="compare-form">
              {page > 1 ? <input type="hidden" name="page" value={page} /> : null}
            </form>
            {mayRestore ? <p className="hint text-sm">{t("historyPage.restoreHint")}</p> : null}
            <table className="data" data-testid="revisions">
              <thead>
                <tr>
                  <th scope="col">{t("historyPage.number")}</th>
                  <th scope="col">{t("historyPage.kind")}</th>
                  <th scope="col">{t("historyPage.author")}</th>
                  <th scope="col">{t("historyPage.when")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("historyPage.compareButton")}</span>
                  </th>
                  {mayRestore ? (
                    <th scope="col">
                      <span className="sr-only">{t("historyPage.restore", { number: "" })}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {revisions.map((revision) => (
                  <tr key={revision.id} data-testid={`revision-${revision.number}`}>
                    <td>
                      {revision.number}
                      {revision.number === latest ? <span className="badge ml-2">{t("historyPage.latest")}</span> : null}
                    </td>
                    <td>{kind(revision.note)}</td>
                    <td>{revision.author?.name ?? t("historyPage.unknownAuthor")}</td>
                    <td>{format.dateTime(revision.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</td>
                    <td className="whitespace-nowrap">
                      <label className="mr-3">
                        <input
                          type="radio"
                          form="compare-form"
                          name="from"
                          value={revision.number}
                          defaultChecked={revision.number === from}
                        />{" "}
                        <span className="sr-only">{t("historyPage.compareFrom", { number: revision.number })}</span>
                        <span aria-hidden="true">{t("diff.before")}</span>
                      </label>
                      <label>
                        <input type="radio" form="compare-form" name="to" value={revision.number} defaultChecked={revision.number === to} />{" "}
                        <span className="sr-only">{t("historyPage.compareTo", { number: revision.number })}</span>
                        <span aria-hidden="true">{t("diff.after")}</span>
                      </label>
                    </td>
                    {mayRestore ? (
                      <td>
                        {revision.number === latest ? null : (
                          <RestoreRevisionForm revisionId={revision.id} number={revision.number} baseVersion={version.version} />
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-3">
              <button type="submit" form="compare-form" className="button">
                {t("historyPage.compareButton")}
              </button>
            </p>
            <Pagination page={page} pageCount={pageCount} basePath={`/admin/articles/${version.id}/history`} />
          </>
        )}
      </section>
    </>
  );
}
