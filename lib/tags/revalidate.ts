// Drops the reader pages a taxonomy change touches (tag pages, the tagged articles' pages).
import { revalidatePublicContent } from "@/lib/cache/public-content";

/**
 * Outside a Next request (seed, CLI, tests) there is no page cache to drop, and Next says so by
 * throwing; that case alone is let through.
 */
export function revalidateTaxonomy(changed: { tagIds?: string[]; articleIds?: string[] }): void {
  if (!changed.tagIds?.length && !changed.articleIds?.length) return;
  try {
    revalidatePublicContent({ tagIds: changed.tagIds ?? [], articleIds: changed.articleIds ?? [] });
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("Invariant: static generation store missing")) return;
    throw error;
  }
}
