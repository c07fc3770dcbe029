import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { canCreateCompany, hasCompany } from "@/lib/auth/companies";
import { countryOptions } from "@/lib/contacts/countries";
import { AuthCard, BackToSignIn } from "../_components/auth-card";
import { SetupForm } from "./_components/setup-form";

// Reads the database on every request (is there a company yet?).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Set up your company" };

const currencyNames = new Intl.DisplayNames(["en"], { type: "currency" });

function currencyOptions() {
  return Intl.supportedValuesOf("currency")
    .map((code) => ({ code, name: `${code} — ${currencyNames.of(code) ?? code}` }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

// "Set up your company" while the database has none; afterwards "Create a
// company" with SIGNUP=open, and back to sign-in otherwise.
export default async function SetupPage() {
  const first = !(await hasCompany());
  if (!first && !(await canCreateCompany())) redirect("/login");
  return (
    <AuthCard
      wide
      title={first ? "Set up your company" : "Create a company"}
      intro={
        first
          ? "This server has no company yet. Create yours and its first administrator: you will be signed in right away."
          : "A new company of its own, with you as its first administrator. Its accounts, credits and records are kept apart from every other company."
      }
    >
      <SetupForm countries={countryOptions()} currencies={currencyOptions()} submitLabel={first ? "Set up the company" : "Create the company"} />
      {!first && <BackToSignIn />}
    </AuthCard>
  );
}
