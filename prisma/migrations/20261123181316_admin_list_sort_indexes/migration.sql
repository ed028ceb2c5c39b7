-- DropIndex
DROP INDEX "article_versions_language_status_published_at_idx";

-- DropIndex
DROP INDEX "article_versions_updated_at_idx";

-- CreateIndex
CREATE INDEX "article_versions_language_status_updated_at_id_idx" ON "article_versions"("language", "status", "updated_at" DESC, "id");

-- CreateIndex
CREATE INDEX "article_versions_language_status_published_at_id_idx" ON "article_versions"("language", "status", "published_at" DESC, "id");

-- CreateIndex
CREATE INDEX "article_versions_language_status_title_id_idx" ON "article_versions"("language", "status", "title", "id");

-- CreateIndex
CREATE INDEX "article_versions_updated_at_id_idx" ON "article_versions"("updated_at" DESC, "id");

-- CreateIndex
CREATE INDEX "article_versions_published_at_id_idx" ON "article_versions"("published_at" DESC, "id");

-- CreateIndex
CREATE INDEX "article_versions_title_id_idx" ON "article_versions"("title", "id");
