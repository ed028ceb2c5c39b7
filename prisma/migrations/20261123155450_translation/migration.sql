-- Translation: glossary, translation memory and pairing of articles that arrived separately.

-- CreateEnum
CREATE TYPE "PairingStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REJECTED');

-- CreateTable
CREATE TABLE "glossary_terms" (
    "id" TEXT NOT NULL,
    "term_fr" TEXT NOT NULL,
    "term_en" TEXT NOT NULL,
    "normalized_fr" TEXT NOT NULL,
    "normalized_en" TEXT NOT NULL,
    "note" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "glossary_terms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "translation_segments" (
    "id" TEXT NOT NULL,
    "source_language" TEXT NOT NULL,
    "target_language" TEXT NOT NULL,
    "source_text" TEXT NOT NULL,
    "target_text" TEXT NOT NULL,
    "source_normalized" TEXT NOT NULL,
    "version_id" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "translation_segments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pairing_suggestions" (
    "id" TEXT NOT NULL,
    "article_a_id" TEXT NOT NULL,
    "article_b_id" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reasons" JSONB NOT NULL,
    "status" "PairingStatus" NOT NULL DEFAULT 'PENDING',
    "decided_by_id" TEXT,
    "decided_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pairing_suggestions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "glossary_terms_normalized_fr_idx" ON "glossary_terms"("normalized_fr");

-- CreateIndex
CREATE INDEX "glossary_terms_normalized_en_idx" ON "glossary_terms"("normalized_en");

-- CreateIndex
CREATE UNIQUE INDEX "glossary_terms_normalized_fr_normalized_en_key" ON "glossary_terms"("normalized_fr", "normalized_en");

-- CreateIndex
CREATE UNIQUE INDEX "translation_segments_source_language_target_language_source_key" ON "translation_segments"("source_language", "target_language", "source_normalized", "target_text");

-- CreateIndex
CREATE INDEX "pairing_suggestions_status_idx" ON "pairing_suggestions"("status");

-- CreateIndex
CREATE UNIQUE INDEX "pairing_suggestions_article_a_id_article_b_id_key" ON "pairing_suggestions"("article_a_id", "article_b_id");

-- AddForeignKey
ALTER TABLE "glossary_terms" ADD CONSTRAINT "glossary_terms_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "translation_segments" ADD CONSTRAINT "translation_segments_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing_suggestions" ADD CONSTRAINT "pairing_suggestions_article_a_id_fkey" FOREIGN KEY ("article_a_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing_suggestions" ADD CONSTRAINT "pairing_suggestions_article_b_id_fkey" FOREIGN KEY ("article_b_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pairing_suggestions" ADD CONSTRAINT "pairing_suggestions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Written by hand: trigram index for translation-memory lookups ("the same or a close sentence").
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "translation_segments_source_trgm_idx" ON "translation_segments"
  USING GIN ("source_normalized" gin_trgm_ops);
