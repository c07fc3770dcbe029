// The shape of Settings → API keys and Settings → Webhooks: what exists, listed
// on the left; the form that adds one, in a card on the right (below on a phone).
import type { ReactNode } from "react";
import { PageHeader, type Crumb } from "@/components/page-header";
import { Section } from "@/components/section";

export function ListWithFormPage({
  crumbs,
  list,
  form,
  formWidth,
}: {
  crumbs: Crumb[];
  list: { heading: string; children: ReactNode };
  form: { heading: string; children: ReactNode };
  /** The form card's width on a wide screen, as a grid track ("20rem"). */
  formWidth: "20rem" | "22rem";
}) {
  return (
    <>
      <PageHeader crumbs={crumbs} />
      <div className={`mx-auto grid max-w-5xl gap-6 px-4 py-6 sm:px-6 ${formWidth === "20rem" ? "lg:grid-cols-[1fr_20rem]" : "lg:grid-cols-[1fr_22rem]"}`}>
        <Section title={list.heading} className="min-w-0">
          {list.children}
        </Section>
        <Section look="card" title={form.heading}>
          {form.children}
        </Section>
      </div>
    </>
  );
}

/** Instead of an empty list: what the list is for and how to start it. */
export function EmptyList({ children }: { children: ReactNode }) {
  return <p className="rounded-lg border border-dashed border-gray-300 bg-white px-6 py-10 text-center text-sm text-gray-600">{children}</p>;
}
