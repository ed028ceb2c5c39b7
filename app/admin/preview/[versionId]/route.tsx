// The editor's Preview button (/admin/preview/<versionId>): any version as the reader would see it,
// for a signed-in desk user who may list articles; anyone else is sent to sign in or gets the 404.
import { NextResponse } from "next/server";
import { previewResponse } from "@/components/public/pages/preview-page";
import { getCurrentUser, userCan } from "@/lib/auth/session";

export async function GET(request: Request, { params }: { params: Promise<{ versionId: string }> }) {
  const user = await getCurrentUser();
  if (!user) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", new URL(request.url).pathname);
    return NextResponse.redirect(login);
  }
  const { versionId } = await params;
  return previewResponse(async () => (userCan(user, "article.list") ? versionId : null));
}
