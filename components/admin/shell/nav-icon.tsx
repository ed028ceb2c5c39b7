// The lucide icon of each sidebar entry (decorative: the entry's text names it).
import {
  FileText,
  Gauge,
  Image,
  KeyRound,
  Languages,
  Rss,
  ScrollText,
  Send,
  ShieldCheck,
  Tags,
  Upload,
  Users,
  type LucideIcon,
} from "lucide-react";
import type { NavIcon as NavIconName } from "@/components/admin/shell/desk-nav";

const ICONS: Record<NavIconName, LucideIcon> = {
  dashboard: Gauge,
  articles: FileText,
  import: Upload,
  ingest: Rss,
  translations: Languages,
  photos: Image,
  tags: Tags,
  users: Users,
  audit: ScrollText,
  security: ShieldCheck,
  apiKeys: KeyRound,
  webhooks: Send,
};

export function NavIcon({ name, className }: { name: NavIconName; className?: string }) {
  const Icon = ICONS[name];
  return <Icon aria-hidden className={className} />;
}
