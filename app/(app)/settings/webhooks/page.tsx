import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { listEndpoints } from "@/lib/webhooks/endpoints";
import { EndpointForm } from "./_components/endpoint-form";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const user = await requireAdmin("/settings/webhooks");
  const endpoints = await listEndpoints(user.companyId);
  return (
    <>
      <PageHeader crumbs={[{ label: "Settings", href: "/settings" }, { label: "Webhooks" }]} />
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-6 sm:px-6 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="endpoints-heading" className="min-w-0">
          <h2 id="endpoints-heading" className="mb-2 font-medium text-gray-900">
            Endpoints
          </h2>
          {endpoints.length === 0 ? (
            <p className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-10 text-center text-sm text-gray-600">
              No endpoint yet. Add the URL of a system that should hear about low balances, purchases and expired holds.
            </p>
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
                    <span className={endpoint.enabled ? "text-green-700" : "text-amber-700"}>{endpoint.enabled ? "Active" : "Paused"}</span>
                    {endpoint.pending > 0 && <span>{endpoint.pending} waiting</span>}
                    {endpoint.failed > 0 && <span className="text-red-700">{endpoint.failed} failed</span>}
                    <span>
                      Added <DateTime value={endpoint.createdAt} />
                    </span>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="add-heading" className="rounded-lg border border-gray-200 bg-white p-4">
          <h2 id="add-heading" className="mb-3 font-medium text-gray-900">
            Add endpoint
          </h2>
          <EndpointForm />
        </section>
      </div>
    </>
  );
}
