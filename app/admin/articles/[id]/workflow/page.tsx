// A page holding only the workflow panel of one language version (the editor page shows the same
// panel beside the text).
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { WorkflowPanel } from "@/components/admin/workflow-panel";
import { requireUser, userCan } from "@/lib/auth/session";
import { getVersionHeading } from "@/lib/workflow/queries";
import type { Metadata } from "next";
import { subjectTitle, versionTitle } from "@/lib/desk-titles";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return subjectTitle("article.list", () => versionTitle(id), "articleWorkflow", "articles");
}

export default async function WorkflowPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (!userCan(user, "article.list")) return <AccessDenied />;
  const { id } = await params;
  const [version, t] = await Promise.all([getVersionHeading(id), getTranslations("workflow")]);
  if (!version) notFound();
  return (
    <>
      <p>
        <Link href="/admin/articles">{t("backToList")}</Link>
      </p>
      <h1 lang={version.language}>{t("pageTitle", { title: version.title })}</h1>
      <WorkflowPanel versionId={version.id} />
    </>
  );
}
