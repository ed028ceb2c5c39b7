// The workflow panel of one language version (server component): its state and who moved it, the
// transitions the signed-in user may make now, scheduling, the embargo, reviewer comments and correction notes.
// Whole on /admin/articles/[id]/workflow; the editor page shows its details and its comments in two
// tabs of the document panel (the transitions are in its status bar: editor/document-actions).
import { getFormatter, getTranslations } from "next-intl/server";
import {
  CancelScheduleForm,
  CommentForm,
  CorrectionForm,
  ResolveCommentForm,
  ScheduleForm,
  TransitionForm,
} from "@/components/admin/workflow-panel-forms";
import { EmbargoForm, LiftEmbargoForm } from "@/components/admin/embargo-forms";
import { requireUser, userCan } from "@/lib/auth/session";
import { getWorkflowPanel } from "@/lib/workflow/queries";
import { availableTransitions, checkCancelSchedule, checkSchedule, type WorkflowSubject } from "@/lib/workflow/transitions";

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

type Part = "all" | "details" | "comments";

export async function WorkflowPanel({ versionId, part = "all" }: { versionId: string; part?: Part }) {
  const user = await requireUser();
  const [data, t, tStatus, format] = await Promise.all([
    getWorkflowPanel(versionId),
    getTranslations("workflow"),
    getTranslations("statuses"),
    getFormatter(),
  ]);
  if (!data) return <p role="alert">{t("errors.notFound")}</p>;
  const subject: WorkflowSubject = {
    status: data.status,
    language: data.language,
    sourceLanguage: data.article.sourceLanguage,
    submittedById: data.submittedById,
    scheduledAt: data.scheduledAt,
  };
  const transitions = availableTransitions(subject, user);
  const canSchedule = checkSchedule(subject, user).ok;
  const canCancel = checkCancelSchedule(subject, user).ok;
  // An embargo holds back what readers cannot see yet; a version already out is unpublished instead.
  const publicNow = data.status === "PUBLISHED" && !data.embargoedUntil;
  const canEmbargo = userCan(user, "article.publish") && !publicNow;
  const ownSubmission = data.status === "IN_REVIEW" && data.submittedById === user.id && !userCan(user, "workflow.skipFourEyes");
  const ref = { versionId: data.id, version: data.version };
  const details = part !== "comments";
  const comments = part !== "details";

  return (
    <section
      aria-labelledby={`workflow-${data.id}-${part}`}
      className={part === "all" ? "stack rounded border border-line p-4" : "stack"}
      data-testid={part === "all" ? "workflow-panel" : `workflow-${part}`}
    >
      <h2 id={`workflow-${data.id}-${part}`} className={part === "all" ? "mt-0" : "sr-only"}>
        {part === "comments" ? t("comments.title") : t("title")}
      </h2>
      {details ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="font-semibold">{t("state")}</dt>
          {/* In the editor the status bar carries the state's test id: one per page. */}
          <dd data-testid={part === "all" ? "workflow-state" : undefined} data-status={data.status}>
            {tStatus(data.status)} <span className="text-[var(--muted)]">({t("versionNumber", { version: data.version })})</span>
          </dd>
          {data.submittedBy ? <dd className="col-span-2">{t("submittedBy", { name: data.submittedBy.name })}</dd> : null}
          {data.approvedBy ? <dd className="col-span-2">{t("approvedBy", { name: data.approvedBy.name })}</dd> : null}
          {data.assignee ? <dd className="col-span-2">{t("assignedTo", { name: data.assignee.name })}</dd> : null}
          {data.scheduledAt ? (
            <dd className="col-span-2" data-testid="workflow-scheduled">
              {t("scheduledFor", { time: format.dateTime(data.scheduledAt, WHEN_WITH_ZONE) })}
            </dd>
          ) : null}
          {data.embargoedUntil ? (
            <dd className="col-span-2 font-semibold" data-testid="workflow-embargo">
              {t("embargo.until", { time: format.dateTime(data.embargoedUntil, WHEN_WITH_ZONE) })}
            </dd>
          ) : null}
          {data.publishedAt && data.status === "PUBLISHED" ? (
            <dd className="col-span-2">{t("publishedAt", { time: format.dateTime(data.publishedAt, WHEN) })}</dd>
          ) : null}
          {data.firstPublishedAt && data.firstPublishedAt.getTime() !== data.publishedAt?.getTime() ? (
            <dd className="col-span-2">{t("firstPublishedAt", { time: format.dateTime(data.firstPublishedAt, WHEN) })}</dd>
          ) : null}
        </dl>
      ) : null}

      {details && ownSubmission ? <p className="text-sm">{t("ownSubmission")}</p> : null}
      {details && transitions.length === 0 && !canSchedule ? <p className="text-sm">{t("noActions")}</p> : null}
      {part === "all" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {transitions.map((kind) => (
            <TransitionForm key={`${kind}-${data.version}`} kind={kind} {...ref} />
          ))}
        </div>
      ) : null}

      {details && canSchedule ? (
        <div className="stack">
          <h3 className="font-semibold">{t("schedule.title")}</h3>
          <ScheduleForm key={`schedule-${data.version}`} {...ref} />
          {canCancel ? <CancelScheduleForm key={`cancel-${data.version}`} {...ref} /> : null}
        </div>
      ) : null}

      {details && canEmbargo ? (
        <div className="stack">
          <h3 className="font-semibold">{t("embargo.title")}</h3>
          <EmbargoForm key={`embargo-${data.version}`} embargoed={data.embargoedUntil !== null} {...ref} />
          {data.embargoedUntil ? <LiftEmbargoForm key={`lift-${data.version}`} {...ref} /> : null}
        </div>
      ) : null}

      {comments ? (
        <div className="stack">
          {part === "all" ? <h3 className="font-semibold">{t("comments.title")}</h3> : null}
          {data.comments.length === 0 ? (
            <p className="text-sm">{t("comments.empty")}</p>
          ) : (
            <ul className="stack" data-testid="workflow-comments">
              {data.comments.map((comment) => (
                <li key={comment.id} className={comment.resolvedAt ? "opacity-70" : undefined}>
                  {comment.anchorQuote ? (
                    <blockquote className="border-l-4 border-line pl-2 italic">{comment.anchorQuote}</blockquote>
                  ) : null}
                  <p className="whitespace-pre-line">{comment.body}</p>
                  <p className="text-sm text-[var(--muted)]">
                    {t("comments.by", {
                      name: comment.author?.name ?? t("comments.unknownAuthor"),
                      time: format.dateTime(comment.createdAt, WHEN),
                    })}
                    {comment.resolvedAt ? ` — ${t("comments.resolved")}` : null}
                  </p>
                  {!comment.resolvedAt && userCan(user, "article.comment") ? <ResolveCommentForm commentId={comment.id} /> : null}
                </li>
              ))}
            </ul>
          )}
          {userCan(user, "article.comment") ? <CommentForm versionId={data.id} /> : null}
        </div>
      ) : null}

      {details && (data.status === "PUBLISHED" || data.corrections.length > 0) ? (
        <div className="stack">
          <h3 className="font-semibold">{t("corrections.title")}</h3>
          <p className="text-sm text-[var(--muted)]">{t("corrections.hint")}</p>
          {data.corrections.length === 0 ? (
            <p className="text-sm">{t("corrections.empty")}</p>
          ) : (
            <ul className="stack" data-testid="workflow-corrections">
              {data.corrections.map((note) => (
                <li key={note.id}>
                  <p className="whitespace-pre-line">{note.body}</p>
                  <p className="text-sm text-[var(--muted)]">
                    {t("comments.by", {
                      name: note.author?.name ?? t("comments.unknownAuthor"),
                      time: format.dateTime(note.correctedAt, WHEN),
                    })}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {data.status === "PUBLISHED" && userCan(user, "article.correct") ? <CorrectionForm versionId={data.id} /> : null}
        </div>
      ) : null}
    </section>
  );
}
