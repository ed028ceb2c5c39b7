-- CreateEnum
CREATE TYPE "IngestKind" AS ENUM ('FEED', 'IMAP', 'FOLDER');

-- CreateEnum
CREATE TYPE "IngestItemStatus" AS ENUM ('IN_REVIEW', 'DRAFTED', 'DUPLICATE', 'FAILED');

-- CreateTable
CREATE TABLE "ingest_sources" (
    "id" TEXT NOT NULL,
    "kind" "IngestKind" NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "host" TEXT,
    "port" INTEGER,
    "username" TEXT,
    "password_encrypted" TEXT,
    "mailbox" TEXT,
    "path" TEXT,
    "language_hint" TEXT,
    "default_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "poll_interval_minutes" INTEGER NOT NULL DEFAULT 15,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "paused_reason" TEXT,
    "trusted" BOOLEAN NOT NULL DEFAULT false,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "etag" TEXT,
    "last_modified" TEXT,
    "next_poll_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_polled_at" TIMESTAMP(3),
    "last_success_at" TIMESTAMP(3),
    "last_error_at" TIMESTAMP(3),
    "last_error" JSONB,
    "last_error_detail" TEXT,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ingest_sources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_items" (
    "id" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "external_key" TEXT NOT NULL,
    "url" TEXT,
    "title" TEXT,
    "status" "IngestItemStatus" NOT NULL,
    "error" JSONB,
    "error_detail" TEXT,
    "import_record_id" TEXT,
    "article_id" TEXT,
    "fetched_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ingest_sources_enabled_next_poll_at_idx" ON "ingest_sources"("enabled", "next_poll_at");

-- CreateIndex
CREATE INDEX "ingest_items_source_id_fetched_at_idx" ON "ingest_items"("source_id", "fetched_at" DESC);

-- CreateIndex
CREATE INDEX "ingest_items_import_record_id_idx" ON "ingest_items"("import_record_id");

-- CreateIndex
CREATE UNIQUE INDEX "ingest_items_source_id_external_key_key" ON "ingest_items"("source_id", "external_key");

-- AddForeignKey
ALTER TABLE "ingest_sources" ADD CONSTRAINT "ingest_sources_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_items" ADD CONSTRAINT "ingest_items_source_id_fkey" FOREIGN KEY ("source_id") REFERENCES "ingest_sources"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_items" ADD CONSTRAINT "ingest_items_import_record_id_fkey" FOREIGN KEY ("import_record_id") REFERENCES "import_records"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_items" ADD CONSTRAINT "ingest_items_article_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE SET NULL ON UPDATE CASCADE;
