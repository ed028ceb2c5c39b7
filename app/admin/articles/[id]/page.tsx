// The article editor page (id = ArticleVersion id): the editable details and body of one language
// version for those who may change it, a read-only rendering for the others; beside it the tagging
// panel with suggestions, the lead-image link and the workflow panel.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { TagSuggestionsPanel } from "@/components/admin/tag-suggestions-panel";
import { WorkflowPanel } from "@/components/admin/workflow-panel";
import { ArticleEditor } from "@/components/editor/article-editor";
import { slugify } from "@/lib/articles/slug";
import { requireUser, userCan } from "@/lib/auth/session";
import { mayEditVersion } from "@/lib/editing/access";
import { findSourceVersionId, getVersionForEditor, listOthersPresent } from "@/lib/editing/queries";
import { subjectTitle, versionTitle } from "@/lib/desk-titles";
import { renderDocumentHtml } from "@/lib/rich-text/render";

type Params = { params: Promise<{ id: string }> };

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
  const [t, tStatus] = await Promise.all([getTranslations("editor"), getTranslations("statuses")]);
  const mayEdit = mayEditVersion(user, version);
  const others = mayEdit ? await listOthersPresent(version.id, user.id) : [];
  const languageName = t.has(`languageNames.${version.language}`) ? t(`languageNames.${version.language}`) : version.language;

  return (
    <>
      <nav aria-label={t("pageTitle")} className="mb-2 flex flex-wrap gap-4 text-sm">
        <Link href="/admin/articles">{t("allArticles")}</Link>
        <Link href={`/admin/articles/${version.id}/history`}>{t("history")}</Link>
      </nav>
      <h1>{t("pageTitle")}</h1>
      <p className="mb-4 text-sm">
        {t("language")}: <strong>{languageName}</strong> · {t("status")}:{" "}
        <strong data-testid="version-status">{tStatus(version.status)}</strong>
      </p>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div>
          {mayEdit ? (
            <ArticleEditor
              versionId={version.id}
              version={version.version}
              status={version.status}
              language={version.language}
              snapshot={version.snapshot}
              slugFollowsTitle={!version.firstPublishedAt && version.slug === slugify(version.title)}
              othersPresent={others}
            />
          ) : (
            <section aria-labelledby="read-only-title">
              <h2 id="read-only-title" className="mt-0">
                {t("readOnly.title")}
              </h2>
              <p className="text-sm">{t("readOnly.explain")}</p>
              {version.language !== version.sourceLanguage && userCan(user, "translation.edit") ? (
                <p className="text-sm">
                  <Link href={`/admin/translations/${version.articleId}/${version.language}`}>{t("readOnly.translationEditor")}</Link>
                </p>
              ) : null}
              <article lang={version.language} className="rounded border border-neutral-300 p-4">
                <h3 className="text-2xl font-bold">{version.title}</h3>
                {version.standfirst ? <p className="font-semibold">{version.standfirst}</p> : null}
                {/* Rendered on the server from the validated JSON with the editor's own extensions. */}
                <div className="[&_p]:my-3" dangerouslySetInnerHTML={{ __html: renderDocumentHtml(version.bodyJson) }} />
              </article>
            </section>
          )}
        </div>
        <aside className="stack">
          <section className="rounded border border-neutral-300 p-3">
            <TagSuggestionsPanel articleId={version.articleId} />
          </section>
          {userCan(user, "article.edit") ? (
            <section aria-labelledby="lead-image-title" className="rounded border border-neutral-300 p-3">
              <h2 id="lead-image-title" className="mt-0">
                {t("leadImage.title")}
              </h2>
              <p className="text-sm">
                <Link href={`/admin/media/article/${version.articleId}`}>{t("leadImage.choose")}</Link>
              </p>
            </section>
          ) : null}
          <WorkflowPanel versionId={version.id} />
        </aside>
      </div>
    </>
  );
}
