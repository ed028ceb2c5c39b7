// XLIFF 2.0 download of one translation, for translators working in a CAT tool.
import { getCurrentUser, userCan } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getXliffExport } from "@/lib/translations/queries";

export async function GET(_request: Request, { params }: { params: Promise<{ articleId: string; language: string }> }) {
  const user = await getCurrentUser();
  if (!user || !userCan(user, "translation.edit")) return new Response("Forbidden", { status: 403 });
  const { articleId, language } = await params;
  const version = await db.articleVersion.findUnique({ where: { articleId_language: { articleId, language } }, select: { id: true } });
  const file = version ? await getXliffExport(version.id) : null;
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(file.xml, {
    headers: {
      "content-type": "application/xliff+xml; charset=utf-8",
      "content-disposition": `attachment; filename="${file.fileName.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}
