"use client";
// What a reader sees when a page fails: a plain message in their language, a retry and a way home.
// The strings come straight from the message files so reader pages need no i18n runtime in the
// browser; the details stay in the server log and the digest lets the desk find them.
import { useParams } from "next/navigation";
import en from "@/messages/en/public.json";
import fr from "@/messages/fr/public.json";

export default function PublicError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale: string }>();
  const lang = locale === "en" ? "en" : "fr";
  const t = (lang === "en" ? en : fr).error;
  return (
    <div className="message-page" role="alert">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      {error.digest ? <p className="meta">#{error.digest}</p> : null}
      <p>
        <button type="button" className="button" onClick={reset}>
          {t.retry}
        </button>{" "}
        <a href={`/${lang}`}>{t.home}</a>
      </p>
    </div>
  );
}
