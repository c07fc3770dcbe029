import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateTime } from "@/components/date-time";
import { requireAdmin } from "@/lib/auth/session";
import { listEndpoints } from "@/lib/webhooks/endpoints";
import { EmptyList, ListWithFormPage } from "../_components/list-with-form-page";
import { EndpointForm } from "./_components/endpoint-form";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("webhooks", "title");

export default async function WebhooksPage() {
  const user = await requireAdmin("/settings/webhooks");
  const [t, endpoints] = await Promise.all([getTranslations("webhooks"), listEndpoints(user.companyId)]);
  return (
    <ListWithFormPage title={t("title")} heading={t("endpoints.heading")} formWidth="22rem" form={<EndpointForm />}>
      {endpoints.length === 0 ? (
        <EmptyList>{t("endpoints.empty")}</EmptyList>
      ) : (
        <ul className="divide-y divide-gray-100 rounded-lg border border-gray-200 bg-white">
          {endpoints.map((endpoint) => (
            <li key={endpoint.id} className="relative px-4 py-3 hover:bg-brand-50">
              <Link href={`/settings/webhooks/${endpoint.id}`} className="block break-all font-mono text-sm text-gray-900 after:absolute after:inset-0">
                {endpoint.url}
              </Link>
              <p className="mt-1 text-sm text-gray-600">
                {endpoint.description ? `${endpoint.description} · ` : ""}
                {endpoint.events.join(", ")}
              </p>
              <p className="mt-1 flex flex-wrap gap-2 text-xs text-gray-500">
                <span className={endpoint.enabled ? "text-green-700" : "text-amber-700"}>{t(endpoint.enabled ? "endpoints.active" : "endpoints.paused")}</span>
                {endpoint.pending > 0 && <span>{t("endpoints.waiting", { count: endpoint.pending })}</span>}
                {endpoint.failed > 0 && <span className="text-red-700">{t("endpoints.failed", { count: endpoint.failed })}</span>}
                <span>{t.rich("endpoints.added", { date: () => <DateTime value={endpoint.createdAt} /> })}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </ListWithFormPage>
  );
}
