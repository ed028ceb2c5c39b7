"use client";
// The editor-first article page: the text is the page, its settings in a tabbed document panel on
// the right (a drawer behind a "Document" button below 1024 px), and a sticky status bar with the
// save state, who else has it open, the one primary action and the rest in a menu.
import { useState, type ReactNode } from "react";
import { PanelRight } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { useWideScreen } from "@/components/ui/use-wide-screen";

export type DocumentPanels = { tags: ReactNode; photo: ReactNode; workflow: ReactNode; comments: ReactNode; historyHref: string };

function PanelTabs({
  details,
  panels,
  tab,
  setTab,
}: {
  details: ReactNode;
  panels: DocumentPanels;
  tab: string;
  setTab: (tab: string) => void;
}) {
  const t = useTranslations("editor.document");
  const tabs = [
    ["details", t("details"), details],
    ["tags", t("tags"), panels.tags],
    ["photo", t("photo"), panels.photo],
    ["workflow", t("workflow"), panels.workflow],
    ["comments", t("comments"), panels.comments],
  ] as const;
  return (
    <Tabs value={tab} onValueChange={setTab} className="min-w-0">
      <div className="flex items-end gap-2 border-b border-line">
        {/* History is a page of its own: a link beside the tabs, not a tab (a tab list holds only tabs). */}
        <TabsList aria-label={t("panel")} className="flex min-w-0 flex-1 flex-wrap border-b-0">
          {tabs.map(([value, label]) => (
            <TabsTrigger key={value} value={value} className="px-2">
              {label}
            </TabsTrigger>
          ))}
        </TabsList>
        <a href={panels.historyHref} className="shrink-0 px-2 py-2 text-sm font-semibold">
          {t("history")}
        </a>
      </div>
      {tabs.map(([value, , content]) => (
        <TabsContent key={value} value={value} className="min-w-0">
          {content}
        </TabsContent>
      ))}
    </Tabs>
  );
}

type Props = {
  /** Save state and presence, left in the status bar. */
  status: ReactNode;
  /** The primary action (one) and the menu of the others, right in the status bar. */
  actions: ReactNode;
  /** Title and body: the canvas. */
  children: ReactNode;
  details: ReactNode;
  panels: DocumentPanels;
  /** The open tab and the phone's drawer, when the page opens them itself (a comment's marker does). */
  view?: { tab: string; setTab: (tab: string) => void; drawerOpen: boolean; setDrawerOpen: (open: boolean) => void };
};

/** The tab and drawer state, kept here unless the page holds it. */
export function usePanelView() {
  const [tab, setTab] = useState("details");
  const [drawerOpen, setDrawerOpen] = useState(false);
  return { tab, setTab, drawerOpen, setDrawerOpen };
}

export function DocumentWorkspace({ status, actions, children, details, panels, view }: Props) {
  const t = useTranslations("editor.document");
  const wide = useWideScreen();
  const own = usePanelView();
  const { tab, setTab, drawerOpen, setDrawerOpen } = view ?? own;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="min-w-0">
        {/* Sticky, 3.5rem tall at most widths: the formatting toolbar sticks just below it (top-14). */}
        <div
          role="region"
          aria-label={t("statusBar")}
          className="sticky top-0 z-20 -mx-2 mb-4 flex min-h-14 flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-line bg-background px-2 py-1"
        >
          <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">{status}</div>
          <div className="flex flex-wrap items-center gap-2">
            {wide ? null : (
              <Sheet open={drawerOpen} onOpenChange={setDrawerOpen}>
                <SheetTrigger asChild>
                  <Button variant="secondary" size="sm">
                    <PanelRight aria-hidden />
                    {t("open")}
                  </Button>
                </SheetTrigger>
                <SheetContent side="right" closeLabel={t("close")} className="w-[min(26rem,92vw)] p-4 pt-12">
                  <SheetTitle className="sr-only">{t("panel")}</SheetTitle>
                  <SheetDescription className="sr-only">{t("panel")}</SheetDescription>
                  <PanelTabs details={details} panels={panels} tab={tab} setTab={setTab} />
                </SheetContent>
              </Sheet>
            )}
            {actions}
          </div>
        </div>
        {children}
      </div>
      {wide ? (
        <aside aria-label={t("panel")} className="min-w-0 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
          <PanelTabs details={details} panels={panels} tab={tab} setTab={setTab} />
        </aside>
      ) : null}
    </div>
  );
}
