"use client";
// Drop or pick many photos; each gets a row from upload to "uploaded" (with a link to describe it),
// "already in the library" or a clear refusal. Photos go up two at a time, one action call each.
import Link from "next/link";
import { useRef, useState, type DragEvent } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { initialActionState } from "@/lib/action-state";
import { uploadMediaFile, type UploadedMedia } from "@/lib/media/actions";
import { MAX_UPLOAD_BYTES } from "@/lib/media/limits";

const PARALLEL_UPLOADS = 2;

type Row = { key: string; name: string; state: "waiting" | "uploading" | "ready" | "duplicate" | "failed"; error?: string; uploaded?: UploadedMedia };

export function MediaUploader() {
  const t = useTranslations("media");
  const router = useRouter();
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const update = (key: string, patch: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  async function uploadOne(row: Row, file: File) {
    // Refused here too so a 200 MB file is never sent; the server checks again.
    if (file.size > MAX_UPLOAD_BYTES) return update(row.key, { state: "failed", error: t("errors.tooLarge") });
    update(row.key, { state: "uploading" });
    const form = new FormData();
    form.set("file", file);
    try {
      const result = await uploadMediaFile(initialActionState, form);
      if (result.ok && result.data) update(row.key, { state: result.data.duplicate ? "duplicate" : "ready", uploaded: result.data });
      else update(row.key, { state: "failed", error: result.errors?.file?.[0] ?? result.message });
    } catch {
      update(row.key, { state: "failed", error: t("errors.uploadFailed") });
    }
  }

  async function start(files: File[]) {
    const added = files.map((file, index) => ({ file, row: { key: `${Date.now()}-${index}-${file.name}`, name: file.name, state: "waiting" as const } }));
    setRows((current) => [...added.map((entry) => entry.row), ...current]);
    const queue = [...added];
    await Promise.all(
      Array.from({ length: PARALLEL_UPLOADS }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await uploadOne(next.row, next.file);
      }),
    );
    if (input.current) input.current.value = "";
    router.refresh();
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void start([...event.dataTransfer.files]);
  }

  return (
    <div className="stack">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded border-2 border-dashed p-6 ${dragging ? "border-[var(--accent)] bg-neutral-50" : "border-neutral-400"}`}
      >
        <label htmlFor="media-files" className="block font-semibold">
          {t("choose")}
        </label>
        <p className="text-sm text-neutral-700">{t("drop")}</p>
        <input
          id="media-files"
          ref={input}
          type="file"
          name="files"
          multiple
          accept="image/jpeg,image/png,image/webp,image/avif"
          onChange={(event) => void start([...(event.target.files ?? [])])}
          className="mt-2"
        />
      </div>
      {rows.length > 0 ? (
        <ul aria-live="polite" className="divide-y divide-neutral-200" data-testid="media-upload-rows">
          {rows.map((row) => (
            <li key={row.key} className="flex flex-wrap items-baseline gap-3 py-2" data-state={row.state}>
              <span className="font-mono text-sm">{row.name}</span>
              <span className={row.state === "failed" ? "font-semibold text-[var(--error)]" : "font-semibold"}>{t(row.state)}</span>
              {row.state === "uploading" ? <progress aria-label={t("uploading")} className="w-32" /> : null}
              {row.error ? <span className="text-[var(--error)]">{row.error}</span> : null}
              {row.uploaded ? (
                <>
                  <span className="text-sm text-neutral-700">{t("dimensions", { width: row.uploaded.width, height: row.uploaded.height })}</span>
                  <Link href={`/admin/media/${row.uploaded.assetId}`}>{t("edit")}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
