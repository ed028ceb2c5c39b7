// A shared preview link (/preview/<token>): no account needed; the token is the whole permission.
import { previewResponse } from "@/components/public/pages/preview-page";
import { resolvePreviewToken } from "@/lib/preview/links";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return previewResponse(() => resolvePreviewToken(token));
}
