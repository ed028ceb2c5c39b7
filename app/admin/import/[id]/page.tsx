// Review of one import: the raw text with every change marked, beside the cleaned article with the
// same changes marked; each change can be undone, title/date/language corrected, duplicates seen;
// then accept or reject, and a file uploaded with others goes on to the next one waiting.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { AddAgencyForm } from "@/components/admin/import-add-agency";
import { ImportRejectForm, ImportReviewForm } from "@/components/admin/import-review-forms";
import { MarkedText, type MarkState } from "@/components/admin/import-review-text";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { MediaCaptionMatcher } from "@/components/admin/media-caption-matcher";
import { requireUser, userCan } from "@/lib/auth/session";
import { subjectTitle } from "@/lib/desk-titles";
import { getBatchPlace } from "@/lib/import-review/batch-queue";
import { duplicateHref } from "@/lib/import-review/duplicate-link";
import { highlightChanges } from "@/lib/import-review/highlight";
import { getImportForReview } from "@/lib/import-review/queries";
import { inTextOrder, markCleanedPieces } from "@/lib/import-review/review-marks";
import { keptAndChanges } from "@/lib/import-review/service";
import { findLosses } from "@/lib/import/losses";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const fileName = async () => {
    const review = await getImportForReview(id);
    return review ? { file: review.fileName } : null;
  };
  return subjectTitle("article.import", fileName, "importReview", "imports");
}

type SearchParams = Promise<{ accepted?: string; rejected?: string }>;

