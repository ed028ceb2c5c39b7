// The webhook events, pure so forms (client code) and the server read one list.
export const WEBHOOK_EVENTS = ["article.published", "article.updated", "article.unpublished", "translation.published"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** An event's message key: next-intl reads dots as nesting, so article.published is article_published. */
export function eventKey(event: string): string {
  return event.replace(".", "_");
}
