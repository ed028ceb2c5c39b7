// A readable difference between two snapshots: changed details as a before/after table and the
// body word by word (<del>/<ins>, with spoken labels). Renders on the server (history page) and in
// the browser (conflict screen).
import { useTranslations } from "next-intl";
import type { SnapshotDiff } from "@/lib/editing/diff";

export function DiffView({ diff, headingLevel = 2 }: { diff: SnapshotDiff; headingLevel?: 2 | 3 }) {
  const t = useTranslations("editor");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const bodyChanged = diff.wordsAdded > 0 || diff.wordsRemoved > 0 || diff.body.length > 0;
  if (diff.fields.length === 0 && !bodyChanged && !diff.formattingOnly) return <p data-testid="diff">{t("diff.noChanges")}</p>;
  return (
    <div data-testid="diff" className="stack">
      {diff.fields.length > 0 ? (
        <section>
          <Heading className="text-lg font-bold">{t("diff.fields")}</Heading>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("diff.field")}</th>
                <th scope="col">{t("diff.before")}</th>
                <th scope="col">{t("diff.after")}</th>
              </tr>
            </thead>
            <tbody>
              {diff.fields.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{t(`fieldNames.${change.field}`)}</th>
                  <td>
                    <del className="bg-red-50">{change.before ?? t("diff.empty")}</del>
                  </td>
                  <td>
                    <ins className="bg-green-50">{change.after ?? t("diff.empty")}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {bodyChanged || diff.formattingOnly ? (
        <section>
          <Heading className="text-lg font-bold">{t("diff.body")}</Heading>
          {bodyChanged ? (
            <p className="text-sm text-neutral-700">{t("diff.summary", { added: diff.wordsAdded, removed: diff.wordsRemoved })}</p>
          ) : null}
          {diff.formattingOnly ? <p>{t("diff.formattingOnly")}</p> : null}
          {bodyChanged ? (
            <p className="whitespace-pre-wrap rounded border border-neutral-300 p-3" data-testid="body-diff">
              {diff.body.map((part, index) => {
                if (part.kind === "gap") {
                  return (
                    <span key={index} className="text-neutral-600 italic">
                      {" "}
                      {t("diff.gap", { count: part.words })}{" "}
                    </span>
                  );
                }
                if (part.kind === "added") {
                  return (
                    <ins key={index} className="bg-green-100 text-green-900">
                      <span className="sr-only">{t("diff.added")} </span>
                      {part.text}
                    </ins>
                  );
                }
                if (part.kind === "removed") {
                  return (
                    <del key={index} className="bg-red-100 text-red-900">
                      <span className="sr-only">{t("diff.removed")} </span>
                      {part.text}
                    </del>
                  );
                }
                return <span key={index}>{part.text}</span>;
              })}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
