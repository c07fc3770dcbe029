import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/button";
import { ACTIONS_COLUMN, DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { DescriptionList } from "@/components/description-list";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { requireUser } from "@/lib/auth/session";
import { getSignatureRequest } from "@/lib/sign/request-views";
import { RequestState, SignerStatus } from "../_components/signer-status";
import { CancelRequestButton, SignerActions } from "./_components/signer-actions";
import { parseId } from "@/lib/http/params";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("sign.request", "metaTitle");

const CLOSED_STATES = ["REFUSED", "CANCELED", "COMPLETED"] as const;

export default async function SignatureRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/sign/${id}`);
  const requestId = parseId(id);
  const request = requestId !== null ? await getSignatureRequest(user.companyId, requestId) : null;
  if (!request) notFound();
  const t = await getTranslations("sign.request");
  const closedAs = CLOSED_STATES.find((state) => state === request.state) ?? "COMPLETED";
  const mismatches = request.signers.filter((signer) => signer.nameMismatch);
  const open = request.state === "SENT";

  return (
    <>
      <PageHeader
        crumbs={[{ label: t("crumb"), href: "/sign" }, { label: request.title }]}
        actions={
          <>
            <a href={`/sign/${request.id}/document/original`} className={buttonClasses("secondary")}>
              {t("downloadOriginal")}
            </a>
            {open && <CancelRequestButton requestId={request.id} title={request.title} />}
            {request.signedPdfReady && (
              <a href={`/sign/${request.id}/document/signed`} className={buttonClasses("primary")}>
                {t("downloadSigned")}
              </a>
            )}
          </>
        }
      />
      <div className="space-y-6 px-4 py-6 sm:px-6">
        {mismatches.map((signer) => (
          <div key={signer.id} role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-semibold">{t("mismatch.heading", { name: signer.name })}</p>
            <p className="mt-1">{t.rich("mismatch.body", { name: signer.name, verified: signer.verifiedName ?? "", strong: (chunks) => <strong>{chunks}</strong> })}</p>
          </div>
        ))}

        <DescriptionList
          className="max-w-3xl"
          items={[
            { term: t("terms.state"), details: <RequestState state={request.state} /> },
            { term: t("terms.file"), details: request.fileName },
            { term: t("terms.sha256"), details: request.originalSha256, className: "break-all font-mono text-xs" },
            { term: t("terms.requestedBy"), details: request.requesterName },
            { term: t("terms.sent"), details: <DateTime value={request.createdAt} /> },
            request.completedAt && { term: t(`terms.closed.${closedAs}`), details: <DateTime value={request.completedAt} /> },
          ]}
        />

        <Section title={t("signers.heading")}>
          <DataTable
            caption={t("signers.caption")}
            rows={request.signers}
            empty={t("signers.empty")}
            columns={[
              {
                key: "signer",
                header: t("signers.columns.signer"),
                cell: (signer) => (
                  <>
                    <div className="font-medium">{signer.name}</div>
                    <div className="text-gray-600">{signer.email}</div>
                  </>
                ),
              },
              { key: "status", header: t("signers.columns.status"), cellLabel: (signer) => t("signers.statusOf", { name: signer.name }), cell: (signer) => <SignerStatus signer={signer} withReason /> },
              {
                key: "identity",
                header: t("signers.columns.identity"),
                cell: (signer) =>
                  signer.verifiedAt ? (
                    <div>
                      <div>
                        {t.rich("signers.verifiedBy", {
                          provider: signer.verifiedProvider ?? "",
                          name: signer.verifiedName ?? "",
                          strong: (chunks) => <span className={signer.nameMismatch ? "font-semibold text-amber-800" : "font-medium"}>{chunks}</span>,
                        })}
                        {signer.nameMismatch && <span className="ml-1 text-xs font-semibold text-amber-800">{t("signers.nameMismatch")}</span>}
                      </div>
                      <div className="text-gray-600">
                        {signer.verifiedBirthdate ? t("signers.born", { date: signer.verifiedBirthdate }) : ""}
                        <DateTime value={signer.verifiedAt} />
                      </div>
                    </div>
                  ) : signer.requireVerification ? (
                    <span className="text-gray-700">{t("signers.verificationRequired")}</span>
                  ) : (
                    <span className="text-gray-600">{t("signers.notRequired")}</span>
                  ),
              },
              {
                key: "signed",
                header: t("signers.columns.signed"),
                nowrap: true,
                cell: (signer) =>
                  signer.signedAt ? (
                    <>
                      <DateTime value={signer.signedAt} />
                      {signer.ip && <div className="text-xs text-gray-600">{t("signers.ip", { ip: signer.ip })}</div>}
                    </>
                  ) : signer.refusedAt ? (
                    <>
                      <DateTime value={signer.refusedAt} />
                      {signer.refusalReason && <div className="max-w-xs whitespace-normal text-xs text-gray-700">{t("signers.reason", { reason: signer.refusalReason })}</div>}
                    </>
                  ) : (
                    <span className="text-gray-600">
                      {t.rich("signers.validUntil", { date: () => <DateTime value={signer.tokenExpiresAt} /> })}
                    </span>
                  ),
              },
              { ...ACTIONS_COLUMN, header: t("signers.columns.actions"), cell: (signer) =>
                open && (signer.status === "SENT" || signer.status === "VERIFIED") ? <SignerActions requestId={request.id} signerId={signer.id} signerName={signer.name} /> : null },
            ]}
          />
        </Section>
      </div>
    </>
  );
}
