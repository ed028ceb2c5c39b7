// How an ingest source and its items read on the desk: the source's state as badges (active,
// paused by a person or after failures, failing, trusted, internal) and a stored refusal as text
// in the reader's language.
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { RefusalReason } from "@/lib/refusal";

type SourceStateProps = {
  source: { enabled: boolean; pausedReason: string | null; consecutiveFailures: number; trusted: boolean; internal: boolean };
};

export async function SourceState({ source }: SourceStateProps) {
  const t = await getTranslations("ingest.state");
  return (
    <span className="flex flex-wrap gap-1">
      {source.enabled ? (
        <Badge tone="success">{t("active")}</Badge>
      ) : source.pausedReason === "failures" ? (
        <Badge tone="danger">{t("pausedFailures", { count: source.consecutiveFailures })}</Badge>
      ) : (
        <Badge tone="neutral">{t("paused")}</Badge>
      )}
      {source.enabled && source.consecutiveFailures > 0 ? (
        <Badge tone="warning">{t("failing", { count: source.consecutiveFailures })}</Badge>
      ) : null}
      {source.trusted ? <Badge tone="info">{t("trusted")}</Badge> : null}
      {source.internal ? <Badge tone="neutral">{t("internal")}</Badge> : null}
    </span>
  );
}

/** A stored refusal ({ code, params }) as its message; an unknown code is shown as it is. */
export async function RefusalText({ reason }: { reason: RefusalReason }) {
  const t = await getTranslations();
  return <>{t.has(reason.code) ? t(reason.code, reason.params) : reason.code}</>;
}
