-- AlterTable
ALTER TABLE "import_records" ADD COLUMN     "wire_text" TEXT;
