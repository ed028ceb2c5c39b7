/*
  Warnings:

  - A unique constraint covering the columns `[upload_key]` on the table `import_records` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "import_records" ADD COLUMN     "upload_key" TEXT;

-- CreateTable
CREATE TABLE "pending_tag_scans" (
    "article_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pending_tag_scans_pkey" PRIMARY KEY ("article_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "import_records_upload_key_key" ON "import_records"("upload_key");

-- AddForeignKey
ALTER TABLE "pending_tag_scans" ADD CONSTRAINT "pending_tag_scans_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;
