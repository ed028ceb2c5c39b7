-- Written by hand (issue 8): the search vector stored once per version instead of recomputed by every
-- search that ranks. schema.prisma declares it as Unsupported("tsvector") with this expression as a
-- dbgenerated default, which is how the schema engine sees a generated column. The expression indexes
-- of 20261123155213_workflow_tags_search stay for queries that still call article_search_vector().
ALTER TABLE "article_versions" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  CASE "language"
    WHEN 'fr' THEN article_search_vector('french_unaccent', "title", "standfirst", "body_text")
    WHEN 'en' THEN article_search_vector('english_unaccent', "title", "standfirst", "body_text")
  END) STORED;

-- Partial per language, so a French search never visits English rows that share a lexeme.
CREATE INDEX "article_versions_search_vector_fr_idx" ON "article_versions" USING GIN ("search_vector") WHERE "language" = 'fr';
CREATE INDEX "article_versions_search_vector_en_idx" ON "article_versions" USING GIN ("search_vector") WHERE "language" = 'en';
