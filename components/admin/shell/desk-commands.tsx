"use client";
// The desk's keyboard layer: Ctrl/Cmd+K opens the command palette (pages, actions, articles found by
// title on the server), `?` lists the shortcuts. Both are Radix dialogs; other components open
// them through useDeskCommands().
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FileText, Languages, Upload } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { CommandDialog, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import type { NavEntry } from "@/components/admin/shell/desk-nav";
import { NavIcon } from "@/components/admin/shell/nav-icon";
import { initialActionState } from "@/lib/action-state";
import { searchArticleTitles } from "@/lib/articles/search-actions";
import type { TitleSearchHit } from "@/lib/articles/title-search";

type DeskCommands = { openPalette: () => void; openShortcuts: () => void };

const DeskCommandsContext = createContext<DeskCommands>({ openPalette: () => {}, openShortcuts: () => {} });

export function useDeskCommands(): DeskCommands {
  return useContext(DeskCommandsContext);
}

type ProviderProps = { entries: NavEntry[]; canImport: boolean; canTranslate: boolean; canSearchArticles: boolean; children: ReactNode };

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

const SEARCH_DELAY_MS = 200;

type PaletteProps = Omit<ProviderProps, "children"> & { onClose: () => void };

function CommandPalette({ onClose, entries, canImport, canTranslate, canSearchArticles }: PaletteProps) {
  const t = useTranslations("nav");
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<TitleSearchHit[]>([]);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    if (!canSearchArticles || query.trim().length < 2) {
      setHits([]);
      return;
    }
    const request = ++latest.current;
    setSearching(true);
    async function search() {
      const form = new FormData();
      form.set("q", query);
      const result = await searchArticleTitles(initialActionState, form);
      // An older answer arriving after a newer one must not replace it.
      if (request !== latest.current) return;
      setHits(result.ok ? (result.data ?? []) : []);
      setSearching(false);
    }
    const timer = setTimeout(() => void search(), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, canSearchArticles]);

  const go = useCallback(
    (href: string) => {
      onClose();
      router.push(href);
    },
    [onClose, router],
  );

  // cmdk filters pages and actions by their text; article hits are already the server's answer.
  const matches = (text: string) => text.toLowerCase().includes(query.trim().toLowerCase());
  const pages = entries.filter((entry) => matches(entry.label));
  const actions = [
    { key: "import", label: t("palette.startImport"), href: "/admin/import", icon: Upload, allowed: canImport },
    { key: "queue", label: t("palette.openQueue"), href: "/admin/translations", icon: Languages, allowed: canTranslate },
  ].filter((action) => action.allowed && matches(action.label));

  return (
    <CommandDialog
      open
      onOpenChange={(open) => (open ? null : onClose())}
      title={t("palette.title")}
      description={t("palette.description")}
      closeLabel={t("close")}
      label={t("palette.title")}
      shouldFilter={false}
    >
      <CommandInput value={query} onValueChange={setQuery} placeholder={t("palette.placeholder")} aria-label={t("palette.placeholder")} />
      <CommandList>
        <CommandEmpty>{searching ? t("palette.searching") : t("palette.empty")}</CommandEmpty>
        {pages.length ? (
          <CommandGroup heading={t("palette.pages")}>
            {pages.map((entry) => (
              <CommandItem key={entry.href} value={`page ${entry.href}`} onSelect={() => go(entry.href)}>
                <NavIcon name={entry.icon} />
                {entry.label}
              </CommandItem>
            ))}
          </CommandGroup>
        ) : null}
        {actions.length ? (
          <CommandGroup heading={t("palette.actions")}>
            {actions.map((action) => (
              <CommandItem key={action.key} value={`action ${action.key}`} onSelect={() => go(action.href)}>
                <action.icon aria-hidden />
                {action.label}
              </CommandItem>
            ))}
          </CommandGroup>
        ) : null}
        {hits.length ? (
          <CommandGroup heading={t("palette.articles")}>
            {hits.map((hit) => (
              <CommandItem key={hit.id} value={`article ${hit.id}`} onSelect={() => go(`/admin/articles/${hit.id}`)}>
                <FileText aria-hidden />
                <span className="min-w-0 flex-1 truncate" lang={hit.language}>
                  {hit.title}
                </span>
                <Badge>{hit.language.toUpperCase()}</Badge>
              </CommandItem>
            ))}
          </CommandGroup>
        ) : null}
      </CommandList>
      <p aria-live="polite" className="sr-only">
        {query.trim().length >= 2 && !searching ? t("palette.results", { count: hits.length }) : ""}
      </p>
    </CommandDialog>
  );
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
