import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireAdmin("/settings");
  return (
    <>
      <PageHeader crumbs={[{ label: "Settings" }]} />
      <section className="px-6 py-8">
        <h2 className="text-lg font-semibold">General</h2>
      </section>
    </>
  );
}
