-- CreateIndex
CREATE INDEX "import_records_created_at_idx" ON "import_records"("created_at" DESC);
