-- Media library: pictures, their per-language alt text and captions, and where they are used.

-- AlterTable
ALTER TABLE "articles" ADD COLUMN     "lead_image_id" TEXT;

-- CreateTable
CREATE TABLE "media_assets" (
    "id" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "credit" TEXT,
    "source" TEXT,
    "copyright" TEXT,
    "taken_at" TIMESTAMP(3),
    "variants" JSONB NOT NULL,
    "uploaded_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "media_assets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "media_texts" (
    "asset_id" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "alt" TEXT NOT NULL DEFAULT '',
    "caption" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "media_texts_pkey" PRIMARY KEY ("asset_id","language")
);

-- CreateTable
CREATE TABLE "media_usages" (
    "asset_id" TEXT NOT NULL,
    "version_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "media_usages_pkey" PRIMARY KEY ("asset_id","version_id","role")
);

-- CreateIndex
CREATE UNIQUE INDEX "media_assets_sha256_key" ON "media_assets"("sha256");

-- CreateIndex
CREATE INDEX "media_assets_created_at_idx" ON "media_assets"("created_at" DESC);

-- CreateIndex
CREATE INDEX "media_usages_version_id_idx" ON "media_usages"("version_id");

-- AddForeignKey
ALTER TABLE "articles" ADD CONSTRAINT "articles_lead_image_id_fkey" FOREIGN KEY ("lead_image_id") REFERENCES "media_assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_texts" ADD CONSTRAINT "media_texts_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "media_assets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_usages" ADD CONSTRAINT "media_usages_asset_id_fkey" FOREIGN KEY ("asset_id") REFERENCES "media_assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_usages" ADD CONSTRAINT "media_usages_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "article_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
