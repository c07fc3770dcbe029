import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { formatCredits } from "@/lib/iap/units";
import { identityProviderConfig } from "@/lib/identity/config";
import { listSignableContacts, peekIdentityCredits } from "@/lib/sign/requests";
import { NewRequestForm } from "./_components/new-request-form";

export const metadata: Metadata = { title: "New signature request" };

export default async function NewSignatureRequestPage() {
  const user = await requireUser("/sign/new");
  const [contacts, credits] = await Promise.all([listSignableContacts(user.companyId), peekIdentityCredits(user.companyId)]);
  const provider = identityProviderConfig();
  return (
    <>
      <PageHeader crumbs={[{ label: "Sign", href: "/sign" }, { label: "New request" }]} />
      <div className="max-w-3xl px-4 py-6 sm:px-6">
        <NewRequestForm
          contacts={contacts.map((contact) => ({ id: contact.id, name: contact.name, email: contact.email ?? "" }))}
          providerLabel={provider?.label ?? null}
          isTestProvider={provider?.isTestProvider ?? false}
          creditsAvailable={credits ? formatCredits(credits.available, credits.decimals) : null}
        />
      </div>
    </>
  );
}
