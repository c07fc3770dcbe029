import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  await requireUser("/contacts");
  return (
    <>
      <PageHeader crumbs={[{ label: "Contacts" }]} />
      <p className="px-6 py-8 text-gray-600">No contacts yet.</p>
    </>
  );
}
