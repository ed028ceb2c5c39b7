// The one permission table: which roles may do what. Pages, server actions and tests all read it.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["ADMIN", "EDITOR", "TRANSLATOR"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  "admin.access": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "account.changePassword": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "user.list": ["ADMIN"],
  "user.create": ["ADMIN"],
  "user.changeRole": ["ADMIN"],
  "user.setActive": ["ADMIN"],
  "user.resetPassword": ["ADMIN"],
  "article.list": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "article.import": ["ADMIN", "EDITOR"],
  "article.edit": ["ADMIN", "EDITOR"],
  "article.publish": ["ADMIN", "EDITOR"],
  "translation.edit": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "tag.manage": ["ADMIN", "EDITOR"],
  "audit.view": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
