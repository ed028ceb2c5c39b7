// The tag page's routing decision, kept out of the page so it is tested as it runs: show the
// tag, send a merged tag's old address to the survivor (308), or 404.
import { notFound, permanentRedirect } from "next/navigation";
import { resolveTagSlug, type PublicTag } from "./public-queries";

export function tagPath(locale: string, slug: string): string {
  return `/${locale}/tag/${encodeURIComponent(slug)}`;
}

/** The tag `/<locale>/tag/<slug>` shows; throws Next's 308 redirect or not-found otherwise. */
export async function tagForPage(locale: string, slug: string): Promise<PublicTag> {
  const target = await resolveTagSlug(locale, slug);
  if (target.kind === "redirect") permanentRedirect(tagPath(locale, target.slug));
  if (target.kind === "missing") notFound();
  return target.tag;
}
