// The article editor page (id = ArticleVersion id), editor-first: title and body are the page; the
// details, tags, photo, workflow and comments sit in the document panel; the status bar holds the
// one primary workflow action for this state and role, the others in its menu. Those who may not
// change the version read it in the same frame.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { TagSuggestionsPanel } from "@/components/admin/tag-suggestions-panel";
import { WorkflowPanel } from "@/components/admin/workflow-panel";
import { TransitionForm } from "@/components/admin/workflow-panel-forms";
import { ArticleEditor } from "@/components/editor/article-editor";
import { DocumentActions, type MenuAction } from "@/components/editor/document-actions";
import { DocumentWorkspace, type DocumentPanels } from "@/components/editor/document-workspace";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { slugify } from "@/lib/articles/slug";
import { requireUser, userCan } from "@/lib/auth/session";
import { mayEditVersion } from "@/lib/editing/access";
import { findSourceVersionId, getVersionForEditor, listOthersPresent } from "@/lib/editing/queries";
import { previewMenu } from "@/components/editor/preview-menu";
import { subjectTitle, versionTitle } from "@/lib/desk-titles";
import { renderDocumentHtml } from "@/lib/rich-text/render";
import { getWorkflowPanel, listCommentThreads } from "@/lib/workflow/queries";
import { availableTransitions, type TransitionKind } from "@/lib/workflow/transitions";

type Params = { params: Promise<{ id: string }> };

/** The step forward a person takes next, most advanced first; everything else goes in the menu. */
const PRIMARY_ORDER: TransitionKind[] = ["publish", "approve", "submit"];

// The same tones as the article list's state badges.
const STATUS_TONES: Record<string, BadgeTone> = {
  DRAFT: "neutral",
  IN_REVIEW: "warning",
  APPROVED: "info",
  PUBLISHED: "success",
  UNPUBLISHED: "neutral",
  ARCHIVED: "neutral",
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  return subjectTitle("article.list", () => versionTitle(id), "articleEdit", "articles");
}

