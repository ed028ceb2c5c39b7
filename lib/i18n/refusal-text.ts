// A refusal's text in a given language, outside a request: for the import CLI (English) and the
// tests. Requests get theirs from defineAction, in the person's language.
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import { refusalText, type MessageTranslator, type RefusalReason } from "@/lib/refusal";

export function refusalTextIn(locale: Locale, reason: RefusalReason): string {
  const translate = createTranslator({ locale, messages: loadMessages(locale) } as Parameters<
    typeof createTranslator
  >[0]) as MessageTranslator;
  return refusalText(reason, translate);
}
