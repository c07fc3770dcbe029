import { notFound } from "next/navigation";
import type { DateTimeFormatOptions } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { requireAdmin } from "@/lib/auth/session";
import { parseId } from "@/lib/http/params";
import { findEndpoint, listDeliveries, type DeliveryView } from "@/lib/webhooks/endpoints";
import { EmptyList } from "../../_components/list-with-form-page";
import { EndpointActions, ResendButton } from "./_components/endpoint-actions";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("webhooks", "endpoint.title");

const STATE_STYLES: Record<DeliveryView["state"], string> = {
  PENDING: "bg-amber-100 text-amber-800",
  DELIVERED: "bg-green-100 text-green-800",
  FAILED: "bg-red-100 text-red-800",
};

// Attempts are seconds apart at first: show the seconds (in the reader's time zone, named).
const PRECISE: DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short" };

// The errors lib/webhooks/delivery records when no HTTP answer came; any other is shown as recorded.
const ATTEMPT_ERRORS = new Set(["timeout", "connection_failed", "address_not_allowed"]);

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireAdmin(`/settings/webhooks/${id}`);
  const endpointId = parseId(id);
  const endpoint = endpointId === null ? null : await findEndpoint(user.companyId, endpointId);
  if (!endpoint) notFound();
  const [t, common, format, deliveries] = await Promise.all([
    getTranslations("webhooks"),
    getTranslations("common"),
    getFormatter(),
    listDeliveries(user.companyId, endpoint.id),
  ]);
  return (
    <>
      <PageHeader
        crumbs={[
          { label: common("nav.settings"), href: "/settings" },
          { label: t("title"), href: "/settings/webhooks" },
          { label: endpoint.description ?? t("endpoint.fallbackName") },
        ]}
        actions={<EndpointActions id={endpoint.id} enabled={endpoint.enabled} />}
      />
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
        <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-gray-200 bg-white p-4 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-gray-500">{t("endpoint.url")}</dt>
          <dd className="break-all font-mono">{endpoint.url}</dd>
          <dt className="text-gray-500">{t("endpoint.events")}</dt>
          <dd className="font-mono">{endpoint.events.join(", ")}</dd>
          <dt className="text-gray-500">{t("endpoint.status")}</dt>
          <dd>{t(endpoint.enabled ? "endpoint.active" : "endpoint.paused")}</dd>
        </dl>

        <Section title={t("deliveries.heading")}>
          {deliveries.length === 0 ? (
            <EmptyList>{t("deliveries.empty")}</EmptyList>
          ) : (
            <ul className="space-y-2">
              {deliveries.map((delivery) => (
                <li key={delivery.id.toString()} className="rounded-lg border border-gray-200 bg-white">
                  <details open={delivery.state !== "DELIVERED"}>
                    <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-3 text-sm">
                      <span className="font-mono font-medium text-gray-900">{delivery.eventType}</span>
                      <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_STYLES[delivery.state]}`}>{t(`deliveries.state.${delivery.state}`)}</span>
                      <span className="text-gray-600">
                        {t("deliveries.attempts", { count: delivery.attempts })}
                        {delivery.lastStatus !== null ? t("deliveries.lastStatus", { status: String(delivery.lastStatus) }) : ""}
                      </span>
                      <span className="text-gray-500">
                        <DateTime value={delivery.createdAt} />
                      </span>
                      {delivery.state === "PENDING" && delivery.attempts > 0 && (
                        <span className="text-gray-500">{t.rich("deliveries.nextTry", { date: () => <DateTime value={delivery.nextAttemptAt} /> })}</span>
                      )}
                    </summary>
                    <div className="border-t border-gray-100 px-4 py-3">
                      <div className="mb-2 flex items-start justify-between gap-3">
                        <p className="font-mono text-xs text-gray-500">{t("deliveries.event", { id: delivery.eventId })}</p>
                        <ResendButton deliveryId={delivery.id.toString()} eventType={delivery.eventType} />
                      </div>
                      <DataTable
                        framed={false}
                        caption={t("deliveries.attemptsCaption")}
                        rows={delivery.attemptsList}
                        rowKey={(attempt) => attempt.number}
                        empty={t("deliveries.notAttempted")}
                        columns={[
                          { key: "number", header: t("deliveries.number"), numeric: true, cell: (attempt) => attempt.number },
                          {
                            key: "sent",
                            header: t("deliveries.sent"),
                            nowrap: true,
                            className: "text-gray-600",
                            cell: (attempt) => <time dateTime={attempt.startedAt.toISOString()}>{format.dateTime(attempt.startedAt, PRECISE)}</time>,
                          },
                          {
                            key: "response",
                            header: t("deliveries.response"),
                            cell: (attempt) => (
                              <>
                                {attempt.statusCode !== null ? (
                                  <span className={attempt.statusCode < 300 ? "text-green-700" : "text-red-700"}>{t("deliveries.http", { status: String(attempt.statusCode) })}</span>
                                ) : (
                                  <span className="text-red-700">{attempt.error && ATTEMPT_ERRORS.has(attempt.error) ? t(`deliveries.errors.${attempt.error}`) : attempt.error}</span>
                                )}
                                {attempt.responseBody && <code className="ml-2 break-all font-mono text-xs text-gray-500">{attempt.responseBody.slice(0, 200)}</code>}
                              </>
                            ),
                          },
                          { key: "time", header: t("deliveries.time"), numeric: true, className: "text-gray-600", cell: (attempt) => t("deliveries.duration", { ms: attempt.durationMs }) },
                        ]}
                      />
                    </div>
                  </details>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </>
  );
}
