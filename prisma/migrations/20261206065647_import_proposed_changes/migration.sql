-- AlterTable
ALTER TABLE "import_records" ADD COLUMN     "proposed_changes" JSONB;

-- A record with nothing undone stores the full list already, as its result's changes
UPDATE "import_records" SET "proposed_changes" = "result"->'changes' WHERE "reverted_changes" = '{}' AND "result" ? 'changes';
