import type { Metadata } from "next";
import { DescriptionList } from "@/components/description-list";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { DetailsForm, PasswordForm } from "./_components/profile-forms";

export const metadata: Metadata = { title: "Profile" };

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="grid gap-4 rounded-lg border border-gray-200 bg-white p-5 md:grid-cols-[14rem_1fr]">
      <div>
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        <p className="mt-0.5 text-sm text-gray-600">{description}</p>
      </div>
      <div>{children}</div>
    </section>
  );
}

// The signed-in user's own account. "Your details" is where language and time
// zone will go too (each a field of the same form and action).
export default async function ProfilePage() {
  const user = await requireUser("/profile");
  return (
    <>
      <PageHeader crumbs={[{ label: "Profile" }]} />
      <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
        <Section id="details-heading" title="Your details" description="How your colleagues see you.">
          <DescriptionList
            className="mb-4"
            items={[
              { term: "E-mail", details: user.email, className: "break-all" },
              { term: "Role", details: user.role === "ADMIN" ? "Administrator" : "User" },
            ]}
          />
          <DetailsForm name={user.name} />
        </Section>
        <Section id="password-heading" title="Password" description="Your current password is needed to choose a new one.">
          <PasswordForm email={user.email} />
        </Section>
      </div>
    </>
  );
}
