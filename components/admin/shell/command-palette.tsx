"use client";
// The command palette (Ctrl/Cmd+K): the desk's pages and actions filtered by their text, and
// articles found by title on the server. Loaded on first use by desk-commands.tsx.
import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FileText, Languages, Upload } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { CommandDialog, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from "@/components/ui/command";
import type { ProviderProps } from "@/components/admin/shell/desk-commands";
import { NavIcon } from "@/components/admin/shell/nav-icon";
import { initialActionState } from "@/lib/action-state";
import { searchArticleTitles } from "@/lib/articles/search-actions";
import type { TitleSearchHit } from "@/lib/articles/title-search";

const SEARCH_DELAY_MS = 200;

type PaletteProps = Omit<ProviderProps, "children"> & { onClose: () => void };

export function CommandPalette({ onClose, entries, canImport, canTranslate, canSearchArticles }: PaletteProps) {
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
