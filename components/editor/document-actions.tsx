"use client";
// The status bar's actions: the one primary action for this state and role (with its shortcut in a
// tooltip) and a menu of the others; an action that asks something (a note, a confirmation) opens a
// small dialog holding its form.
import { useState, type ReactNode } from "react";
import { Ellipsis } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

export type MenuAction =
  | { kind: "run"; id: string; label: string; onSelect: () => void }
  | { kind: "link"; id: string; label: string; href: string; newTab?: boolean }
  | { kind: "dialog"; id: string; label: string; title: string; content: ReactNode };

/** The keys of the primary action, as this platform writes them. */
export function primaryShortcutLabel(): string {
  if (typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform)) return "⌘ Enter";
  return "Ctrl+Enter";
}

export function DocumentActions({ primary, menu }: { primary: ReactNode; menu: MenuAction[] }) {
  const t = useTranslations("editor.document");
  const [open, setOpen] = useState<string | null>(null);
  const dialog = menu.find((item) => item.kind === "dialog" && item.id === open);
  return (
    <>
      {primary ? (
        <Tooltip>
          <TooltipTrigger asChild>
            <div data-primary-action className="[&_form]:m-0 [&_form]:border-0 [&_form]:p-0">
              {primary}
            </div>
          </TooltipTrigger>
          <TooltipContent>{t("shortcut", { keys: primaryShortcutLabel() })}</TooltipContent>
        </Tooltip>
      ) : null}
      {menu.length > 0 ? (
        // Not modal: a modal menu that opens a dialog leaves the page inert once both close.
        <DropdownMenu modal={false}>
          <DropdownMenuTrigger asChild>
            <Button variant="secondary" size="sm" className="px-2" aria-label={t("moreActions")}>
              <Ellipsis aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            {menu.map((item) =>
              item.kind === "link" ? (
                <DropdownMenuItem key={item.id} asChild>
                  <a href={item.href} {...(item.newTab ? { target: "_blank", rel: "noopener" } : {})}>
                    {item.label}
                  </a>
                </DropdownMenuItem>
              ) : (
                <DropdownMenuItem key={item.id} onSelect={() => (item.kind === "run" ? item.onSelect() : setOpen(item.id))}>
                  {item.kind === "dialog" ? `${item.label}…` : item.label}
                </DropdownMenuItem>
              ),
            )}
          </DropdownMenuContent>
        </DropdownMenu>
      ) : null}
      <Dialog open={dialog !== undefined} onOpenChange={(next) => (next ? null : setOpen(null))}>
        {dialog?.kind === "dialog" ? (
          <DialogContent closeLabel={t("close")}>
            <DialogTitle>{dialog.title}</DialogTitle>
            <DialogDescription className="sr-only">{dialog.title}</DialogDescription>
            {dialog.content}
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
