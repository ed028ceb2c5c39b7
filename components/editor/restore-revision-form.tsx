"use client";
// Restores one revision (as a new revision, on top of the version the page showed), then reloads
// the history so the new revision appears.
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { initialActionState } from "@/lib/action-state";
import { restoreRevision } from "@/lib/editing/actions";
import { SubmitButton } from "@/components/ui/submit-button";

export function RestoreRevisionForm({ revisionId, number, baseVersion }: { revisionId: string; number: number; baseVersion: number }) {
  const t = useTranslations("editor");
  const router = useRouter();
  const [state, formAction] = useActionState(restoreRevision, initialActionState);
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={formAction}>
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <SubmitButton className="button small">{t("historyPage.restore", { number })}</SubmitButton>
      <div aria-live="polite" className={state.ok ? "text-sm text-[var(--ok)]" : "field-error"}>
        {state.message ? <p>{state.message}</p> : null}
      </div>
    </form>
  );
}
