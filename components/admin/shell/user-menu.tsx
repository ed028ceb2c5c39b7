"use client";
// The signed-in person's menu at the foot of the sidebar: account, interface language, theme,
// keyboard shortcuts and sign-out. Each is a Radix menu item; the forms they submit sit outside the
// menu so closing it never cancels a submission.
import { useActionState, useRef, useState, useTransition } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ChevronsUpDown, Keyboard, Languages, LogOut, Monitor, Moon, Sun, UserRound } from "lucide-react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useActionToast } from "@/components/ui/use-action-toast";
import { useDeskCommands } from "@/components/admin/shell/desk-commands";
import { THEME_COOKIE, THEMES, parseTheme, type Theme } from "@/components/admin/shell/theme";
import { initialActionState } from "@/lib/action-state";
import { signOutOfAdmin } from "@/lib/auth/actions";
import { setInterfaceLanguage } from "@/lib/users/actions";

type UserMenuProps = { name: string; role: string; locale: string; theme: Theme; canChangePassword: boolean };

const THEME_ICONS = { system: Monitor, light: Sun, dark: Moon } as const;
const THEME_LABELS = { system: "themeSystem", light: "themeLight", dark: "themeDark" } as const;

export function UserMenu({ name, role, locale, theme: initialTheme, canChangePassword }: UserMenuProps) {
  const t = useTranslations();
  const { openShortcuts } = useDeskCommands();
  const signOutForm = useRef<HTMLFormElement>(null);
  const [theme, setTheme] = useState(initialTheme);
  const [languageState, changeLanguage, languagePending] = useActionState(setInterfaceLanguage, initialActionState);
  const [, startTransition] = useTransition();
  useActionToast(languageState);
  const other = locale === "fr" ? "en" : "fr";
  const otherName = other === "fr" ? t("common.french") : t("common.english");

  function chooseTheme(value: string) {
    const next = parseTheme(value);
    setTheme(next);
    const root = document.documentElement.classList;
    root.remove("light", "dark");
    if (next !== "system") root.add(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  }

  function switchLanguage() {
    const form = new FormData();
    form.set("locale", other);
    startTransition(() => changeLanguage(form));
  }

  return (
    <>
      <form ref={signOutForm} action={signOutOfAdmin} hidden />
      <DropdownMenu>
        <DropdownMenuTrigger
          data-testid="user-menu"
          className="flex w-full cursor-pointer items-center gap-3 rounded-md px-2 py-2 text-left text-foreground hover:bg-hover"
        >
          <span
            aria-hidden
            className="inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-primary text-sm font-bold text-primary-foreground"
          >
            {initials(name)}
          </span>
          <span data-testid="signed-in-as" className="min-w-0 flex-1">
            <span className="sr-only">{t("nav.signedInAs", { name, role })}</span>
            <span aria-hidden className="block truncate text-sm font-semibold">
              {name}
            </span>
            <span aria-hidden className="block truncate text-xs text-muted-foreground">
              {role}
            </span>
          </span>
          <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-muted-foreground" />
        </DropdownMenuTrigger>
        <DropdownMenuContent side="top" align="start" className="w-64" aria-label={t("nav.userMenu")}>
          <DropdownMenuLabel>{t("nav.signedInAs", { name, role })}</DropdownMenuLabel>
          {canChangePassword ? (
            <DropdownMenuItem asChild>
              <Link href="/admin/account">
                <UserRound aria-hidden />
                {t("nav.account")}
              </Link>
            </DropdownMenuItem>
          ) : null}
          <DropdownMenuItem
            lang={other}
            disabled={languagePending}
            onSelect={switchLanguage}
            aria-label={`${t("nav.interfaceLanguage")}: ${otherName}`}
          >
            <Languages aria-hidden />
            {otherName}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={openShortcuts}>
            <Keyboard aria-hidden />
            {t("nav.shortcuts.title")}
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuLabel>{t("nav.theme")}</DropdownMenuLabel>
          <DropdownMenuRadioGroup value={theme} onValueChange={chooseTheme}>
            {THEMES.map((value) => {
              const Icon = THEME_ICONS[value];
              return (
                <DropdownMenuRadioItem key={value} value={value}>
                  <Icon aria-hidden />
                  {t(`nav.${THEME_LABELS[value]}`)}
                </DropdownMenuRadioItem>
              );
            })}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()}>
            <LogOut aria-hidden />
            {t("nav.signOut")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}
