// The one permission table: which roles may do what. Pages, server actions and tests all read it.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["ADMIN", "EDITOR", "TRANSLATOR"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  "admin.access": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "account.changePassword": ["ADMIN", "EDITOR", "TRANSLATOR"],
  /** See and end one's own sessions (other browsers signed in to the same account). */
  "account.endSessions": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "user.list": ["ADMIN"],
  "user.create": ["ADMIN"],
  "user.changeRole": ["ADMIN"],
  "user.setActive": ["ADMIN"],
  "user.resetPassword": ["ADMIN"],
  "user.endSessions": ["ADMIN"],
  "article.list": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "article.import": ["ADMIN", "EDITOR"],
  /** Edit a source-language version (title, body, metadata) and save revisions. */
  "article.edit": ["ADMIN", "EDITOR"],
  /** Send a version to review; translators may do it for the translations they hold. */
  "article.submit": ["ADMIN", "EDITOR", "TRANSLATOR"],
  /** Approve someone else's submission (see workflow.skipFourEyes for one's own). */
  "article.approve": ["ADMIN", "EDITOR"],
  /** Approve one's own submission: who is exempt from the four-eyes rule. */
  "workflow.skipFourEyes": ["ADMIN"],
  "article.publish": ["ADMIN", "EDITOR"],
  "article.schedule": ["ADMIN", "EDITOR"],
  "article.unpublish": ["ADMIN", "EDITOR"],
  "article.archive": ["ADMIN", "EDITOR"],
  "article.returnToDraft": ["ADMIN", "EDITOR"],
  "article.restoreRevision": ["ADMIN", "EDITOR"],
  "article.correct": ["ADMIN", "EDITOR"],
  "article.comment": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "article.bulk": ["ADMIN", "EDITOR"],
  "translation.edit": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "translation.claim": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "translation.assign": ["ADMIN", "EDITOR"],
  "glossary.manage": ["ADMIN", "EDITOR"],
  "tag.manage": ["ADMIN", "EDITOR"],
  "tag.assign": ["ADMIN", "EDITOR"],
  /** Ingest sources: add feeds, mailboxes and folders, pause, resume, poll now ("internal" stays an admin's). */
  "ingest.manage": ["ADMIN", "EDITOR"],
  "audit.view": ["ADMIN"],
  /** Make and revoke the content API's keys (every key reads published content only). */
  "apiKey.manage": ["ADMIN"],
  /** Register webhook endpoints, read their delivery log, redeliver. */
  "webhook.manage": ["ADMIN"],
  /** Let an ingest source reach private, loopback or link-local addresses. */
  "ingest.markInternal": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
