import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { canCreateCompany, hasCompany } from "@/lib/auth/companies";
import { countryOptions } from "@/lib/contacts/countries";
import { AuthCard, BackToSignIn } from "../_components/auth-card";
import { SetupForm } from "./_components/setup-form";
import { titleFrom } from "@/lib/i18n/page-title";

// Reads the database on every request (is there a company yet?).
export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("auth.setup", "metaTitle");

/** Every currency, "EUR — Euro" with the name in the visitor's language. */
function currencyOptions(locale: string) {
  const names = new Intl.DisplayNames([locale], { type: "currency" });
  return Intl.supportedValuesOf("currency")
    .map((code) => ({ code, name: `${code} — ${names.of(code) ?? code}` }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

// "Set up your company" while the database has none; afterwards "Create a
// company" with SIGNUP=open, and back to sign-in otherwise.
export default async function SetupPage() {
  const first = !(await hasCompany());
  if (!first && !(await canCreateCompany())) redirect("/login");
  const [t, locale] = await Promise.all([getTranslations("auth.setup"), getLocale()]);
  return (
    <AuthCard wide title={first ? t("firstTitle") : t("otherTitle")} intro={first ? t("firstIntro") : t("otherIntro")}>
      <SetupForm countries={countryOptions(locale)} currencies={currencyOptions(locale)} submitLabel={first ? t("firstSubmit") : t("otherSubmit")} />
      {!first && <BackToSignIn />}
    </AuthCard>
  );
}
