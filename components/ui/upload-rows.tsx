// The rows of a multi-file uploader (use-upload-queue.ts): each file's name, its state in words,
// a progress bar while it goes up, its refusal, and what the uploader shows once it is in.
import type { ReactNode } from "react";
import type { UploadRow } from "./use-upload-queue";

type UploadRowsProps<Row extends UploadRow & { error?: string }> = {
  rows: Row[];
  testId: string;
  stateLabel: (state: Row["state"]) => string;
  /** A progress bar on rows being uploaded (for files large enough to take a while). */
  showProgress?: boolean;
  done: (row: Row) => ReactNode;
};

export function UploadRows<Row extends UploadRow & { error?: string }>({
  rows,
  testId,
  stateLabel,
  showProgress = false,
  done,
}: UploadRowsProps<Row>) {
  if (rows.length === 0) return null;
  return (
    <ul aria-live="polite" className="divide-y divide-neutral-200" data-testid={testId}>
      {rows.map((row) => (
        <li key={row.key} className="flex flex-wrap items-baseline gap-3 py-2" data-state={row.state}>
          <span className="font-mono text-sm">{row.name}</span>
          <span className={row.state === "failed" ? "font-semibold text-[var(--error)]" : "font-semibold"}>{stateLabel(row.state)}</span>
          {showProgress && row.state === "uploading" ? <progress aria-label={stateLabel(row.state)} className="w-32" /> : null}
          {row.error ? <span className="text-[var(--error)]">{row.error}</span> : null}
          {done(row)}
        </li>
      ))}
    </ul>
  );
}
