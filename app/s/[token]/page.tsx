import type { Metadata } from "next";
import { headers } from "next/headers";
import { DateTime } from "@/components/date-time";
import { identityProviderConfig } from "@/lib/identity/config";
import { findSigningSession } from "@/lib/sign/signing";
import { countSigningPageUse } from "@/lib/sign/signing-limit";
import { RefuseForm } from "./_components/refuse-form";
import { SignatureForm } from "./_components/signature-form";
import { VerifyButton } from "./_components/verify-button";

// The public signing page: no account, the token in the link is the key.
// No referrer, so the token never leaks to the provider or elsewhere.
export const metadata: Metadata = { title: "Sign a document", referrer: "no-referrer", robots: { index: false, follow: false } };

const VERIFICATION_MESSAGES: Record<string, { tone: "ok" | "error"; text: string }> = {
  verified: { tone: "ok", text: "Your identity is verified. You can now sign." },
  cancelled: { tone: "error", text: "You cancelled the identity verification. Verify your identity to sign." },
  failed: { tone: "error", text: "The identity verification did not succeed. Please try again." },
  used: { tone: "error", text: "This verification was already completed or has expired. Start again if needed." },
};

export default async function SigningPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ verification?: string }> }) {
  const { token } = await params;
  const { verification } = await searchParams;
  if (!(await countSigningPageUse(await headers())).ok) {
    return (
      <Shell>
        <h1 className="text-xl font-semibold">Too many requests</h1>
        <p className="mt-2 text-gray-700">This page was opened too often from your network. Wait a minute, then reload it.</p>
      </Shell>
    );
  }
  const session = await findSigningSession(token);

  if (!session.signer) {
    return (
      <Shell>
        <h1 className="text-xl font-semibold">{session.problem === "expired" ? "This signing link has expired" : "This signing link is not valid"}</h1>
        <p className="mt-2 text-gray-700">
          {session.problem === "expired"
            ? "Signing links work for a limited time. Ask the person who sent you the document for a new one."
            : "Check that you opened the complete link from your e-mail."}
        </p>
      </Shell>
    );
  }

  const { signer, companyName, requesterName } = session;
  const provider = identityProviderConfig();
  const needsVerification = signer.requireVerification && !signer.verifiedAt;
  const open = signer.request.state === "SENT" && (signer.status === "SENT" || signer.status === "VERIFIED");
  const notice = verification ? VERIFICATION_MESSAGES[verification] : undefined;

  return (
    <Shell>
      <p className="text-sm text-gray-600">
        {requesterName} ({companyName}) asks you to sign
      </p>
      <h1 className="mt-1 text-2xl font-semibold text-gray-900">{signer.request.title}</h1>
      <p className="mt-1 text-sm text-gray-600">
        Signer: <span className="font-medium text-gray-900">{signer.name}</span> ({signer.email})
      </p>

      {notice && open && (
        <p role={notice.tone === "error" ? "alert" : "status"} className={`mt-4 rounded-md border px-4 py-3 text-sm ${notice.tone === "ok" ? "border-green-200 bg-green-50 text-green-800" : "border-amber-200 bg-amber-50 text-amber-900"}`}>
          {notice.text}
        </p>
      )}

      <section aria-labelledby="document-heading" className="mt-6">
        <div className="flex items-center justify-between gap-2">
          <h2 id="document-heading" className="text-base font-semibold">Document</h2>
          <a href={`/s/${token}/document`} target="_blank" rel="noreferrer" className="text-sm text-brand-700 underline underline-offset-2 hover:decoration-2">
            Open {signer.request.fileName}
          </a>
        </div>
        {/* A frame, not <object>: the site's policy allows no plugins (object-src 'none'); the PDF route may be framed by us only. */}
        <iframe src={`/s/${token}/document`} title={`Document: ${signer.request.title}`} className="mt-2 h-[32rem] w-full rounded-md border border-gray-200 bg-gray-50" />
        <p className="mt-1 break-all text-xs text-gray-600">SHA-256 {signer.request.originalSha256}</p>
      </section>

      {signer.status === "SIGNED" && (
        <p role="status" className="mt-6 rounded-md border border-green-200 bg-green-50 px-4 py-3 text-green-800">
          You signed this document{signer.signedAt ? <> on <DateTime value={signer.signedAt} /></> : null}.{" "}
          {signer.request.state === "COMPLETED" ? `Everyone has signed: ${requesterName} has been notified.` : `${requesterName} will be notified when everyone has signed.`}
        </p>
      )}
      {signer.status === "REFUSED" && <p className="mt-6 rounded-md border border-gray-200 bg-gray-50 px-4 py-3 text-gray-800">You refused to sign this document.</p>}
      {signer.request.state !== "SENT" && signer.status !== "SIGNED" && signer.status !== "REFUSED" && (
        <p className="mt-6 rounded-md border border-gray-200 bg-gray-50 px-4 py-3 text-gray-800">
          {signer.request.state === "CANCELED" ? `${requesterName} canceled this request: there is nothing to sign any more.` : "This request is closed: another signer refused it."}
        </p>
      )}

      {open && signer.requireVerification && (
        <section aria-labelledby="identity-heading" className="mt-6 rounded-lg border border-gray-200 p-4">
          <h2 id="identity-heading" className="text-base font-semibold">1. Verify your identity</h2>
          {signer.verifiedAt ? (
            <p className="mt-2 text-sm text-gray-800">
              Verified by {signer.verifiedProvider} as <span className="font-medium">{signer.verifiedName}</span>
              {signer.verifiedBirthdate ? <>, born {signer.verifiedBirthdate}</> : null} (<DateTime value={signer.verifiedAt} />).
            </p>
          ) : !provider ? (
            <p role="alert" className="mt-2 text-sm text-amber-900">
              {requesterName} asks you to prove who you are before signing, but identity verification is not available at the moment. Ask{" "}
              {requesterName} for help.
            </p>
          ) : (
            <>
              <p className="mt-2 text-sm text-gray-700">
                {requesterName} asks you to prove who you are before signing. You will log in with {provider.label} and come back here.
              </p>
              {provider.isTestProvider && (
                <p className="mt-2 inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                  Test identity provider: no real identity check
                </p>
              )}
              <VerifyButton token={token} />
            </>
          )}
        </section>
      )}

      {open && (
        <section aria-labelledby="sign-heading" className="mt-6 rounded-lg border border-gray-200 p-4">
          <h2 id="sign-heading" className="text-base font-semibold">
            {signer.requireVerification ? "2. " : ""}Sign
          </h2>
          {needsVerification ? (
            <p className="mt-2 text-sm text-gray-600">Verify your identity first.</p>
          ) : (
            <SignatureForm token={token} defaultName={signer.verifiedName ?? signer.name} />
          )}
          <RefuseForm token={token} />
        </section>
      )}
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen bg-gray-50">
      <header className="bg-brand-600 px-4 py-3 text-white sm:px-6">
        <span className="font-semibold tracking-tight">IAP Credits · Sign</span>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6 sm:px-6">
        <div className="rounded-lg border border-gray-200 bg-white p-5 shadow-xs sm:p-6">{children}</div>
      </main>
    </div>
  );
}
