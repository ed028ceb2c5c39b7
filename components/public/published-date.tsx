// A date as readers of that language write it, in the desk's time zone, machine-readable too.
import { getFormatter } from "next-intl/server";
import { SITE_TIME_ZONE } from "@/lib/public/search";

export async function PublishedDate({ iso, withTime = false, className }: { iso: string; withTime?: boolean; className?: string }) {
  const format = await getFormatter();
  const date = new Date(iso);
  return (
    <time dateTime={iso} className={className}>
      {format.dateTime(date, withTime ? { dateStyle: "long", timeStyle: "short", timeZone: SITE_TIME_ZONE } : { dateStyle: "long", timeZone: SITE_TIME_ZONE })}
    </time>
  );
}
