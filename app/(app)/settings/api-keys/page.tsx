import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { linkChunks } from "@/components/text-link";
import { displayPrefix, listApiKeys } from "@/lib/api/keys";
import { API_SCOPES, type ApiScope } from "@/lib/api/keys-scopes";
import { requireAdmin } from "@/lib/auth/session";
import { ListWithFormPage } from "../_components/list-with-form-page";
import { NewKeyForm } from "./_components/new-key-form";
import { RevokeButton } from "./_components/revoke-button";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("apiKeys", "title");

const isScope = (scope: string): scope is ApiScope => (API_SCOPES as readonly string[]).includes(scope);

export default async function ApiKeysPage() {
  const user = await requireAdmin("/settings/api-keys");
  const [t, keys] = await Promise.all([getTranslations("apiKeys"), listApiKeys(user.companyId)]);
  return (
    <ListWithFormPage title={t("title")} heading={t("keys.heading")} formWidth="20rem" form={<NewKeyForm />}>
      <DataTable
        caption={t("keys.caption")}
        rows={keys}
        empty={t("keys.empty")}
        rowClassName={(key) => (key.revokedAt ? "text-gray-400" : "")}
        columns={[
          {
            key: "name",
            header: t("keys.name"),
            rowHeader: true,
            cell: (key) => key.name,
            detail: (key) => t.rich("keys.created", { date: () => <DateTime value={key.createdAt} /> }),
          },
          { key: "key", header: t("keys.key"), nowrap: true, className: "font-mono text-xs", cell: (key) => displayPrefix(key.prefix) },
          { key: "scopes", header: t("keys.scopes"), cell: (key) => key.scopes.map((scope) => (isScope(scope) ? t(`scopes.${scope}.label`) : scope)).join(", ") },
          { key: "lastUsed", header: t("keys.lastUsed"), className: "text-gray-600", cell: (key) => (key.lastUsedAt ? <DateTime value={key.lastUsedAt} /> : t("keys.never")) },
          {
            key: "actions",
            header: t("keys.actions"),
            headerHidden: true,
            className: "text-right",
            cell: (key) =>
              key.revokedAt ? (
                <span className="text-xs">{t.rich("keys.revoked", { date: () => <DateTime value={key.revokedAt} /> })}</span>
              ) : (
                <RevokeButton id={key.id} name={key.name} />
              ),
          },
        ]}
      />
      <p className="mt-3 text-sm text-gray-600">
        {t.rich("keys.footnote", { link: linkChunks("/developers/api") })}
      </p>
    </ListWithFormPage>
  );
}
