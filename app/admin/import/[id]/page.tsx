// Review of one import: the raw text with every change marked, beside the cleaned article; each
// change can be undone, title/date/language corrected, duplicates seen; then accept or reject.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { ImportRejectForm, ImportReviewForm } from "@/components/admin/import-review-forms";
import { MediaCaptionMatcher } from "@/components/admin/media-caption-matcher";
import { requireUser, userCan } from "@/lib/auth/session";
import { subjectTitle } from "@/lib/desk-titles";
import { duplicateHref } from "@/lib/import-review/duplicate-link";
import { highlightChanges } from "@/lib/import-review/highlight";
import { getImportForReview } from "@/lib/import-review/queries";
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

export default async function ImportReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (!userCan(user, "article.import")) return <AccessDenied />;
  const review = await getImportForReview((await params).id);
  if (!review) notFound();
  const t = await getTranslations("import");
  const { article } = review;
  // Applied removals that could take part of the story: flagged, and accepting needs a tick on each.
  const losses = new Map(findLosses(...keptAndChanges(article)).map((loss) => [loss.changeId, loss.reason]));
  const segments = highlightChanges(review.rawText, review.allChanges);
  return (
    <>
      <h1>{t("reviewTitle", { file: review.fileName })}</h1>
      <p>
        {t("status")}: <strong>{t(review.status)}</strong>
      </p>
      {article.warnings.length > 0 ? (
        <section aria-labelledby="warnings" className="my-4 rounded border border-amber-600 bg-amber-50 p-3">
          <h2 id="warnings" className="mt-0">
            {t("warningsTitle")}
          </h2>
          <ul className="list-disc pl-6">
            {article.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {review.duplicates.length > 0 ? (
        <section aria-labelledby="duplicates" className="my-4 rounded border border-[var(--error)] p-3">
          <h2 id="duplicates" className="mt-0">
            {t("duplicatesTitle")}
          </h2>
          <ul>
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
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="raw">
          <h2 id="raw">{t("raw")}</h2>
          <pre
            className="max-h-[70vh] overflow-auto whitespace-pre-wrap rounded border border-neutral-300 bg-neutral-50 p-3 text-sm"
            data-testid="raw-text"
          >
            {segments.map((segment, index) =>
              segment.changeId ? (
                <mark
                  key={index}
                  id={`raw-${segment.changeId}`}
                  className={review.reverted.has(segment.changeId) ? "bg-neutral-200" : "bg-amber-200"}
                >
                  {segment.text}
                </mark>
              ) : (
                segment.text
              ),
            )}
          </pre>
        </section>
        <section aria-labelledby="cleaned" lang={article.language === "und" ? undefined : article.language}>
          <h2 id="cleaned">{t("cleaned")}</h2>
          <article className="rounded border border-neutral-300 p-3" data-testid="cleaned-article">
            <h3 className="text-xl font-bold">{article.title}</h3>
            {article.titleSuggested ? <p className="text-sm text-neutral-700">({t("suggested")})</p> : null}
            <p className="text-sm text-neutral-700">
              {article.dateline
                ? `${t("dateline")}: ${[article.dateline.place, article.dateline.source].filter(Boolean).join(" / ")}`
                : null}
              {article.date ? ` — ${article.date.value}` : null}
            </p>
            {article.lead ? <p className="font-semibold">{article.lead}</p> : null}
            {article.paragraphs.map((paragraph, index) => (
              <p key={index} className="my-2">
                {paragraph}
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
        </section>
      </div>
      <MediaCaptionMatcher captions={article.captions} language={review.overrides.language ?? article.language} />
      {review.status === "PENDING_REVIEW" ? (
        <>
          <ImportReviewForm
            recordId={review.id}
            changes={review.allChanges.map((change) => ({
              ...change,
              applied: !review.reverted.has(change.id),
              label: t(`kinds.${change.kind}`),
              loss: losses.has(change.id) ? t(`loss.${losses.get(change.id)!}`) : undefined,
            }))}
            title={review.overrides.title ?? article.title}
            date={review.overrides.date ?? article.date?.value ?? ""}
            language={review.overrides.language ?? (article.language === "und" ? "" : article.language)}
            hasDuplicates={review.duplicates.some((duplicate) => !duplicate.waiting)}
          />
          <ImportRejectForm recordId={review.id} />
        </>
      ) : null}
    </>
  );
}
