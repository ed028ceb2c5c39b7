// The side-by-side translation editor of one article and language: source on the left (read
// only), translation on the right, aligned block by block, with staleness, glossary and memory.
import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { PreviewControls } from "@/components/editor/preview-menu";
import { StartUpdateForm, UpdateSteps } from "@/components/translation/live-update-forms";
import { ClaimTaskForm } from "@/components/translation/queue-actions";
import { SubmitTranslationForm } from "@/components/translation/submit-form";
import { TranslationEditor } from "@/components/translation/translation-editor";
import { XliffImportForm } from "@/components/translation/xliff-import-form";
import { requireUser, userCan } from "@/lib/auth/session";
import { isLanguage } from "@/lib/i18n/languages";
import { articleTitle, subjectTitle } from "@/lib/desk-titles";
import { getTranslationWorkspace } from "@/lib/translations/queries";
import { availableUpdateTransitions } from "@/lib/translations/live-update";
import { writesAnyTranslation } from "@/lib/translations/service";
import { listCommentThreads } from "@/lib/workflow/queries";

export async function generateMetadata({ params }: { params: Promise<{ articleId: string; language: string }> }): Promise<Metadata> {
  const { articleId, language } = await params;
  const titleAndLanguage = async () => {
    const article = isLanguage(language) ? await articleTitle(articleId) : null;
    return article ? { ...article, language: language.toUpperCase() } : null;
  };
  return subjectTitle("translation.edit", titleAndLanguage, "translationEdit", "translations");
}

export default async function TranslationEditorPage({ params }: { params: Promise<{ articleId: string; language: string }> }) {
  const user = await requireUser();
  if (!userCan(user, "translation.edit")) return <AccessDenied />;
  const { articleId, language } = await params;
  if (!isLanguage(language)) notFound();
  const [workspace, t, tCommon, tStatus, tWorkflow, format] = await Promise.all([
    getTranslationWorkspace(articleId, language),
    getTranslations("translations"),
    getTranslations("common"),
    getTranslations("statuses"),
    getTranslations("workflow"),
    getFormatter(),
  ]);
  if (!workspace || workspace.sourceLanguage === language) notFound();
  const languageName = (code: string) => (code === "fr" ? tCommon("french") : code === "en" ? tCommon("english") : code.toUpperCase());
  const target = workspace.target;
  // A published translation being brought up to date: the editor works on its pending update.
  const update = workspace.update;
  const holds = Boolean(target && (writesAnyTranslation(user.role) || target.assigneeId === user.id));
  const canEdit = update
    ? holds && update.status === "DRAFT"
    : Boolean(
        target &&
        (writesAnyTranslation(user.role)
          ? target.status !== "ARCHIVED"
          : target.assigneeId === user.id && (target.status === "DRAFT" || target.status === "UNPUBLISHED")),
      );
  const mayStartUpdate = target?.status === "PUBLISHED" && !update && (holds || (!target.assigneeId && userCan(user, "translation.claim")));
  return (
    <>
      <PageHeader
        title={
          <>
            {t("editor.heading", { language: languageName(language) })}:{" "}
            <span lang={workspace.sourceLanguage}>{workspace.source.title}</span>
          </>
        }
        breadcrumbs={[{ href: "/admin/translations", label: t("title") }]}
      />
      {!target ? (
        <>
          <p>{t("editor.notStarted")}</p>
          {userCan(user, "translation.claim") ? <ClaimTaskForm articleId={articleId} language={language} /> : null}
        </>
      ) : (
        <>
          <p className="flex flex-wrap items-center gap-3">
            <span className="badge" data-testid="version-status">
              {tStatus(target.status)}
            </span>
            {target.embargoedUntil ? (
              <span className="badge" data-testid="editor-embargo">
                {tWorkflow("embargo.until", { time: format.dateTime(target.embargoedUntil, { dateStyle: "medium", timeStyle: "short" }) })}
              </span>
            ) : null}
            {target.assignee ? <span>{t("editor.heldBy", { name: target.assignee.name })}</span> : null}
            <a href={`/admin/translations/${articleId}/${language}/xliff`} download>
              {t("editor.exportXliff")}
            </a>
            {userCan(user, "article.list") ? <Link href={`/admin/articles/${target.id}/workflow`}>{t("editor.workflow")}</Link> : null}
            {userCan(user, "article.list") ? <PreviewControls versionId={target.id} mayShare /> : null}
          </p>
          {update ? (
            <section aria-labelledby="update-heading" className="mb-4 border-l-4 border-neutral-800 pl-3" data-testid="live-update">
              <h2 id="update-heading">{t("update.heading")}</h2>
              <p>{t("update.explain")}</p>
              <p>
                <span className="badge" data-testid="update-status">
                  {t("update.status", { status: tStatus(update.status) })}
                </span>
              </p>
              <UpdateSteps
                updateId={update.id}
                version={update.version}
                transitions={availableUpdateTransitions(update, { language, sourceLanguage: workspace.sourceLanguage }, user).filter(
                  (step) => step !== "submit" || holds,
                )}
              />
            </section>
          ) : mayStartUpdate ? (
            <section className="mb-4" aria-label={t("update.start")}>
              {workspace.outdated ? <p>{t("update.startExplain")}</p> : null}
              <StartUpdateForm versionId={target.id} />
            </section>
          ) : null}
          {update || mayStartUpdate ? null : !target.assigneeId && !canEdit && userCan(user, "translation.claim") ? (
            <>
              <p>{t("editor.claimFirst")}</p>
              <ClaimTaskForm articleId={articleId} language={language} />
            </>
          ) : !canEdit ? (
            <p role="note">{t("editor.readOnly")}</p>
          ) : null}
          <div className="mb-2 grid grid-cols-1 gap-4 md:grid-cols-2 font-semibold">
            <p>{t("editor.sourceColumn", { language: languageName(workspace.sourceLanguage) })}</p>
            <p>{t("editor.targetColumn", { language: languageName(language) })}</p>
          </div>
          {/* Keyed by what is edited and its version: a started, submitted or sent-back update opens afresh. */}
          <TranslationEditor
            key={update ? `${update.id}-${update.status}` : target.id}
            workspace={workspace}
            target={target}
            update={update}
            canEdit={canEdit}
            comments={await listCommentThreads([workspace.source.id, target.id])}
            canComment={userCan(user, "article.comment")}
          />
          {canEdit && !update ? (
            <div className="mt-4 flex flex-wrap gap-6">
              {target.status === "DRAFT" ? <SubmitTranslationForm versionId={target.id} version={target.version} /> : null}
              <XliffImportForm versionId={target.id} version={target.version} />
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
