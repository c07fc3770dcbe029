import { getTranslations } from "next-intl/server";
import { ACTIONS_COLUMN, DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { Section } from "@/components/section";
import { StatusBadge, type Tone } from "@/components/status-badge";
import { requireAdmin } from "@/lib/auth/session";
import { listUsers, type UserStatus } from "@/lib/auth/users";
import { InviteUserForm } from "./_components/invite-user-form";
import { UserActions } from "./_components/user-actions";
import { titleFrom } from "@/lib/i18n/page-title";

export const generateMetadata = titleFrom("users", "metaTitle");

const TONES: Record<UserStatus, Tone> = { INVITED: "warning", ACTIVE: "success", DEACTIVATED: "neutral" };

export default async function UsersPage() {
  const admin = await requireAdmin("/settings/users");
  const [t, users] = await Promise.all([getTranslations("users"), listUsers(admin.companyId)]);
  const now = new Date();
  return (
    <>
      <PageHeader crumbs={[{ label: t("settings"), href: "/settings" }, { label: t("title") }]} />
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
        <InviteUserForm />
        <Section title={t("count", { count: users.length })}>
          <DataTable
            words={t}
            rows={users}
            columns={[
              {
                key: "user",
                rowHeader: true,
                cell: (user) => (
                  <>
                    <span className="text-gray-900">{user.name}</span>
                    {user.id === admin.id && <span className="ml-2 text-xs font-normal text-gray-500">{t("you")}</span>}
                  </>
                ),
                detail: (user) => user.email,
              },
              { key: "role", nowrap: true, cell: (user) => t(`roles.${user.role}`) },
              {
                key: "status",
                cell: (user) => (
                  <>
                    <StatusBadge tone={TONES[user.status]}>{t(`statuses.${user.status}`)}</StatusBadge>
                    {user.status === "INVITED" &&
                      (user.invitationExpiresAt && user.invitationExpiresAt > now ? (
                        <span className="mt-1 block text-xs text-gray-600">
                          {t.rich("invitationValidUntil", { date: () => <DateTime value={user.invitationExpiresAt} /> })}
                        </span>
                      ) : (
                        <span className="mt-1 block text-xs text-red-700">{t("invitationExpired")}</span>
                      ))}
                  </>
                ),
              },
              { ...ACTIONS_COLUMN, cell: (user) => <UserActions user={user} isSelf={user.id === admin.id} /> },
            ]}
          />
        </Section>
      </div>
    </>
  );
}
