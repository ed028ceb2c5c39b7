-- Search (reader site and desk list) now reads the stored search_vector column and its partial GIN
-- indexes (migration 20261123181346): the expression indexes it replaced only cost writes and space.
DROP INDEX IF EXISTS "article_versions_search_fr_idx";
DROP INDEX IF EXISTS "article_versions_search_en_idx";
