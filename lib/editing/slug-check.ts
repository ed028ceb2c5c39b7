// Checks an edited slug: well formed, and not used by another version in the same language. A
// clash comes with a free alternative to offer next to the field.
import { firstFreeSlug, slugify } from "@/lib/articles/slug";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 80;

export type SlugCheck =
  { ok: true } | { ok: false; key: "editor.errors.slugInvalid" } | { ok: false; key: "editor.errors.slugTaken"; suggestion: string };

/** `isTaken` answers for the version's language, leaving the version itself out. */
export async function checkSlug(slug: string, isTaken: (candidate: string) => Promise<boolean>): Promise<SlugCheck> {
  if (!SLUG_PATTERN.test(slug) || slug.length > SLUG_MAX) return { ok: false, key: "editor.errors.slugInvalid" };
  if (!(await isTaken(slug))) return { ok: true };
  return { ok: false, key: "editor.errors.slugTaken", suggestion: await firstFreeSlug(slugify(slug), isTaken) };
}
