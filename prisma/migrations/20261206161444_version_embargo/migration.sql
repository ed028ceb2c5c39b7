-- AlterTable
ALTER TABLE "article_versions" ADD COLUMN     "embargoed_until" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "article_versions_embargoed_until_idx" ON "article_versions"("embargoed_until");
