"use client";
// Drop or pick many wire files; each gets a row that follows it from upload to "ready for review"
// (with a link), "looks like a duplicate" or a clear refusal. Files go up two at a time.
import Link from "next/link";
import { useRef, useState, type DragEvent } from "react";
import { useTranslations } from "next-intl";
import { uploadImportFile, type StagedImport } from "@/lib/imports/actions";
import { initialActionState } from "@/lib/action-state";

const MAX_BYTES = 2 * 1024 * 1024;
const PARALLEL_UPLOADS = 2;

type Row = { key: string; name: string; state: "waiting" | "uploading" | "ready" | "failed"; error?: string; staged?: StagedImport };

export function ImportUploader() {
  const t = useTranslations("import");
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const update = (key: string, patch: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));

  async function uploadOne(row: Row, file: File) {
    if (file.size > MAX_BYTES) return update(row.key, { state: "failed", error: t("tooLarge") });
    update(row.key, { state: "uploading" });
    const form = new FormData();
    form.set("file", file);
    try {
      const result = await uploadImportFile(initialActionState, form);
      if (result.ok && result.data) update(row.key, { state: "ready", staged: result.data });
      else update(row.key, { state: "failed", error: result.errors?.file?.[0] ?? result.message });
    } catch {
      update(row.key, { state: "failed", error: t("uploadFailed") });
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
        <label htmlFor="import-files" className="block font-semibold">
          {t("choose")}
        </label>
        <p className="text-sm text-neutral-700">{t("drop")}</p>
        <input id="import-files" ref={input} type="file" name="files" multiple accept=".txt,text/plain" onChange={(event) => void start([...(event.target.files ?? [])])} className="mt-2" />
      </div>
      {rows.length > 0 ? (
        <ul aria-live="polite" className="divide-y divide-neutral-200" data-testid="import-rows">
          {rows.map((row) => (
            <li key={row.key} className="flex flex-wrap items-baseline gap-3 py-2" data-state={row.state}>
              <span className="font-mono text-sm">{row.name}</span>
              <span className={row.state === "failed" ? "text-[var(--error)] font-semibold" : "font-semibold"}>{t(row.state)}</span>
              {row.error ? <span className="text-[var(--error)]">{row.error}</span> : null}
              {row.staged ? (
                <>
                  <span lang={row.staged.language}>{row.staged.title}</span>
                  <span className="text-sm text-neutral-700">{t("warnings", { count: row.staged.warnings })}</span>
                  {row.staged.duplicates[0] ? <span className="badge">{t("duplicateOf", { title: row.staged.duplicates[0].title })}</span> : null}
                  <Link href={`/admin/import/${row.staged.recordId}`}>{t("review")}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
