// A preview of any version (lib/preview), answered as the reader's own article page under a
// "not published" banner: noindex and never stored by any cache. Anything that does not open
// (unknown version, forged, expired or revoked link) is the reader's plain 404 page.
import { PRIVATE_CACHE_CONTROL } from "@/lib/cache/http-headers";
import { routing } from "@/lib/i18n/routing";
import { loadPreviewData } from "@/lib/preview/article";
import { readerResponse } from "../reader-response";
import { articlePageFrom } from "./article-page";

async function loadPreview(findVersionId: () => Promise<string | null>) {
  const versionId = await findVersionId();
  return versionId ? loadPreviewData(versionId) : null;
}

export async function previewResponse(findVersionId: () => Promise<string | null>): Promise<Response> {
  let preview: Awaited<ReturnType<typeof loadPreview>> = null;
  let failure: unknown = null;
  try {
    preview = await loadPreview(findVersionId);
  } catch (error) {
    failure = error;
  }
  // The page's language is the version's; a page that does not open speaks the default one.
  const response = await readerResponse(preview?.locale ?? routing.defaultLocale, async (locale) => {
    if (failure) throw failure;
    return preview ? articlePageFrom(locale, preview.data, { preview: true }) : null;
  });
  response.headers.set("Cache-Control", PRIVATE_CACHE_CONTROL);
  response.headers.set("X-Robots-Tag", "noindex, nofollow");
  return response;
}
