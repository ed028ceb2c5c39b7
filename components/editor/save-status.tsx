"use client";
// The save state, announced politely to screen readers: saved (or merged and saved) / unsaved /
// saving / failed / not saved until a conflict is settled.
import { useFormatter, useTranslations } from "next-intl";
import type { SaveStatus } from "./use-version-save";

export function SaveStatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const t = useTranslations("editor");
  const format = useFormatter();
  const savedText = () => {
    if (status.kind !== "saved") return "";
    const time = format.dateTime(new Date(status.at), { timeStyle: "medium" });
    if (status.mergedWith === undefined) return t("save.saved", { time });
    return status.mergedWith === null ? t("save.mergedAnonymous", { time }) : t("save.merged", { name: status.mergedWith, time });
  };
  const text =
    status.kind === "saved"
      ? savedText()
      : status.kind === "saving"
        ? t("save.saving")
        : status.kind === "dirty"
          ? t("save.dirty")
          : status.kind === "failed"
            ? t("save.failed", { reason: status.reason })
            : status.kind === "conflict"
              ? t("save.conflict")
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
