import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { listSignatureRequests } from "@/lib/sign/requests";
import { RequestState, SignerStatus } from "./_components/signer-status";

export const metadata: Metadata = { title: "Sign" };

export default async function SignPage() {
  const user = await requireUser("/sign");
  const requests = await listSignatureRequests(user.companyId);
  return (
    <>
      <PageHeader
        crumbs={[{ label: "Sign" }]}
        actions={
          <Link href="/sign/new" className={buttonClasses("primary")}>
            New request
          </Link>
        }
      />
      <div className="px-4 py-6 sm:px-6">
        {requests.length === 0 ? (
          <p className="rounded-md border border-dashed border-gray-300 px-4 py-10 text-center text-gray-600">
            No signature requests yet. Use “New request” to upload a PDF and choose who signs it.
          </p>
        ) : (
          <div className="overflow-x-auto rounded-md border border-gray-200 bg-white">
            <table className="min-w-full divide-y divide-gray-200 text-sm">
              <caption className="sr-only">Signature requests, newest first</caption>
              <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
                <tr>
                  <th scope="col" className="px-3 py-2">Document</th>
                  <th scope="col" className="px-3 py-2">Signers</th>
                  <th scope="col" className="px-3 py-2">State</th>
                  <th scope="col" className="px-3 py-2">Sent</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {requests.map((request) => (
                  <tr key={request.id} className="align-top hover:bg-gray-50">
                    <td className="min-w-48 px-3 py-2">
                      <Link href={`/sign/${request.id}`} className="font-medium text-brand-600 hover:underline">
                        {request.title}
                      </Link>
                    </td>
                    <td className="px-3 py-2">
                      <ul className="space-y-1">
                        {request.signers.map((signer) => (
                          <li key={signer.id} className="flex flex-wrap items-center gap-2">
                            <span>{signer.name}</span>
                            <SignerStatus signer={signer} />
                            {signer.nameMismatch && <span className="text-xs font-medium text-amber-800">⚠ name mismatch</span>}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="px-3 py-2"><RequestState state={request.state} /></td>
                    <td className="px-3 py-2 whitespace-nowrap"><DateTime value={request.createdAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
