"use client";
// The desk's keyboard layer: Ctrl/Cmd+K opens the command palette (pages, actions, articles found by
// title on the server), `?` lists the shortcuts; other components open them through
// useDeskCommands(). The dialogs themselves (cmdk, Radix) load on first use: no desk page's first
// load carries them.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import dynamic from "next/dynamic";
import type { NavEntry } from "@/components/admin/shell/desk-nav";

const LazyCommandPalette = dynamic(() => import("./desk-command-dialogs").then((module) => module.CommandPalette), { ssr: false });
const LazyShortcutsDialog = dynamic(() => import("./desk-command-dialogs").then((module) => module.ShortcutsDialog), { ssr: false });

type DeskCommands = { openPalette: () => void; openShortcuts: () => void };

const DeskCommandsContext = createContext<DeskCommands>({ openPalette: () => {}, openShortcuts: () => {} });

export function useDeskCommands(): DeskCommands {
  return useContext(DeskCommandsContext);
}

type ProviderProps = {
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
        <LazyCommandPalette
          onClose={() => setPaletteOpen(false)}
          entries={entries}
          canImport={canImport}
          canTranslate={canTranslate}
          canSearchArticles={canSearchArticles}
        />
      ) : null}
      {shortcutsOpen ? <LazyShortcutsDialog onClose={() => setShortcutsOpen(false)} /> : null}
    </DeskCommandsContext.Provider>
  );
}

/** A key typed into a field, the editor or a select is text, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}