export default async function ArticleEditorPage({ params }: Params) {
  const user = await requireUser();
  if (!userCan(user, "article.list")) return <AccessDenied />;
  const { id } = await params;
  const version = await getVersionForEditor(id);
  if (!version) {
    const sourceVersionId = await findSourceVersionId(id);
    if (sourceVersionId) redirect(`/admin/articles/${sourceVersionId}`);
    notFound();
  }
  const [t, tStatus, tWorkflow, workflow, format] = await Promise.all([
    getTranslations("editor"),
    getTranslations("statuses"),
    getTranslations("workflow"),
    getWorkflowPanel(version.id),
    getFormatter(),
  ]);
  const mayEdit = mayEditVersion(user, version);
  const others = mayEdit ? await listOthersPresent(version.id, user.id) : [];
  const languageName = t.has(`languageNames.${version.language}`) ? t(`languageNames.${version.language}`) : version.language;

  const transitions = workflow
    ? availableTransitions(
        {
          status: workflow.status,
          language: workflow.language,
          sourceLanguage: workflow.article.sourceLanguage,
          submittedById: workflow.submittedById,
          scheduledAt: workflow.scheduledAt,
        },
        user,
      )
    : [];
  const primaryKind = PRIMARY_ORDER.find((kind) => transitions.includes(kind)) ?? null;
  const ref = { versionId: version.id, version: workflow?.version ?? version.version };
  // Keyed by version: a transition's form starts afresh once the version moved on.
  const primary = primaryKind ? <TransitionForm key={`${primaryKind}-${ref.version}`} kind={primaryKind} primary {...ref} /> : null;
  const historyHref = `/admin/articles/${version.id}/history`;
  const menu: MenuAction[] = [
    ...transitions
      .filter((kind) => kind !== primaryKind)
      .map((kind): MenuAction => ({
        kind: "dialog",
        id: kind,
        label: tWorkflow(`transitions.${kind}`),
        title: tWorkflow(`transitions.${kind}`),
        content: <TransitionForm key={`${kind}-${ref.version}`} kind={kind} {...ref} />,
      })),
    ...(await previewMenu(version.id, userCan(user, version.language === version.sourceLanguage ? "article.edit" : "translation.edit"))),
    { kind: "link", id: "history", label: t("history"), href: historyHref },
  ];
  const breadcrumbs = (
    <nav aria-label={t("pageTitle")} className="mb-1 text-sm">
      <Link href="/admin/articles" className="text-muted-foreground">
        {t("allArticles")}
      </Link>
    </nav>
  );

  const state = (
    <span className="flex items-center gap-2 text-sm">
      <Badge
        tone={STATUS_TONES[workflow?.status ?? version.status]}
        data-testid="workflow-state"
        data-status={workflow?.status ?? version.status}
      >
        <span data-testid="version-status">{tStatus(workflow?.status ?? version.status)}</span>
      </Badge>
      {workflow?.embargoedUntil ? (
        <Badge tone="warning" data-testid="editor-embargo">
          {tWorkflow("embargo.until", { time: format.dateTime(workflow.embargoedUntil, { dateStyle: "medium", timeStyle: "short" }) })}
        </Badge>
      ) : null}
      <span className="text-muted-foreground">{languageName}</span>
    </span>
  );

  const panels: DocumentPanels = {
    historyHref,
    tags: <TagSuggestionsPanel articleId={version.articleId} />,
    photo: userCan(user, "article.edit") ? (
      <section aria-labelledby="lead-image-title" className="stack">
        <h2 id="lead-image-title" className="mt-0 text-base">
          {t("leadImage.title")}
        </h2>
        <p className="text-sm">
          <Link href={`/admin/media/article/${version.articleId}`}>{t("leadImage.choose")}</Link>
        </p>
      </section>
    ) : (
      <p className="text-sm">{t("readOnly.explain")}</p>
    ),
    workflow: <WorkflowPanel versionId={version.id} part="details" />,
    comments: <WorkflowPanel versionId={version.id} part="comments" />,
  };

  if (mayEdit) {
    return (
      <>
        {breadcrumbs}
        <h1 className="sr-only">{t("pageTitle")}</h1>
        <ArticleEditor
          versionId={version.id}
          version={version.version}
          status={version.status}
          language={version.language}
          snapshot={version.snapshot}
          slugFollowsTitle={!version.firstPublishedAt && version.slug === slugify(version.title)}
          othersPresent={others}
          state={state}
          primaryAction={primary}
          menu={menu}
          panels={panels}
          comments={await listCommentThreads([version.id])}
          canComment={userCan(user, "article.comment")}
        />
      </>
    );
  }

  return (
    <>
      {breadcrumbs}
      <DocumentWorkspace
        status={state}
        actions={<DocumentActions primary={primary} menu={menu} />}
        details={<p className="text-sm">{t("readOnly.explain")}</p>}
        panels={panels}
      >
        <section aria-labelledby="read-only-title">
          <h1 id="read-only-title" className="sr-only">
            {t("readOnly.title")}
          </h1>
          <p className="text-sm text-muted-foreground">{t("readOnly.explain")}</p>
          {version.language !== version.sourceLanguage && userCan(user, "translation.edit") ? (
            <p className="text-sm">
              <Link href={`/admin/translations/${version.articleId}/${version.language}`}>{t("readOnly.translationEditor")}</Link>
            </p>
          ) : null}
          <article lang={version.language} className="mx-auto max-w-3xl">
            <p className="text-3xl leading-tight font-bold">{version.title}</p>
            {version.standfirst ? <p className="text-lg font-semibold">{version.standfirst}</p> : null}
            {/* Rendered on the server from the validated JSON with the editor's own extensions. */}
            <div className="font-serif text-lg [&_p]:my-3" dangerouslySetInnerHTML={{ __html: renderDocumentHtml(version.bodyJson) }} />
          </article>
        </section>
      </DocumentWorkspace>
    </>
  );
}
