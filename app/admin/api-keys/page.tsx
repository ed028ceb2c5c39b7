// Content API keys (admins): make one per partner, see when each was last used, revoke one alone.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Metadata } from "next";
import { AccessDenied } from "@/components/admin/access-denied";
import { CreateApiKeyForm, RevokeApiKeyButton } from "@/components/admin/api-key-forms";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { DataList } from "@/components/ui/data-list";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api/keys";
import { API_BASE } from "@/lib/api/paths";
import { requireUser, userCan } from "@/lib/auth/session";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("apiKeys");
}

export default async function ApiKeysPage() {
  const user = await requireUser();
  if (!userCan(user, "apiKey.manage")) return <AccessDenied />;
  const [keys, t, format] = await Promise.all([listApiKeys(), getTranslations("apiKeys"), getFormatter()]);
  const when = (date: Date | null) =>
    date ? <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: "medium", timeStyle: "short" })}</time> : t("never");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        action={
          <Link href={`${API_BASE}/openapi.json`} className={buttonVariants({ variant: "secondary" })}>
            {t("docs")}
          </Link>
        }
      />
      <section aria-labelledby="new-key" className="max-w-xl">
        <h2 id="new-key">{t("create")}</h2>
        <CreateApiKeyForm />
      </section>
      <section aria-labelledby="all-keys" className="mt-8">
        <h2 id="all-keys">{t("list")}</h2>
        <DataList
          label={t("list")}
          testId="api-key-list"
          rows={keys}
          rowKey={(row) => row.id}
          rowAttributes={(row) => ({ "data-testid": `api-key-${row.name}` })}
          empty={{ title: t("empty") }}
          columns={[
            { key: "name", header: t("name"), primary: true, cell: (row) => row.name },
            { key: "key", header: t("key"), cell: (row) => <code>{row.prefix}…</code> },
            {
              key: "status",
              header: t("status"),
              cell: (row) => <Badge tone={row.revokedAt ? "neutral" : "success"}>{row.revokedAt ? t("revoked") : t("active")}</Badge>,
            },
            { key: "createdAt", header: t("createdAt"), cell: (row) => when(row.createdAt) },
            { key: "createdBy", header: t("createdBy"), cell: (row) => row.createdBy ?? "—" },
            { key: "lastUsed", header: t("lastUsed"), cell: (row) => when(row.lastUsedAt) },
            {
              key: "revoke",
              header: t("revoke"),
              cell: (row) => (row.revokedAt ? null : <RevokeApiKeyButton id={row.id} name={row.name} />),
            },
          ]}
        />
      </section>
    </>
  );
}
