// Picks the UI language of each request: the URL's locale on public pages; elsewhere (admin,
// sign-in) the locale cookie, then the browser's Accept-Language, then French.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "@/lib/i18n/messages";
import { chooseLocale, LOCALE_COOKIE } from "@/lib/i18n/negotiate";
import { isLocale, type Locale } from "@/lib/i18n/routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : await preferredLocale();
  return { locale, messages: loadMessages(locale) };
});

async function preferredLocale(): Promise<Locale> {
  return chooseLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}
