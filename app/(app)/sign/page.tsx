import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/button";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { signatureRequestPath } from "@/lib/routes";
import { listSignatureRequests } from "@/lib/sign/requests";
import { RequestState, SignerStatus } from "./_components/signer-status";
import { TextLink } from "@/components/text-link";

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
        <DataTable
          caption="Signature requests, newest first"
          rows={requests}
          rowKey={(request) => request.id}
          empty="No signature requests yet. Use “New request” to upload a PDF and choose who signs it."
          columns={[
            { key: "document", header: "Document", className: "min-w-48", cell: (request) => <TextLink href={signatureRequestPath(request.id)}>{request.title}</TextLink> },
            {
              key: "signers",
              header: "Signers",
              cell: (request) => (
                <ul className="space-y-1">
                  {request.signers.map((signer) => (
                    <li key={signer.id} className="flex flex-wrap items-center gap-2">
                      <span>{signer.name}</span>
                      <SignerStatus signer={signer} />
                      {signer.nameMismatch && <span className="text-xs font-medium text-amber-800">⚠ name mismatch</span>}
                    </li>
                  ))}
                </ul>
              ),
            },
            { key: "state", header: "State", cell: (request) => <RequestState state={request.state} /> },
            { key: "sent", header: "Sent", nowrap: true, cell: (request) => <DateTime value={request.createdAt} /> },
          ]}
        />
      </div>
    </>
  );
}
