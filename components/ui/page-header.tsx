// The top of every desk page: breadcrumbs on nested pages, the title (the page's one <h1>) and the
// slot for its one primary action. Server-rendered; pages pass links or forms as the action.
import type { ReactNode } from "react";
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { getTranslations } from "next-intl/server";

export type Breadcrumb = { href: string; label: string };

type PageHeaderProps = { title: ReactNode; action?: ReactNode; breadcrumbs?: Breadcrumb[]; description?: ReactNode };

export async function PageHeader({ title, action, breadcrumbs, description }: PageHeaderProps) {
  const t = await getTranslations("nav");
  return (
    <header className="mb-6 flex flex-col gap-2 border-b border-line pb-4">
      {breadcrumbs?.length ? (
        <nav aria-label={t("breadcrumbs")}>
          <ol className="m-0 flex list-none flex-wrap items-center gap-1 p-0 text-sm text-muted-foreground">
            {breadcrumbs.map((crumb) => (
              <li key={crumb.href} className="flex items-center gap-1">
                <Link href={crumb.href} className="text-muted-foreground">
                  {crumb.label}
                </Link>
                <ChevronRight aria-hidden className="size-3.5" />
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="m-0">{title}</h1>
        {action ? <div className="flex items-center gap-2">{action}</div> : null}
      </div>
      {description ? <p className="m-0 text-muted-foreground">{description}</p> : null}
    </header>
  );
}
