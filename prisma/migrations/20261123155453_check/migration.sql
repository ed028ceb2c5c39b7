-- DropIndex
DROP INDEX "translation_segments_source_trgm_idx";
