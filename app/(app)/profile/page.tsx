import { getTranslations } from "next-intl/server";
import { DescriptionList } from "@/components/description-list";
import { PageHeader } from "@/components/page-header";
import { requireUser } from "@/lib/auth/session";
import { timeZoneList } from "@/lib/i18n/locales";
import { profilePreferences } from "@/lib/auth/users";
import { DetailsForm, PasswordForm } from "./_components/profile-forms";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("profile", "metaTitle");

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

// The signed-in user's own account: name, language and time zone in one form.
export default async function ProfilePage() {
  const user = await requireUser("/profile");
  const [t, preferences] = await Promise.all([getTranslations("profile"), profilePreferences(user.id)]);
  return (
    <>
      <PageHeader crumbs={[{ label: t("title") }]} />
      <div className="mx-auto max-w-4xl space-y-6 px-4 py-6 sm:px-6">
        <Section id="details-heading" title={t("details.title")} description={t("details.description")}>
          <DescriptionList
            className="mb-4"
            items={[
              { term: t("details.email"), details: user.email, className: "break-all" },
              { term: t("details.role"), details: user.role === "ADMIN" ? t("details.administrator") : t("details.user") },
            ]}
          />
          <DetailsForm
            name={user.name}
            locale={preferences.locale ?? preferences.companyLocale}
            timeZone={preferences.timeZone}
            companyTimeZone={preferences.companyTimeZone}
            timeZones={timeZoneList()}
          />
        </Section>
        <Section id="password-heading" title={t("password.title")} description={t("password.description")}>
          <PasswordForm email={user.email} />
        </Section>
      </div>
    </>
  );
}
