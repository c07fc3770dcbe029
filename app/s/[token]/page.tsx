import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { secretLinkMetadata } from "@/app/_components/secret-link-metadata";
import { LanguageSwitcher } from "@/app/_components/language-switcher";
import { DateTime } from "@/components/date-time";
import { identityProviderConfig } from "@/lib/identity/config";
import { findSigningSession } from "@/lib/sign/signing";
import { countSigningPageUse } from "@/lib/sign/signing-limit";
import { RefuseForm } from "./_components/refuse-form";
import { SignatureForm } from "./_components/signature-form";
import { VerifyButton } from "./_components/verify-button";

// The public signing page: no account, the token in the link is the key.
// Signed out, it speaks the signer's language: their browser's (Accept-Language)
// or the one they chose (i18n/request.ts), whatever the request's language.
export const generateMetadata = secretLinkMetadata("sign.signing");

/** The identity callback's outcome (?verification=…), as the notice above the form. */
const VERIFICATION_TONES = { verified: "ok", cancelled: "error", failed: "error", used: "error" } as const;
type VerificationOutcome = keyof typeof VERIFICATION_TONES;
const isOutcome = (value: string | undefined): value is VerificationOutcome => value !== undefined && value in VERIFICATION_TONES;

export default async function SigningPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ verification?: string }> }) {
  const { token } = await params;
  const { verification } = await searchParams;
  const t = await getTranslations("sign.signing");
  if (!(await countSigningPageUse(await headers())).ok) {
    return (
      <Shell>
        <h1 className="text-xl font-semibold">{t("tooMany.heading")}</h1>
        <p className="mt-2 text-gray-700">{t("tooMany.body")}</p>
      </Shell>
    );
  }
  const session = await findSigningSession(token);

  if (!session.signer) {
    return (
      <Shell>
        <h1 className="text-xl font-semibold">{t(session.problem === "expired" ? "expired.heading" : "invalid.heading")}</h1>
        <p className="mt-2 text-gray-700">{t(session.problem === "expired" ? "expired.body" : "invalid.body")}</p>
      </Shell>
    );
  }

  const { signer, companyName, requesterName } = session;
  const provider = identityProviderConfig();
  const needsVerification = signer.requireVerification && !signer.verifiedAt;
  const open = signer.request.state === "SENT" && (signer.status === "SENT" || signer.status === "VERIFIED");
  const notice = isOutcome(verification) ? { tone: VERIFICATION_TONES[verification], text: t(`verification.${verification}`) } : undefined;
  const requester = { requester: requesterName };

  return (
    <Shell>
      <p className="text-sm text-gray-600">
        {t("asks", { requester: requesterName, company: companyName })}
      </p>
      <h1 className="mt-1 text-2xl font-semibold text-gray-900">{signer.request.title}</h1>
      <p className="mt-1 text-sm text-gray-600">
        {t.rich("signer", { name: signer.name, email: signer.email, strong: (chunks) => <span className="font-medium text-gray-900">{chunks}</span> })}
      </p>

      {notice && open && (
        <p role={notice.tone === "error" ? "alert" : "status"} className={`mt-4 rounded-md border px-4 py-3 text-sm ${notice.tone === "ok" ? "border-green-200 bg-green-50 text-green-800" : "border-amber-200 bg-amber-50 text-amber-900"}`}>
          {notice.text}
        </p>
      )}

      <section aria-labelledby="document-heading" className="mt-6">
        <div className="flex items-center justify-between gap-2">
          <h2 id="document-heading" className="text-base font-semibold">{t("document")}</h2>
          <a href={`/s/${token}/document`} target="_blank" rel="noreferrer" className="text-sm text-link">
            {t("open", { file: signer.request.fileName })}
          </a>
        </div>
        {/* A frame, not <object>: the site's policy allows no plugins (object-src 'none'); the PDF route may be framed by us only. */}
        <iframe src={`/s/${token}/document`} title={t("frameTitle", { title: signer.request.title })} className="mt-2 h-[32rem] w-full rounded-md border border-gray-200 bg-gray-50" />
        <p className="mt-1 break-all text-xs text-gray-600">{t("sha256", { hash: signer.request.originalSha256 })}</p>
      </section>

      {signer.status === "SIGNED" && (
        <p role="status" className="mt-6 rounded-md border border-green-200 bg-green-50 px-4 py-3 text-green-800">
          {signer.signedAt ? t.rich("signedOn", { date: () => <DateTime value={signer.signedAt!} /> }) : t("signedDone")}{" "}
          {t(signer.request.state === "COMPLETED" ? "everyoneSigned" : "notifiedLater", requester)}
        </p>
      )}
      {signer.status === "REFUSED" && <p className="mt-6 rounded-md border border-gray-200 bg-gray-50 px-4 py-3 text-gray-800">{t("youRefused")}</p>}
      {signer.request.state !== "SENT" && signer.status !== "SIGNED" && signer.status !== "REFUSED" && (
        <p className="mt-6 rounded-md border border-gray-200 bg-gray-50 px-4 py-3 text-gray-800">
          {t(signer.request.state === "CANCELED" ? "canceled" : "closed", requester)}
        </p>
      )}

      {open && signer.requireVerification && (
        <section aria-labelledby="identity-heading" className="mt-6 rounded-lg border border-gray-200 p-4">
          <h2 id="identity-heading" className="text-base font-semibold">{t("identity.heading")}</h2>
          {signer.verifiedAt ? (
            <p className="mt-2 text-sm text-gray-800">
              {t.rich(signer.verifiedBirthdate ? "identity.verifiedBorn" : "identity.verified", {
                provider: signer.verifiedProvider ?? "",
                name: signer.verifiedName ?? "",
                birthdate: signer.verifiedBirthdate ?? "",
                strong: (chunks) => <span className="font-medium">{chunks}</span>,
                date: () => <DateTime value={signer.verifiedAt!} />,
              })}
            </p>
          ) : !provider ? (
            <p role="alert" className="mt-2 text-sm text-amber-900">
              {t("identity.off", requester)}
            </p>
          ) : (
            <>
              <p className="mt-2 text-sm text-gray-700">
                {t("identity.intro", { requester: requesterName, provider: provider.label })}
              </p>
              {provider.isTestProvider && (
                <p className="mt-2 inline-block rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                  {t("identity.testProvider")}
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
            {t(signer.requireVerification ? "sign.headingNumbered" : "sign.heading")}
          </h2>
          {needsVerification ? (
            <p className="mt-2 text-sm text-gray-600">{t("sign.verifyFirst")}</p>
          ) : (
            <SignatureForm token={token} defaultName={signer.verifiedName ?? signer.name} />
          )}
          <RefuseForm token={token} />
        </section>
      )}
    </Shell>
  );
}

async function Shell({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("sign.signing");
  return (
    <div className="min-h-screen bg-gray-50">
      <header className="bg-brand-600 px-4 py-3 text-white sm:px-6">
        <span className="font-semibold tracking-tight">{t("shell")}</span>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6 sm:px-6">
        {/* The signer's own language, whatever the request's (a cookie, else their browser's). */}
        <LanguageSwitcher className="mb-3 justify-end!" />
        <div className="rounded-lg border border-gray-200 bg-white p-5 shadow-xs sm:p-6">{children}</div>
      </main>
    </div>
  );
}
