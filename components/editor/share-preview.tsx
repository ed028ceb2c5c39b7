"use client";
// "Share preview…": makes a signed link that shows this version as the reader's page to anyone
// holding it until it expires (lib/preview), with a copy button; lists the version's live links,
// each revocable. The list comes from the page, refreshed by the actions.
import { useActionState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CopyableValue } from "@/components/ui/copyable-value";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionToast } from "@/components/ui/use-action-toast";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { createPreviewLink, revokePreviewLink } from "@/lib/preview/actions";

export type LivePreviewLink = { id: string; url: string; expiresAt: string; createdByName: string | null };

export function SharePreview({ versionId, links, origin }: { versionId: string; links: LivePreviewLink[]; origin: string }) {
  const t = useTranslations("editor.preview");
  const [state, formAction] = useActionState<ActionState<{ token: string; expiresAt: string }>, FormData>(
    createPreviewLink,
    initialActionState,
  );
  useActionToast(state, { refusals: true });
  return (
    <div className="stack" data-testid="share-preview">
      <p className="m-0 text-sm">{t("explain")}</p>
      <form action={formAction}>
        <FormMessage state={state} />
        <input type="hidden" name="versionId" value={versionId} />
        <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
      </form>
      {state.ok && state.data ? <NewLink url={`${origin}/preview/${state.data.token}`} expiresAt={state.data.expiresAt} /> : null}
      <section aria-labelledby="live-preview-links" className="stack">
        <h3 id="live-preview-links" className="m-0 text-sm font-semibold">
          {t("liveLinks")}
        </h3>
        {links.length === 0 ? (
          <p className="m-0 text-sm text-muted-foreground">{t("noLinks")}</p>
        ) : (
          <ul className="m-0 stack list-none p-0" data-testid="live-preview-links">
            {links.map((link) => (
              <LiveLink key={link.id} versionId={versionId} link={link} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Expiry({ iso }: { iso: string }) {
  const t = useTranslations("editor.preview");
  const format = useFormatter();
  return <>{t("expires", { date: format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" }) })}</>;
}

function NewLink({ url, expiresAt }: { url: string; expiresAt: string }) {
  return (
    <div className="rounded-lg border border-line bg-surface p-3" data-testid="new-preview-link">
      <CopyableValue value={url} testId="new-preview-link-url" />
      <p className="m-0 mt-2 text-sm text-muted-foreground">
        <Expiry iso={expiresAt} />
      </p>
    </div>
  );
}

function LiveLink({ versionId, link }: { versionId: string; link: LivePreviewLink }) {
  const t = useTranslations("editor.preview");
  const [state, formAction] = useActionState(revokePreviewLink, initialActionState);
  useActionToast(state, { refusals: true });
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <span>
        <a href={link.url} target="_blank" rel="noopener noreferrer">
          {t("linkLabel")}
        </a>{" "}
        · <Expiry iso={link.expiresAt} />
        {link.createdByName ? ` · ${t("by", { name: link.createdByName })}` : null}
      </span>
      <form action={formAction}>
        <input type="hidden" name="versionId" value={versionId} />
        <input type="hidden" name="linkId" value={link.id} />
        <SubmitButton variant="ghost" size="sm">
          {t("revoke")}
        </SubmitButton>
      </form>
    </li>
  );
}

/** Where there is no "More actions" menu (the translation editor): a button opening the same panel. */
export function SharePreviewButton(props: { versionId: string; links: LivePreviewLink[]; origin: string }) {
  const t = useTranslations("editor.preview");
  const tDocument = useTranslations("editor.document");
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          {t("share")}…
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tDocument("close")}>
        <DialogTitle>{t("title")}</DialogTitle>
        <SharePreview {...props} />
      </DialogContent>
    </Dialog>
  );
}
