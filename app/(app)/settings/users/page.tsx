import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { StatusBadge, type Tone } from "@/components/status-badge";
import { requireAdmin } from "@/lib/auth/session";
import { listUsers, type UserStatus } from "@/lib/auth/users";
import { InviteUserForm } from "./_components/invite-user-form";
import { UserActions } from "./_components/user-actions";

export const metadata: Metadata = { title: "Users" };

const STATUSES: Record<UserStatus, { label: string; tone: Tone }> = {
  INVITED: { label: "Invited", tone: "warning" },
  ACTIVE: { label: "Active", tone: "success" },
  DEACTIVATED: { label: "Deactivated", tone: "neutral" },
};

export default async function UsersPage() {
  const admin = await requireAdmin("/settings/users");
  const users = await listUsers(admin.companyId);
  const now = new Date();
  return (
    <>
      <PageHeader crumbs={[{ label: "Settings", href: "/settings" }, { label: "Users" }]} />
      <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
        <InviteUserForm />
        <section aria-labelledby="users-heading" className="space-y-3">
          <h2 id="users-heading" className="text-base font-semibold">
            {users.length} {users.length === 1 ? "user" : "users"}
          </h2>
          <DataTable
            caption="Users"
            rows={users}
            rowKey={(user) => user.id}
            empty="No user yet."
            columns={[
              {
                key: "user",
                header: "User",
                rowHeader: true,
                cell: (user) => (
                  <>
                    <span className="text-gray-900">{user.name}</span>
                    {user.id === admin.id && <span className="ml-2 text-xs font-normal text-gray-500">(you)</span>}
                    <span className="block font-normal text-gray-600">{user.email}</span>
                  </>
                ),
              },
              { key: "role", header: "Role", nowrap: true, cell: (user) => (user.role === "ADMIN" ? "Administrator" : "User") },
              {
                key: "status",
                header: "Status",
                cell: (user) => (
                  <>
                    <StatusBadge tone={STATUSES[user.status].tone}>{STATUSES[user.status].label}</StatusBadge>
                    {user.status === "INVITED" &&
                      (user.invitationExpiresAt && user.invitationExpiresAt > now ? (
                        <span className="mt-1 block text-xs text-gray-600">
                          Invitation valid until <DateTime value={user.invitationExpiresAt} />
                        </span>
                      ) : (
                        <span className="mt-1 block text-xs text-red-700">Invitation expired: resend it</span>
                      ))}
                  </>
                ),
              },
              { key: "actions", header: "Actions", headerHidden: true, cell: (user) => <UserActions user={user} isSelf={user.id === admin.id} /> },
            ]}
          />
        </section>
      </div>
    </>
  );
}
