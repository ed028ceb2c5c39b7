-- CreateTable
CREATE TABLE "import_boilerplate_lines" (
    "source_key" TEXT NOT NULL,
    "line_hash" TEXT NOT NULL,
    "file_count" INTEGER NOT NULL DEFAULT 1,
    "kept" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "import_boilerplate_lines_pkey" PRIMARY KEY ("source_key","line_hash")
);

-- CreateTable
CREATE TABLE "import_boilerplate_files" (
    "source_key" TEXT NOT NULL,
    "file_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_boilerplate_files_pkey" PRIMARY KEY ("source_key","file_hash")
);
