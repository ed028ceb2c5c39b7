// A date as readers of that language write it, in the desk's time zone, machine-readable too.
import { readerFormatter } from "@/lib/i18n/reader-intl";
import type { Locale } from "@/lib/i18n/routing";
import { SITE_TIME_ZONE } from "@/lib/public/search";

export function PublishedDate({
  locale,
  iso,
  withTime = false,
  className,
}: {
  locale: Locale;
  iso: string;
  withTime?: boolean;
  className?: string;
}) {
  const format = readerFormatter(locale);
  const date = new Date(iso);
  return (
    <time dateTime={iso} className={className}>
      {format.dateTime(
        date,
        withTime ? { dateStyle: "long", timeStyle: "short", timeZone: SITE_TIME_ZONE } : { dateStyle: "long", timeZone: SITE_TIME_ZONE },
      )}
    </time>
  );
}
