"use client";
// The save state, announced politely to screen readers: saved / unsaved / saving / failed.
import { useFormatter, useTranslations } from "next-intl";
import type { SaveStatus } from "./use-version-save";

export function SaveStatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const t = useTranslations("editor");
  const format = useFormatter();
  const text =
    status.kind === "saved"
      ? t("save.saved", { time: format.dateTime(new Date(status.at), { timeStyle: "medium" }) })
      : status.kind === "saving"
        ? t("save.saving")
        : status.kind === "dirty"
          ? t("save.dirty")
          : status.kind === "failed"
            ? t("save.failed", { reason: status.reason })
            : status.kind === "conflict"
              ? t("errors.staleVersion")
              : t("save.idle");
  const failed = status.kind === "failed" || status.kind === "conflict";
  return (
    <div className="flex items-center gap-3">
      <p
        role="status"
        aria-live="polite"
        data-testid="save-status"
        data-state={status.kind}
        className={`m-0 text-sm font-semibold ${failed ? "text-[var(--error)]" : status.kind === "saved" ? "text-[var(--ok)]" : ""}`}
      >
        {text}
      </p>
      {status.kind === "failed" ? (
        <button type="button" className="button small" onClick={onRetry}>
          {t("save.retry")}
        </button>
      ) : null}
    </div>
  );
}
