"use client";
// Drop or pick many wire files; each gets a row that follows it from upload to "ready for review"
// (with a link), "looks like a duplicate" or a clear refusal. Files go up two at a time, each with
// its own upload key: when an answer is lost the row asks the server what it holds (its record is
// the truth), and a file sent again is recognised by its key instead of being stored twice.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { readUploadStates, uploadImportFile, type StagedImport } from "@/lib/import-review/actions";
import { initialActionState } from "@/lib/action-state";
import { MAX_FILE_BYTES } from "@/lib/import/decode";
import { duplicateHref } from "@/lib/import-review/duplicate-link";
import { batchUploadKey, newUploadBatch } from "@/lib/import-review/review-batch";
import { refusalText } from "@/lib/refusal";
import { DropZone } from "@/components/ui/drop-zone";
import { UploadRows } from "@/components/ui/upload-rows";
import { useUploadQueue } from "@/components/ui/use-upload-queue";

const PARALLEL_UPLOADS = 2;
// While the server does not answer, a row asks again after 1, 2, 4 … 16 s, about a minute in all,
// holding the queue meanwhile (no point sending the next files into a dead connection).
const READ_BACK_DELAYS_MS = [1000, 2000, 4000, 8000, 16000, 16000, 16000];

type Row = {
  key: string;
  name: string;
  state: "waiting" | "uploading" | "checking" | "ready" | "failed" | "unknown";
  error?: string;
  staged?: StagedImport;
  /** A lost answer, not a refusal: sending the file again is safe and may succeed. */
  retryable?: boolean;
};

const uploadKeys = new WeakMap<File, string>();
/** One key per picked file, kept for its retries; the files picked together share a batch (reviewed in a row). */
function nameBatch(files: File[]) {
  const batch = newUploadBatch();
  files.forEach((file, index) => uploadKeys.set(file, batchUploadKey(batch, index + 1)));
}
function uploadKeyOf(file: File): string {
  let key = uploadKeys.get(file);
  if (!key) uploadKeys.set(file, (key = batchUploadKey(newUploadBatch(), 1)));
  return key;
}

/** The server's record of an upload: the staged import, null when it holds none; throws while unreachable. */
async function readBack(uploadKey: string): Promise<StagedImport | null> {
  const form = new FormData();
  form.set("uploadKey", uploadKey);
  const answer = await readUploadStates(initialActionState, form);
  if (!answer.ok) throw new Error(answer.message);
  return answer.data?.[uploadKey] ?? null;
}

export function ImportUploader() {
  const t = useTranslations("import");
  const { rows, start, retry } = useUploadQueue<Row>(async (file, update) => {
    if (file.size > MAX_FILE_BYTES) return update({ state: "failed", error: t("tooLarge") });
    const uploadKey = uploadKeyOf(file);
    update({ state: "uploading", error: undefined, retryable: false });
    const form = new FormData();
    form.set("file", file);
    form.set("uploadKey", uploadKey);
    try {
      const result = await uploadImportFile(initialActionState, form);
      if (result.ok && result.data) return update({ state: "ready", staged: result.data });
      // A refusal of the file is final; any other failure (the database down) is worth a retry.
      return update({ state: "failed", error: result.errors?.file?.[0] ?? result.message, retryable: !result.errors?.file });
    } catch {
      // The answer was lost, not necessarily the file: the server may have stored it.
    }
    update({ state: "checking", error: t("connectionLost") });
    for (const delay of [0, ...READ_BACK_DELAYS_MS]) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        const staged = await readBack(uploadKey);
        return update(
          staged ? { state: "ready", staged, error: undefined } : { state: "failed", error: t("uploadFailed"), retryable: true },
        );
      } catch {
        // Still unreachable: ask again after the next delay.
      }
    }
    update({ state: "unknown", error: t("unreachable"), retryable: true });
  }, PARALLEL_UPLOADS);

  return (
    <div className="stack">
      <DropZone
        id="import-files"
        label={t("choose")}
        hint={t("drop")}
        accept=".txt,text/plain,.html,.htm,text/html,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.eml,message/rfc822"
        onFiles={(files) => {
          nameBatch(files);
          return start(files);
        }}
      />
      <UploadRows
        rows={rows}
        testId="import-rows"
        stateLabel={(state) => t(state)}
        done={(row) => (
          <>
            {row.staged ? <StagedSummary staged={row.staged} /> : null}
            {row.retryable && (row.state === "failed" || row.state === "unknown") ? (
              <button type="button" className="button small" onClick={() => void retry(row.key)}>
                {t("retry")}
              </button>
            ) : null}
          </>
        )}
      />
    </div>
  );
}

function StagedSummary({ staged }: { staged: StagedImport }) {
  const t = useTranslations("import");
  const messages = useTranslations();
  const duplicate = staged.duplicates[0];
  return (
    <>
      <span lang={staged.language}>{staged.title}</span>
      <span className="text-sm text-muted-foreground">{t("warnings", { count: staged.warnings })}</span>
      {staged.alreadyStored ? <span className="text-sm text-muted-foreground">{t("alreadyStored")}</span> : null}
      {duplicate ? (
        <Link className="badge" href={duplicateHref(duplicate)}>
          {duplicate.waiting ? t("duplicateWaiting", { title: duplicate.title }) : t("duplicateOf", { title: duplicate.title })}
        </Link>
      ) : null}
      <Link href={`/admin/import/${staged.recordId}`}>{t("review")}</Link>
      {staged.others?.length ? (
        // An e-mail's other items: each its own record to review, or its own refusal.
        <ul className="stack w-full text-sm" data-testid="import-mail-items">
          {staged.others.map((item) => (
            <li key={item.name}>
              <span>{item.name}</span>{" "}
              {"staged" in item ? (
                <Link href={`/admin/import/${item.staged.recordId}`}>{t("review")}</Link>
              ) : (
                <span role="alert">{refusalText(item.refusal, messages)}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
