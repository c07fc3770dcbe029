import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { parseId } from "@/lib/http/params";
import { findEndpoint, listDeliveries, type DeliveryView } from "@/lib/webhooks/endpoints";
import { EndpointActions, ResendButton } from "./_components/endpoint-actions";
import { countText } from "@/components/plural";

export const metadata: Metadata = { title: "Webhook endpoint" };

const STATE_STYLES: Record<DeliveryView["state"], { label: string; className: string }> = {
  PENDING: { label: "Retrying", className: "bg-amber-100 text-amber-800" },
  DELIVERED: { label: "Delivered", className: "bg-green-100 text-green-800" },
  FAILED: { label: "Failed", className: "bg-red-100 text-red-800" },
};

// Attempts are seconds apart at first: show the seconds.
const PRECISE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

const ATTEMPT_ERRORS: Record<string, string> = {
  timeout: "No answer within 10 s",
  connection_failed: "Could not connect",
  address_not_allowed: "Refused: the URL resolves to a private address",
};

export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireAdmin(`/settings/webhooks/${id}`);
  const endpointId = parseId(id);
  const endpoint = endpointId === null ? null : await findEndpoint(user.companyId, endpointId);
  if (!endpoint) notFound();
  const deliveries = await listDeliveries(user.companyId, endpoint.id);
  return (
    <>
      <PageHeader
        crumbs={[{ label: "Settings", href: "/settings" }, { label: "Webhooks", href: "/settings/webhooks" }, { label: endpoint.description ?? "Endpoint" }]}
        actions={<EndpointActions id={endpoint.id} enabled={endpoint.enabled} />}
      />
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
        <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-gray-200 bg-white p-4 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-gray-500">URL</dt>
          <dd className="break-all font-mono">{endpoint.url}</dd>
          <dt className="text-gray-500">Events</dt>
          <dd className="font-mono">{endpoint.events.join(", ")}</dd>
          <dt className="text-gray-500">Status</dt>
          <dd>{endpoint.enabled ? "Active" : "Paused: no new events; waiting deliveries are sent when resumed"}</dd>
        </dl>

        <section aria-labelledby="deliveries-heading">
          <h2 id="deliveries-heading" className="mb-2 font-medium text-gray-900">
            Deliveries
          </h2>
          {deliveries.length === 0 ? (
            <p className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-10 text-center text-sm text-gray-600">
              Nothing sent yet: deliveries appear here when a subscribed event happens.
            </p>
          ) : (
            <ul className="space-y-2">
              {deliveries.map((delivery) => {
                const style = STATE_STYLES[delivery.state];
                return (
                  <li key={delivery.id.toString()} className="rounded-lg border border-gray-200 bg-white">
                    <details open={delivery.state !== "DELIVERED"}>
                      <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-3 text-sm">
                        <span className="font-mono font-medium text-gray-900">{delivery.eventType}</span>
                        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${style.className}`}>{style.label}</span>
                        <span className="text-gray-600">
                          {countText(delivery.attempts, "attempt", "attempts")}
                          {delivery.lastStatus !== null ? `, last HTTP ${delivery.lastStatus}` : ""}
                        </span>
                        <span className="text-gray-500">
                          <DateTime value={delivery.createdAt} />
                        </span>
                        {delivery.state === "PENDING" && delivery.attempts > 0 && (
                          <span className="text-gray-500">
                            next try <DateTime value={delivery.nextAttemptAt} />
                          </span>
                        )}
                      </summary>
                      <div className="border-t border-gray-100 px-4 py-3">
                        <div className="mb-2 flex items-start justify-between gap-3">
                          <p className="font-mono text-xs text-gray-500">Event {delivery.eventId}</p>
                          <ResendButton deliveryId={delivery.id.toString()} eventType={delivery.eventType} />
                        </div>
                        {delivery.attemptsList.length === 0 ? (
                          <p className="text-sm text-gray-600">Not attempted yet.</p>
                        ) : (
                          <table className="w-full text-left text-sm">
                            <caption className="sr-only">Attempts of this delivery</caption>
                            <thead className="text-gray-500">
                              <tr>
                                <th scope="col" className="py-1 pr-3 font-medium">#</th>
                                <th scope="col" className="py-1 pr-3 font-medium">Sent</th>
                                <th scope="col" className="py-1 pr-3 font-medium">Response</th>
                                <th scope="col" className="py-1 pr-3 text-right font-medium">Time</th>
                              </tr>
                            </thead>
                            <tbody className="divide-y divide-gray-50 align-top">
                              {delivery.attemptsList.map((attempt) => (
                                <tr key={attempt.number}>
                                  <td className="py-1.5 pr-3 tabular-nums">{attempt.number}</td>
                                  <td className="py-1.5 pr-3 whitespace-nowrap text-gray-600">
                                    <time dateTime={attempt.startedAt.toISOString()}>{PRECISE.format(attempt.startedAt)} UTC</time>
                                  </td>
                                  <td className="py-1.5 pr-3">
                                    {attempt.statusCode !== null ? (
                                      <span className={attempt.statusCode < 300 ? "text-green-700" : "text-red-700"}>HTTP {attempt.statusCode}</span>
                                    ) : (
                                      <span className="text-red-700">{ATTEMPT_ERRORS[attempt.error ?? ""] ?? attempt.error}</span>
                                    )}
                                    {attempt.responseBody && <code className="ml-2 break-all font-mono text-xs text-gray-500">{attempt.responseBody.slice(0, 200)}</code>}
                                  </td>
                                  <td className="py-1.5 pr-3 text-right tabular-nums text-gray-600">{attempt.durationMs} ms</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        )}
                      </div>
                    </details>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
