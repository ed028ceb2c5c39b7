"use client";
// Drop or pick many wire files; each gets a row that follows it from upload to "ready for review"
// (with a link), "looks like a duplicate" or a clear refusal. Files go up two at a time.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { uploadImportFile, type StagedImport } from "@/lib/imports/actions";
import { initialActionState } from "@/lib/action-state";
import { MAX_FILE_BYTES } from "@/lib/import/decode";
import { DropZone } from "@/components/ui/drop-zone";
import { UploadRows } from "@/components/ui/upload-rows";
import { useUploadQueue } from "@/components/ui/use-upload-queue";

const PARALLEL_UPLOADS = 2;

type Row = { key: string; name: string; state: "waiting" | "uploading" | "ready" | "failed"; error?: string; staged?: StagedImport };

export function ImportUploader() {
  const t = useTranslations("import");
  const { rows, start } = useUploadQueue<Row>(async (file, update) => {
    if (file.size > MAX_FILE_BYTES) return update({ state: "failed", error: t("tooLarge") });
    update({ state: "uploading" });
    const form = new FormData();
    form.set("file", file);
    try {
      const result = await uploadImportFile(initialActionState, form);
      if (result.ok && result.data) update({ state: "ready", staged: result.data });
      else update({ state: "failed", error: result.errors?.file?.[0] ?? result.message });
    } catch {
      update({ state: "failed", error: t("uploadFailed") });
    }
  }, PARALLEL_UPLOADS);

  return (
    <div className="stack">
      <DropZone id="import-files" label={t("choose")} hint={t("drop")} accept=".txt,text/plain" onFiles={start} />
      <UploadRows
        rows={rows}
        testId="import-rows"
        stateLabel={(state) => t(state)}
        done={(row) =>
          row.staged ? (
            <>
              <span lang={row.staged.language}>{row.staged.title}</span>
              <span className="text-sm text-neutral-700">{t("warnings", { count: row.staged.warnings })}</span>
              {row.staged.duplicates[0] ? <span className="badge">{t("duplicateOf", { title: row.staged.duplicates[0].title })}</span> : null}
              <Link href={`/admin/import/${row.staged.recordId}`}>{t("review")}</Link>
            </>
          ) : null
        }
      />
    </div>
  );
}
