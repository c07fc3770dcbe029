import type { Metadata } from "next";
import Link from "next/link";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { displayPrefix, listApiKeys } from "@/lib/api/keys";
import { requireAdmin } from "@/lib/auth/session";
import { NewKeyForm } from "./_components/new-key-form";
import { RevokeButton } from "./_components/revoke-button";

export const metadata: Metadata = { title: "API keys" };

const SCOPE_LABELS: Record<string, string> = { read: "Read", charge: "Charge" };

export default async function ApiKeysPage() {
  const user = await requireAdmin("/settings/api-keys");
  const keys = await listApiKeys(user.companyId);
  return (
    <>
      <PageHeader crumbs={[{ label: "Settings", href: "/settings" }, { label: "API keys" }]} />
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-6 sm:px-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="keys-heading" className="min-w-0">
          <h2 id="keys-heading" className="mb-2 font-medium text-gray-900">
            Keys
          </h2>
          {keys.length === 0 ? (
            <p className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-10 text-center text-sm text-gray-600">
              No API key yet. Create one for each integration (a web shop, a script) so that you can revoke one without the others.
            </p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
              <table className="w-full text-left text-sm">
                <thead className="bg-gray-50 text-gray-600">
                  <tr>
                    <th scope="col" className="px-4 py-2.5 font-medium">Name</th>
                    <th scope="col" className="px-4 py-2.5 font-medium">Key</th>
                    <th scope="col" className="px-4 py-2.5 font-medium">Scopes</th>
                    <th scope="col" className="px-4 py-2.5 font-medium">Last used</th>
                    <th scope="col" className="px-4 py-2.5 font-medium"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {keys.map((key) => (
                    <tr key={key.id} className={key.revokedAt ? "text-gray-400" : ""}>
                      <th scope="row" className="px-4 py-3 font-medium">
                        {key.name}
                        <span className="block text-xs font-normal text-gray-500">
                          Created <DateTime value={key.createdAt} />
                        </span>
                      </th>
                      <td className="px-4 py-3 font-mono text-xs">{displayPrefix(key.prefix)}</td>
                      <td className="px-4 py-3">{key.scopes.map((scope) => SCOPE_LABELS[scope] ?? scope).join(", ")}</td>
                      <td className="px-4 py-3 text-gray-600">{key.lastUsedAt ? <DateTime value={key.lastUsedAt} /> : "Never"}</td>
                      <td className="px-4 py-3 text-right">
                        {key.revokedAt ? (
                          <span className="text-xs">
                            Revoked <DateTime value={key.revokedAt} />
                          </span>
                        ) : (
                          <RevokeButton id={key.id} name={key.name} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p className="mt-3 text-sm text-gray-600">
            Last used is updated at most once a minute. How to call the API:{" "}
            <Link href="/developers/api" className="text-brand-600 hover:underline">
              API documentation
            </Link>
            .
          </p>
        </section>
        <section aria-labelledby="new-key-heading" className="rounded-lg border border-gray-200 bg-white p-4">
          <h2 id="new-key-heading" className="mb-3 font-medium text-gray-900">
            New API key
          </h2>
          <NewKeyForm />
        </section>
      </div>
    </>
  );
}
