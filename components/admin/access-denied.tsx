// Shown in place of a page the signed-in user's role may not open.
import { getTranslations } from "next-intl/server";

export async function AccessDenied() {
  const t = await getTranslations("errors");
  return (
    <section aria-labelledby="denied-title">
      <h1 id="denied-title">{t("accessDenied")}</h1>
    </section>
  );
}
