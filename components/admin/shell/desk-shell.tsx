"use client";
// The desk's frame: a sidebar (brand, search, pages, the user menu) beside the page at desktop
// width; at phone width a top bar whose menu button opens the same sidebar as a drawer (Radix
// dialog: focus trapped, Escape closes, focus returns to the button).
import { useState, type ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Menu, Search } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { useDeskCommands } from "@/components/admin/shell/desk-commands";
import type { NavEntry } from "@/components/admin/shell/desk-nav";
import { SidebarNav } from "@/components/admin/shell/sidebar-nav";
import { UserMenu } from "@/components/admin/shell/user-menu";
import type { Theme } from "@/components/admin/shell/theme";

type DeskShellProps = {
  entries: NavEntry[];
  user: { name: string; role: string; canChangePassword: boolean };
  locale: string;
  theme: Theme;
  children: ReactNode;
};

export function DeskShell({ entries, user, locale, theme, children }: DeskShellProps) {
  const t = useTranslations();
  const [drawerOpen, setDrawerOpen] = useState(false);

  // Inside the drawer, following a link closes it (also when the page was already current).
  const sidebar = (onNavigate?: () => void) => (
    <div className="flex h-full flex-col gap-4 p-3">
      <Link href="/admin" className="px-3 pt-2 text-base font-bold text-foreground no-underline" onClick={onNavigate}>
        {t("common.adminName")}
      </Link>
      <PaletteButton />
      <div className="flex-1">
        <SidebarNav entries={entries} label={t("nav.main")} onNavigate={onNavigate} />
      </div>
      <div className="border-t border-line pt-3">
        <UserMenu name={user.name} role={user.role} locale={locale} theme={theme} canChangePassword={user.canChangePassword} />
      </div>
    </div>
  );

  return (
    <div className="min-h-screen md:grid md:grid-cols-[16rem_1fr]">
      <aside className="sticky top-0 hidden h-screen overflow-y-auto border-r border-line bg-sunken md:block" data-testid="sidebar">
        {sidebar()}
      </aside>
      <div className="sticky top-0 z-30 flex items-center gap-2 border-b border-line bg-sunken px-3 py-2 md:hidden">
        <Sheet open={drawerOpen} onOpenChange={setDrawerOpen}>
          <SheetTrigger asChild>
            <Button variant="ghost" size="icon" aria-label={t("nav.openMenu")} data-testid="open-menu">
              <Menu aria-hidden className="size-5" />
            </Button>
          </SheetTrigger>
          <SheetContent side="left" closeLabel={t("nav.closeMenu")} className="bg-sunken" data-testid="nav-drawer">
            <SheetTitle className="sr-only">{t("nav.main")}</SheetTitle>
            <SheetDescription className="sr-only">{t("common.adminName")}</SheetDescription>
            {sidebar(() => setDrawerOpen(false))}
          </SheetContent>
        </Sheet>
        <Link href="/admin" className="font-bold text-foreground no-underline">
          {t("common.adminName")}
        </Link>
      </div>
      <main id="main" className="min-w-0 px-4 py-6 md:px-8">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}

function PaletteButton() {
  const t = useTranslations("nav");
  const { openPalette } = useDeskCommands();
  return (
    <button
      type="button"
      onClick={openPalette}
      className="flex w-full cursor-pointer items-center gap-2 rounded-md border border-line bg-surface px-3 py-2 text-left text-sm text-muted-foreground hover:bg-hover"
    >
      <Search aria-hidden className="size-4" />
      <span className="flex-1">{t("search")}</span>
      <kbd aria-hidden className="rounded border border-line px-1.5 font-mono text-xs">
        Ctrl K
      </kbd>
    </button>
  );
}
