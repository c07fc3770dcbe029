// The shape of Settings → API keys and Settings → Webhooks: below the Settings
// crumb, what exists listed on the left; the form that adds one (a card with
// its own heading, SecretForm) on the right, below on a phone.
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";

export async function ListWithFormPage({
  title,
  heading,
  form,
  formWidth,
  children,
}: {
  /** The page's name, its crumb after Settings. */
  title: string;
  /** The list's heading. */
  heading: string;
  form: ReactNode;
  /** The form card's width on a wide screen, as a grid track ("20rem"). */
  formWidth: "20rem" | "22rem";
  /** The list. */
  children: ReactNode;
}) {
  const common = await getTranslations("common");
  return (
    <>
      <PageHeader crumbs={[{ label: common("nav.settings"), href: "/settings" }, { label: title }]} />
      <div className={`mx-auto grid max-w-5xl gap-6 px-4 py-6 sm:px-6 ${formWidth === "20rem" ? "lg:grid-cols-[1fr_20rem]" : "lg:grid-cols-[1fr_22rem]"}`}>
        <Section title={heading} className="min-w-0">
          {children}
        </Section>
        {form}
      </div>
    </>
  );
}

/** Instead of an empty list: what the list is for and how to start it. */
export function EmptyList({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-10 text-center text-sm text-gray-600">{children}</p>;
}
