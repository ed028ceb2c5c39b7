-- CreateTable
CREATE TABLE "public_change_outbox" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "article_ids" TEXT[],
    "languages" TEXT[],
    "tag_ids" TEXT[],
    "media_ids" TEXT[],
    "claimed_until" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "done_at" TIMESTAMP(3),

    CONSTRAINT "public_change_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "public_change_outbox_done_at_id_idx" ON "public_change_outbox"("done_at", "id");

-- CreateIndex
CREATE INDEX "public_change_outbox_created_at_idx" ON "public_change_outbox"("created_at");
