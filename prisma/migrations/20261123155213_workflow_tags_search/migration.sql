-- Editorial workflow (approvals, assignments, comments, corrections, presence), tag suggestions,
-- and the full-text search indexes of the reader site and the admin list.

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DISMISSED');

-- AlterTable
ALTER TABLE "article_versions" ADD COLUMN     "approved_by_id" TEXT,
ADD COLUMN     "assigned_at" TIMESTAMP(3),
ADD COLUMN     "due_at" TIMESTAMP(3);

-- AlterTable
-- No tag exists yet when this runs: the column can be required at once.
ALTER TABLE "tag_labels" ADD COLUMN     "normalized" TEXT NOT NULL;

-- CreateTable
CREATE TABLE "comments" (
    "id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "author_id" TEXT,
    "body" TEXT NOT NULL,
    "anchor_block_id" TEXT,
    "anchor_quote" TEXT,
    "resolved_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "correction_notes" (
    "id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "author_id" TEXT,
    "body" TEXT NOT NULL,
    "corrected_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "correction_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "editing_presence" (
    "version_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "editing_presence_pkey" PRIMARY KEY ("version_id","user_id")
);

-- CreateTable
CREATE TABLE "tag_suggestions" (
    "id" TEXT NOT NULL,
    "article_id" TEXT NOT NULL,
    "tag_id" TEXT,
    "label" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "type" "TagType",
    "sentence" TEXT NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'PENDING',
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tag_suggestions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "comments_version_id_created_at_idx" ON "comments"("version_id", "created_at");

-- CreateIndex
CREATE INDEX "correction_notes_version_id_corrected_at_idx" ON "correction_notes"("version_id", "corrected_at");

-- CreateIndex
CREATE INDEX "editing_presence_last_seen_at_idx" ON "editing_presence"("last_seen_at");

-- CreateIndex
CREATE INDEX "tag_suggestions_article_id_status_idx" ON "tag_suggestions"("article_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "tag_suggestions_article_id_normalized_key" ON "tag_suggestions"("article_id", "normalized");

-- CreateIndex
CREATE INDEX "article_versions_assignee_id_idx" ON "article_versions"("assignee_id");

-- CreateIndex
CREATE INDEX "tag_labels_normalized_idx" ON "tag_labels"("normalized");

-- AddForeignKey
ALTER TABLE "article_versions" ADD CONSTRAINT "article_versions_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "article_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correction_notes" ADD CONSTRAINT "correction_notes_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "article_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "correction_notes" ADD CONSTRAINT "correction_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "editing_presence" ADD CONSTRAINT "editing_presence_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "article_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "editing_presence" ADD CONSTRAINT "editing_presence_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tag_suggestions" ADD CONSTRAINT "tag_suggestions_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tag_suggestions" ADD CONSTRAINT "tag_suggestions_tag_id_fkey" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tag_suggestions" ADD CONSTRAINT "tag_suggestions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Written by hand: full-text search over title (weight A), standfirst (B) and body (C), with the
-- accent-insensitive configurations of the first migration. Queries must use this same function
-- call, with the same configuration for the language, for the partial indexes to apply.
CREATE OR REPLACE FUNCTION article_search_vector(config regconfig, title text, standfirst text, body text)
  RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector(config, coalesce(title, '')), 'A')
            || setweight(to_tsvector(config, coalesce(standfirst, '')), 'B')
            || setweight(to_tsvector(config, coalesce(body, '')), 'C') $$;

CREATE INDEX "article_versions_search_fr_idx" ON "article_versions"
  USING GIN (article_search_vector('french_unaccent', "title", "standfirst", "body_text")) WHERE "language" = 'fr';
CREATE INDEX "article_versions_search_en_idx" ON "article_versions"
  USING GIN (article_search_vector('english_unaccent', "title", "standfirst", "body_text")) WHERE "language" = 'en';