export default async function ImportReviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const user = await requireUser();
  if (!userCan(user, "article.import")) return <AccessDenied />;
  const [{ id }, { accepted, rejected }] = await Promise.all([params, searchParams]);
  const review = await getImportForReview(id);
  if (!review) notFound();
  const [t, tr, batch] = await Promise.all([getTranslations("import"), getTranslations("importReview"), getBatchPlace(review.id)]);
  const { article } = review;
  // Applied removals that could take part of the story: flagged, and accepting needs a tick on each.
  const losses = new Map(findLosses(...keptAndChanges(article)).map((loss) => [loss.changeId, loss.reason]));
  const rawSegments = highlightChanges(review.rawText, review.allChanges);
  const changes = inTextOrder(review.allChanges, rawSegments);
  const stateOf = (changeId: string): MarkState =>
    review.reverted.has(changeId) ? "undone" : losses.has(changeId) ? "flagged" : "applied";
  const pieces = [article.title, article.lead ?? "", ...article.paragraphs];
  const [titleMarks, leadMarks, ...paragraphMarks] = markCleanedPieces(pieces, review.allChanges, review.reverted);
  const lang = article.language === "und" ? undefined : article.language;
  return (
    <>
      <PageHeader
        title={t("reviewTitle", { file: review.fileName })}
        breadcrumbs={[{ href: "/admin/import", label: t("title") }]}
        action={
          <>
            {batch ? <Badge tone="info">{tr("batchPlace", { position: batch.position, total: batch.total })}</Badge> : null}
            <Badge tone={review.status === "PENDING_REVIEW" ? "warning" : review.status === "ACCEPTED" ? "success" : "neutral"}>
              {t(review.status)}
            </Badge>
          </>
        }
      />
      {accepted || rejected ? (
        <p role="status" className="form-message ok">
          {accepted ? tr("acceptedPrevious") : tr("rejectedPrevious")} {review.fileName}
        </p>
      ) : null}
      {article.warnings.length > 0 ? (
        <section
          aria-labelledby="warnings"
          className="my-4 rounded-md border border-(--badge-warning-fg) bg-(--badge-warning-bg) p-3 text-(--badge-warning-fg)"
        >
          <h2 id="warnings" className="mt-0 text-base">
            {t("warningsTitle")}
          </h2>
          <ul className="m-0 list-disc pl-6">
            {article.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {review.duplicates.length > 0 ? (
        <section aria-labelledby="duplicates" className="my-4 rounded-md border border-(--error) p-3">
          <h2 id="duplicates" className="mt-0 text-base">
            {t("duplicatesTitle")}
          </h2>
          <ul className="m-0">
            {review.duplicates.map((duplicate) => (
              <li key={duplicate.waiting ? duplicate.recordId : duplicate.articleId}>
                <Link href={duplicateHref(duplicate)} lang={duplicate.language || undefined}>
                  {duplicate.title}
                </Link>{" "}
                — {t("similarity", { percent: Math.round(duplicate.similarity * 100) })}
                {duplicate.waiting ? <span className="badge ml-2">{t("waitingDuplicate", { file: duplicate.fileName })}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {review.status === "PENDING_REVIEW" ? (
        <>
          <ImportReviewForm
            recordId={review.id}
            changes={changes.map((change) => ({
              id: change.id,
              before: change.before,
              ...(change.after === undefined ? {} : { after: change.after }),
              applied: !review.reverted.has(change.id),
              label: t(`kinds.${change.kind}`),
              // Why a learnt line went: how many files of this source print it.
              ...(change.kind === "boilerplate-learnt" && change.files !== undefined
                ? { detail: t("kindDetails.boilerplate-learnt", { files: change.files }) }
                : {}),
              loss: losses.has(change.id) ? t(`loss.${losses.get(change.id)!}`) : undefined,
            }))}
            title={review.overrides.title ?? article.title}
            date={review.overrides.date ?? article.date?.value ?? ""}
            language={review.overrides.language ?? (article.language === "und" ? "" : article.language)}
            hasDuplicates={review.duplicates.some((duplicate) => !duplicate.waiting)}
            original={
              <pre className="m-0 font-mono text-sm whitespace-pre-wrap break-words" data-testid="raw-text">
                <MarkedText segments={rawSegments} side="original" stateOf={stateOf} />
              </pre>
            }
            cleaned={
              <article lang={lang} data-testid="cleaned-article">
                <h3 className="mt-0 text-xl font-bold">
                  <MarkedText segments={titleMarks ?? []} side="cleaned" stateOf={stateOf} />
                </h3>
                {article.titleSuggested ? <p className="text-sm text-muted-foreground">({t("suggested")})</p> : null}
                {article.dateline || article.date ? (
                  <p className="text-sm text-muted-foreground">
                    {article.dateline
                      ? `${t("dateline")}: ${[article.dateline.place, article.dateline.source].filter(Boolean).join(" / ")}`
                      : null}
                    {article.date ? ` — ${article.date.value}` : null}
                  </p>
                ) : null}
                {article.lead ? (
                  <p className="font-semibold">
                    <MarkedText segments={leadMarks ?? []} side="cleaned" stateOf={stateOf} />
                  </p>
                ) : null}
                {paragraphMarks.map((segments, index) => (
                  <p key={index} className="my-2">
                    <MarkedText segments={segments} side="cleaned" stateOf={stateOf} />
                  </p>
                ))}
                {article.captions.length > 0 ? (
                  <>
                    <h4 className="font-semibold">{t("captions")}</h4>
                    <ul className="list-disc pl-6 text-sm">
                      {article.captions.map((caption, index) => (
                        <li key={index}>
                          {caption.text} — {caption.credit ? t("credit", { credit: caption.credit }) : t("noCredit")}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </article>
            }
          />
          <AddAgencyForm recordId={review.id} />
          <MediaCaptionMatcher captions={article.captions} language={review.overrides.language ?? article.language} />
          <ImportRejectForm recordId={review.id} />
        </>
      ) : (
        <>
          {/* Scrolls on its own, so it takes the focus: a keyboard user scrolls it with the arrows. */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <div tabIndex={0} className="max-h-[70vh] overflow-auto rounded-md border border-line p-3">
            <pre className="m-0 text-sm whitespace-pre-wrap" data-testid="raw-text">
              {review.rawText}
            </pre>
          </div>
          <MediaCaptionMatcher captions={article.captions} language={review.overrides.language ?? article.language} />
        </>
      )}
    </>
  );
}
