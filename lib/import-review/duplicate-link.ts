// Where a duplicate warning links to: the article already in the CMS, or the other upload still
// waiting for review. One place for the review screen, the upload rows and the accept refusal.
import type { DuplicateMatch } from "./service";

export function duplicateHref(duplicate: DuplicateMatch): string {
  return duplicate.waiting ? `/admin/import/${duplicate.recordId}` : `/admin/articles?article=${duplicate.articleId}`;
}
