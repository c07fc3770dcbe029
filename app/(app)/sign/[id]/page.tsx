import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { buttonClasses } from "@/components/button";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { DescriptionList } from "@/components/description-list";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { getSignatureRequest } from "@/lib/sign/requests";
import { RequestState, SignerStatus } from "../_components/signer-status";
import { CancelRequestButton, SignerActions } from "./_components/signer-actions";
import { parseId } from "@/lib/http/params";

export const metadata: Metadata = { title: "Signature request" };

const COMPLETED_TERMS: Record<string, string> = { REFUSED: "Refused", CANCELED: "Canceled", COMPLETED: "Completed" };

export default async function SignatureRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/sign/${id}`);
  const requestId = parseId(id);
  const request = requestId !== null ? await getSignatureRequest(user.companyId, requestId) : null;
  if (!request) notFound();
  const mismatches = request.signers.filter((signer) => signer.nameMismatch);
  const open = request.state === "SENT";

  return (
    <>
      <PageHeader
        crumbs={[{ label: "Sign", href: "/sign" }, { label: request.title }]}
        actions={
          <>
            <a href={`/sign/${request.id}/document/original`} className={buttonClasses("secondary")}>
              Download original
            </a>
            {open && <CancelRequestButton requestId={request.id} title={request.title} />}
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

        <DescriptionList
          className="max-w-3xl"
          items={[
            { term: "State", details: <RequestState state={request.state} /> },
            { term: "File", details: request.fileName },
            { term: "SHA-256", details: request.originalSha256, className: "break-all font-mono text-xs" },
            { term: "Requested by", details: request.requesterName },
            { term: "Sent", details: <DateTime value={request.createdAt} /> },
            request.completedAt && { term: COMPLETED_TERMS[request.state] ?? "Completed", details: <DateTime value={request.completedAt} /> },
          ]}
        />

        <section aria-labelledby="signers-heading">
          <h2 id="signers-heading" className="mb-2 text-base font-semibold">Signers</h2>
          <DataTable
            caption="Signers"
            rows={request.signers}
            rowKey={(signer) => signer.id}
            empty="No signers."
            columns={[
              {
                key: "signer",
                header: "Signer",
                cell: (signer) => (
                  <>
                    <div className="font-medium">{signer.name}</div>
                    <div className="text-gray-600">{signer.email}</div>
                  </>
                ),
              },
              { key: "status", header: "Status", cellLabel: (signer) => `Status of ${signer.name}`, cell: (signer) => <SignerStatus signer={signer} withReason /> },
              {
                key: "identity",
                header: "Identity",
                cell: (signer) =>
                  signer.verifiedAt ? (
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
                    <span className="text-gray-600">Not required</span>
                  ),
              },
              {
                key: "signed",
                header: "Signed",
                nowrap: true,
                cell: (signer) =>
                  signer.signedAt ? (
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
                  ),
              },
              {
                key: "actions",
                header: "Actions",
                headerHidden: true,
                cell: (signer) =>
                  open && (signer.status === "SENT" || signer.status === "VERIFIED") ? <SignerActions requestId={request.id} signerId={signer.id} signerName={signer.name} /> : null,
              },
            ]}
          />
        </section>
      </div>
    </>
  );
}
