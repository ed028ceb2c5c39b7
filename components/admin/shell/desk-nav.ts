// The desk's pages in the sidebar and the palette, each with the permission that shows it (the one
// permission table decides; the page checks again on the server). Icons are named, not imported,
// so this list can cross from the server layout to client components.
import type { Permission } from "@/lib/auth/permissions";

export type NavIcon =
  | "dashboard"
  | "articles"
  | "import"
  | "ingest"
  | "translations"
  | "photos"
  | "tags"
  | "users"
  | "audit"
  | "security"
  | "apiKeys"
  | "webhooks";

export type NavEntry = { href: string; label: string; icon: NavIcon };

const NAV: (NavEntry & { permission: Permission })[] = [
  { href: "/admin", label: "dashboard", icon: "dashboard", permission: "admin.access" },
  { href: "/admin/articles", label: "articles", icon: "articles", permission: "article.list" },
  { href: "/admin/import", label: "imports", icon: "import", permission: "article.import" },
  { href: "/admin/ingest", label: "ingest", icon: "ingest", permission: "ingest.manage" },
  { href: "/admin/translations", label: "translations", icon: "translations", permission: "translation.edit" },
  { href: "/admin/media", label: "media", icon: "photos", permission: "article.list" },
  { href: "/admin/tags", label: "tags", icon: "tags", permission: "tag.manage" },
  { href: "/admin/users", label: "users", icon: "users", permission: "user.list" },
  { href: "/admin/audit", label: "audit", icon: "audit", permission: "audit.view" },
  { href: "/admin/security", label: "security", icon: "security", permission: "audit.view" },
  { href: "/admin/api-keys", label: "apiKeys", icon: "apiKeys", permission: "apiKey.manage" },
  { href: "/admin/webhooks", label: "webhooks", icon: "webhooks", permission: "webhook.manage" },
];

/** The entries this person may open, labels already translated. */
export function navFor(can: (permission: Permission) => boolean, translate: (key: string) => string): NavEntry[] {
  return NAV.filter((entry) => can(entry.permission)).map(({ href, label, icon }) => ({ href, icon, label: translate(label) }));
}

/** The entry a path belongs to: the dashboard only at its own path, others also for their sub-pages. */
export function isCurrent(href: string, pathname: string): boolean {
  return href === "/admin" ? pathname === "/admin" : pathname === href || pathname.startsWith(`${href}/`);
}
