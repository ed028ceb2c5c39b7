"use client";
// Switches the admin interface between French and English.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState } from "@/lib/action-state";
import { setInterfaceLanguage } from "@/lib/users/actions";

export function InterfaceLanguageForm({ current }: { current: string }) {
  const t = useTranslations();
  const [, formAction, pending] = useActionState(setInterfaceLanguage, initialActionState);
  const other = current === "fr" ? "en" : "fr";
  return (
    <form action={formAction}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        className="button link"
        disabled={pending}
        lang={other}
        aria-label={`${t("nav.interfaceLanguage")}: ${other === "fr" ? t("common.french") : t("common.english")}`}
      >
        {other === "fr" ? t("common.french") : t("common.english")}
      </button>
    </form>
  );
}
