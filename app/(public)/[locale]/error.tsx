"use client";
// What a reader sees when a page fails: a plain message in their language, a retry and a way home.
// The details stay in the server log; the digest lets the desk find them.
import { useLocale, useTranslations } from "next-intl";

export default function PublicError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("public.error");
  const locale = useLocale();
  return (
    <div className="message-page" role="alert">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      {error.digest ? <p className="meta">#{error.digest}</p> : null}
      <p>
        <button type="button" className="button" onClick={reset}>
          {t("retry")}
        </button>{" "}
        <a href={`/${locale}`}>{t("home")}</a>
      </p>
    </div>
  );
}
