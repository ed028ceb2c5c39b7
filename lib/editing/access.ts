// Who may change the text of a language version: editors and admins any version; a translator only
// a translation (never the source language) that they hold. Pure, shared by pages and the service.
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

export type EditableVersion = { language: string; sourceLanguage: string; assigneeId: string | null };

export function mayEditVersion(user: { id: string; role: Role }, version: EditableVersion): boolean {
  if (can(user.role, "article.edit")) return true;
  if (version.language === version.sourceLanguage) return false;
  return can(user.role, "translation.edit") && version.assigneeId === user.id;
}
