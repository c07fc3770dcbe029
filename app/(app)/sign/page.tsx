import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/button";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { requireUser } from "@/lib/auth/session";
import { signatureRequestPath } from "@/lib/routes";
import { listSignatureRequests } from "@/lib/sign/request-views";
import { RequestState, SignerStatus } from "./_components/signer-status";
import { TextLink } from "@/components/text-link";
import { ListPage } from "@/components/list-page";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("sign.list", "metaTitle");

export default async function SignPage() {
  const user = await requireUser("/sign");
  const [requests, t] = await Promise.all([listSignatureRequests(user.companyId), getTranslations("sign.list")]);
  return (
    <ListPage title={t("crumb")} action={<ButtonLink href="/sign/new">{t("newRequest")}</ButtonLink>}>
      <DataTable
        cards
        words={t}
        rows={requests}
        columns={[
          { key: "document", rowHeader: true, className: "min-w-48", cell: (request) => <TextLink href={signatureRequestPath(request.id)}>{request.title}</TextLink> },
          {
            key: "signers",
            cell: (request) => (
              <ul className="space-y-1">
                {request.signers.map((signer) => (
                  <li key={signer.id} className="flex flex-wrap items-center gap-2">
                    <span>{signer.name}</span>
                    <SignerStatus signer={signer} />
                    {signer.nameMismatch && <span className="text-xs font-medium text-amber-800">{t("nameMismatch")}</span>}
                  </li>
                ))}
              </ul>
            ),
          },
          { key: "state", cell: (request) => <RequestState state={request.state} /> },
          { key: "sent", nowrap: true, cell: (request) => <DateTime value={request.createdAt} /> },
        ]}
      />
    </ListPage>
  );
}
