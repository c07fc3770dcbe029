import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/button";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { getSignatureRequest } from "@/lib/sign/requests";
import { RequestState, SignerStatus } from "../_components/signer-status";
import { parseId } from "@/lib/http/params";

export const metadata: Metadata = { title: "Signature request" };

export default async function SignatureRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/sign/${id}`);
  const requestId = parseId(id);
  const request = requestId !== null ? await getSignatureRequest(user.companyId, requestId) : null;
  if (!request) notFound();
  const mismatches = request.signers.filter((signer) => signer.nameMismatch);

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Sign", href: "/sign" }, { label: request.title }]}
        actions={
          <>
            <a href={`/sign/${request.id}/document/original`} className={buttonClasses("secondary")}>
              Download original
            </a>
            {request.signedPdfReady && (
              <a href={`/sign/${request.id}/document/signed`} className={buttonClasses("primary")}>
                Download signed PDF
              </a>
            )}
          </>
        }
      />
      <div className="space-y-6 px-4 py-6 sm:px-6">
        {mismatches.map((signer) => (
          <div key={signer.id} role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-semibold">Name mismatch for {signer.name}</p>
            <p className="mt-1">
              The identity provider verified this signer as <strong>{signer.verifiedName}</strong>, not {signer.name}. Check who signed before relying on this document.
            </p>
          </div>
        ))}

        <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="text-gray-600">State</dt>
          <dd><RequestState state={request.state} /></dd>
          <dt className="text-gray-600">File</dt>
          <dd>{request.fileName}</dd>
          <dt className="text-gray-600">SHA-256</dt>
          <dd className="break-all font-mono text-xs">{request.originalSha256}</dd>
          <dt className="text-gray-600">Requested by</dt>
          <dd>{request.requesterName}</dd>
          <dt className="text-gray-600">Sent</dt>
          <dd><DateTime value={request.createdAt} /></dd>
          {request.completedAt && (
            <>
              <dt className="text-gray-600">{request.state === "REFUSED" ? "Refused" : "Completed"}</dt>
              <dd><DateTime value={request.completedAt} /></dd>
            </>
          )}
        </dl>

        <section aria-labelledby="signers-heading">
          <h2 id="signers-heading" className="mb-2 text-base font-semibold">Signers</h2>
          <div className="overflow-x-auto rounded-md border border-gray-200 bg-white">
            <table className="min-w-full divide-y divide-gray-200 text-sm">
              <thead className="bg-gray-50 text-left text-xs font-semibold uppercase tracking-wide text-gray-600">
                <tr>
                  <th scope="col" className="px-3 py-2">Signer</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                  <th scope="col" className="px-3 py-2">Identity</th>
                  <th scope="col" className="px-3 py-2">Signed</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {request.signers.map((signer) => (
                  <tr key={signer.id} className="align-top">
                    <td className="px-3 py-2">
                      <div className="font-medium">{signer.name}</div>
                      <div className="text-gray-600">{signer.email}</div>
                    </td>
                    <td className="px-3 py-2" aria-label={`Status of ${signer.name}`}>
                      <SignerStatus signer={signer} />
                    </td>
                    <td className="px-3 py-2">
                      {signer.verifiedAt ? (
                        <div>
                          <div>
                            Verified by {signer.verifiedProvider} as <span className={signer.nameMismatch ? "font-semibold text-amber-800" : "font-medium"}>{signer.verifiedName}</span>
                            {signer.nameMismatch && <span className="ml-1 text-xs font-semibold text-amber-800">(name mismatch)</span>}
                          </div>
                          <div className="text-gray-600">
                            {signer.verifiedBirthdate ? `Born ${signer.verifiedBirthdate} · ` : ""}
                            <DateTime value={signer.verifiedAt} />
                          </div>
                        </div>
                      ) : signer.requireVerification ? (
                        <span className="text-gray-700">Verification required</span>
                      ) : (
                        <span className="text-gray-400">Not required</span>
                      )}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {signer.signedAt ? (
                        <>
                          <DateTime value={signer.signedAt} />
                          {signer.ip && <div className="text-xs text-gray-600">IP {signer.ip}</div>}
                        </>
                      ) : signer.refusedAt ? (
                        <>
                          <DateTime value={signer.refusedAt} />
                          {signer.refusalReason && <div className="max-w-xs whitespace-normal text-xs text-gray-700">“{signer.refusalReason}”</div>}
                        </>
                      ) : (
                        <span className="text-gray-600">
                          Link valid until <DateTime value={signer.tokenExpiresAt} />
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  );
}
