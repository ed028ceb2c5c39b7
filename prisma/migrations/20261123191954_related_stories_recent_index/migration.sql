-- DropIndex
DROP INDEX "article_tags_tag_id_idx";

-- CreateIndex
CREATE INDEX "article_tags_tag_id_created_at_idx" ON "article_tags"("tag_id", "created_at" DESC);
