// The editors' preview entries: "Preview" opens the version as the reader's page in a new tab;
// "Share preview…" (for those who may share it) makes and revokes signed links (lib/preview).
import { getTranslations } from "next-intl/server";
import { listLivePreviewLinks } from "@/lib/preview/links";
import { siteUrl } from "@/lib/public/site";
import type { MenuAction } from "./document-actions";
import { SharePreview, SharePreviewButton } from "./share-preview";

export async function previewMenu(versionId: string, mayShare: boolean): Promise<MenuAction[]> {
  const t = await getTranslations("editor.preview");
  const open: MenuAction = { kind: "link", id: "preview", label: t("open"), href: `/admin/preview/${versionId}`, newTab: true };
  if (!mayShare) return [open];
  return [open, { kind: "dialog", id: "share-preview", label: t("share"), title: t("title"), content: await sharePreviewPanel(versionId) }];
}

async function sharePreviewProps(versionId: string) {
  const origin = siteUrl();
  const links = (await listLivePreviewLinks(versionId)).map((link) => ({
    id: link.id,
    url: `${origin}/preview/${link.token}`,
    expiresAt: link.expiresAt.toISOString(),
    createdByName: link.createdByName,
  }));
  return { versionId, links, origin };
}

async function sharePreviewPanel(versionId: string) {
  return <SharePreview {...await sharePreviewProps(versionId)} />;
}

/** The translation editor's pair: a Preview link and, for those who may share, the dialog's button. */
export async function PreviewControls({ versionId, mayShare }: { versionId: string; mayShare: boolean }) {
  const t = await getTranslations("editor.preview");
  return (
    <>
      <a href={`/admin/preview/${versionId}`} target="_blank" rel="noopener">
        {t("open")}
      </a>
      {mayShare ? <SharePreviewButton {...await sharePreviewProps(versionId)} /> : null}
    </>
  );
}
