-- Import review: the file's own hash, near-duplicate bands, the editor's undo list and corrections.
ALTER TABLE "import_records" ADD COLUMN     "near_duplicate_bands" INTEGER[],
ADD COLUMN     "overrides" JSONB,
ADD COLUMN     "reverted_changes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "reviewed_at" TIMESTAMP(3),
ADD COLUMN     "reviewed_by_id" TEXT,
ADD COLUMN     "source_hash" TEXT;

-- Records imported before this migration get the hash of the bytes they kept.
UPDATE "import_records" SET "source_hash" = encode(sha256("raw_bytes"), 'hex');
ALTER TABLE "import_records" ALTER COLUMN "source_hash" SET NOT NULL;

-- CreateIndex
CREATE INDEX "import_records_source_hash_idx" ON "import_records"("source_hash");

-- CreateIndex
CREATE INDEX "import_records_status_created_at_idx" ON "import_records"("status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "import_records_near_duplicate_bands_idx" ON "import_records" USING GIN ("near_duplicate_bands");

-- AddForeignKey
ALTER TABLE "import_records" ADD CONSTRAINT "import_records_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
