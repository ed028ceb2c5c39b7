"use client";
// Drop or pick many photos; each gets a row from upload to "uploaded" (with a link to describe it),
// "already in the library" or a clear refusal. Photos go up two at a time, one action call each.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { initialActionState } from "@/lib/action-state";
import { DropZone } from "@/components/ui/drop-zone";
import { UploadRows } from "@/components/ui/upload-rows";
import { useUploadQueue } from "@/components/ui/use-upload-queue";
import { uploadMediaFile, type UploadedMedia } from "@/lib/media/actions";
import { MAX_UPLOAD_BYTES } from "@/lib/media/limits";

const PARALLEL_UPLOADS = 2;

type Row = {
  key: string;
  name: string;
  state: "waiting" | "uploading" | "ready" | "duplicate" | "failed";
  error?: string;
  uploaded?: UploadedMedia;
};

export function MediaUploader() {
  const t = useTranslations("media");
  const router = useRouter();
  const { rows, start } = useUploadQueue<Row>(async (file, update) => {
    // Refused here too so a 200 MB file is never sent; the server checks again.
    if (file.size > MAX_UPLOAD_BYTES) return update({ state: "failed", error: t("errors.tooLarge") });
    update({ state: "uploading" });
    const form = new FormData();
    form.set("file", file);
    try {
      const result = await uploadMediaFile(initialActionState, form);
      if (result.ok && result.data) update({ state: result.data.duplicate ? "duplicate" : "ready", uploaded: result.data });
      else update({ state: "failed", error: result.errors?.file?.[0] ?? result.message });
    } catch {
      update({ state: "failed", error: t("errors.uploadFailed") });
    }
  }, PARALLEL_UPLOADS);

  async function uploadAll(files: File[]) {
    await start(files);
    router.refresh();
  }

  return (
    <div className="stack">
      <DropZone
        id="media-files"
        label={t("choose")}
        hint={t("drop")}
        accept="image/jpeg,image/png,image/webp,image/avif"
        onFiles={uploadAll}
      />
      <UploadRows
        rows={rows}
        testId="media-upload-rows"
        stateLabel={(state) => t(state)}
        showProgress
        done={(row) =>
          row.uploaded ? (
            <>
              <span className="text-sm text-muted-foreground">
                {t("dimensions", { width: row.uploaded.width, height: row.uploaded.height })}
              </span>
              <Link href={`/admin/media/${row.uploaded.assetId}`}>{t("edit")}</Link>
            </>
          ) : null
        }
      />
    </div>
  );
}
