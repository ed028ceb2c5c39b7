// Translators and date formatters for the reader site, which renders outside a React Server
// Component render (route handlers, lib/public/html-document.ts): next-intl's getTranslations
// caches per render, so there every call re-parsed its messages and rebuilt its Intl formatters
// (measured: about 5 ms of each article page). These are built once per locale and namespace and
// kept for the life of the process (messages only change with a deploy).
import { createFormatter, createTranslator } from "next-intl";
import type { getTranslations } from "next-intl/server";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";

/** The same translator type as next-intl's getTranslations gives (messages are not typed by key). */
type ReaderTranslator = Awaited<ReturnType<typeof getTranslations>>;

const translators = new Map<string, ReaderTranslator>();
const formatters = new Map<Locale, ReturnType<typeof createFormatter>>();

/** The messages of one namespace ("public.article") in one language. */
export function readerTranslator(locale: Locale, namespace: string): ReaderTranslator {
  const key = `${locale}:${namespace}`;
  let translator = translators.get(key);
  if (!translator) {
    translator = createTranslator({ locale, messages: loadMessages(locale), namespace }) as ReaderTranslator;
    translators.set(key, translator);
  }
  return translator;
}

/** Dates and numbers as readers of that language write them. */
export function readerFormatter(locale: Locale) {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = createFormatter({ locale });
    formatters.set(locale, formatter);
  }
  return formatter;
}
