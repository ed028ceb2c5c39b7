// The message namespaces the browser receives: only those client components read. Server components
// translate on the server, so giving the client provider the whole catalogue put ~55 KB of JSON in
// every desk page's payload. lib/i18n/client-messages.test.ts fails when a client string's
// namespace is missing here (the string would show its key).
import type { AbstractIntlMessages } from "next-intl";

export const CLIENT_MESSAGE_NAMESPACES = [
  "account",
  "apiKeys",
  "common",
  "editor",
  "errors",
  "import",
  "importReview",
  "ingest",
  "lists",
  "media",
  "nav",
  "roles",
  "signIn",
  "tags",
  "translations",
  "users",
  "webhooks",
  "workflow",
] as const;

/** The part of a locale's catalogue that client components read. */
export function clientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const namespace of CLIENT_MESSAGE_NAMESPACES) {
    const part = messages[namespace];
    if (part !== undefined) picked[namespace] = part;
  }
  return picked;
}
