-- CreateTable
CREATE TABLE "import_agency_forms" (
    "form" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_agency_forms_pkey" PRIMARY KEY ("form")
);
