"use client";
// The sidebar's page links, the current one marked for everyone (aria-current) and visibly.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { isCurrent, type NavEntry } from "@/components/admin/shell/desk-nav";
import { NavIcon } from "@/components/admin/shell/nav-icon";

export function SidebarNav({ entries, label, onNavigate }: { entries: NavEntry[]; label: string; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="m-0 flex list-none flex-col gap-0.5 p-0">
        {entries.map((entry) => {
          const current = isCurrent(entry.href, pathname);
          return (
            <li key={entry.href}>
              <Link
                href={entry.href}
                aria-current={current ? "page" : undefined}
                onClick={onNavigate}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-foreground no-underline hover:bg-hover",
                  current && "bg-hover font-semibold text-primary shadow-[inset_3px_0_0_var(--primary)]",
                )}
              >
                <NavIcon name={entry.icon} className="size-4 shrink-0" />
                {entry.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
