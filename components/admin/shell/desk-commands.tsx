"use client";
// The desk's keyboard layer: Ctrl/Cmd+K opens the command palette (pages, actions, articles found by
// title on the server), `?` lists the shortcuts. Both are Radix dialogs; other components open
// them through useDeskCommands().
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import type { NavEntry } from "@/components/admin/shell/desk-nav";

// The palette (cmdk, its icons, the title search) loads the first time it opens: no desk page
// needs it for its first paint.
const CommandPalette = dynamic(() => import("@/components/admin/shell/command-palette").then((module) => module.CommandPalette), {
  ssr: false,
});

type DeskCommands = { openPalette: () => void; openShortcuts: () => void };

const DeskCommandsContext = createContext<DeskCommands>({ openPalette: () => {}, openShortcuts: () => {} });

export function useDeskCommands(): DeskCommands {
  return useContext(DeskCommandsContext);
}

export type ProviderProps = {
  entries: NavEntry[];
  canImport: boolean;
  canTranslate: boolean;
  canSearchArticles: boolean;
  children: ReactNode;
};

export function DeskCommandsProvider({ entries, canImport, canTranslate, canSearchArticles, children }: ProviderProps) {
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const commands = useMemo(() => ({ openPalette: () => setPaletteOpen(true), openShortcuts: () => setShortcutsOpen(true) }), []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setShortcutsOpen(false);
        setPaletteOpen((open) => !open);
      } else if (event.key === "?" && !event.ctrlKey && !event.metaKey && !isTyping(event.target)) {
        event.preventDefault();
        setShortcutsOpen(true);
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <DeskCommandsContext.Provider value={commands}>
      {children}
      {paletteOpen ? (
        <CommandPalette
          onClose={() => setPaletteOpen(false)}
          entries={entries}
          canImport={canImport}
          canTranslate={canTranslate}
          canSearchArticles={canSearchArticles}
        />
      ) : null}
      <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} />
    </DeskCommandsContext.Provider>
  );
}

/** A key typed into a field, the editor or a select is text, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("nav");
  const rows = [
    { keys: ["Ctrl", "K"], label: t("shortcuts.palette") },
    { keys: ["?"], label: t("shortcuts.help") },
    { keys: ["Esc"], label: t("shortcuts.close") },
  ];
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("close")} data-testid="shortcuts-dialog">
        <DialogTitle>{t("shortcuts.title")}</DialogTitle>
        <DialogDescription>{t("shortcuts.description")}</DialogDescription>
        <dl className="m-0 grid grid-cols-[auto_1fr] items-center gap-x-6 gap-y-3">
          {rows.map((row) => (
            <div key={row.label} className="contents">
              <dt className="flex gap-1">
                {row.keys.map((key) => (
                  <kbd key={key} className="rounded border border-line bg-sunken px-1.5 py-0.5 font-mono text-xs">
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="m-0 text-sm">{row.label}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
