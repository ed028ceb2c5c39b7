// The reader site's 404 page, in the reader's language (unknown slugs, unpublished articles,
// unknown addresses): a normal page with a way home and to search.
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale, routing } from "@/lib/i18n/routing";
import { paths } from "@/lib/public/site";

export default async function NotFound() {
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: "public.notFound" });
  return (
    <div className="message-page">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <ul>
        <li>
          <a href={paths.home(locale)}>{t("home")}</a>
        </li>
        <li>
          <a href={paths.search(locale)}>{t("search")}</a>
        </li>
      </ul>
    </div>
  );
}
