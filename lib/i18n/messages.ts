// Loads the UI strings of one locale: one JSON file per namespace in messages/<locale>/, so each
// feature owns its own file. Read once per process (they only change with a deploy).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "@/lib/i18n/routing";

const MESSAGES_DIR = path.join(process.cwd(), "messages");
const loaded = new Map<Locale, Record<string, unknown>>();

export function loadMessages(locale: Locale): Record<string, unknown> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const dir = path.join(MESSAGES_DIR, locale);
  const messages = Object.fromEntries(
    readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .sort()
      .map((file) => [file.slice(0, -".json".length), JSON.parse(readFileSync(path.join(dir, file), "utf8"))]),
  );
  loaded.set(locale, messages);
  return messages;
}
