import type { Metadata } from "next";
import { DateTime } from "@/components/date-time";
import { PageHeader } from "@/components/page-header";
import { requireAdmin } from "@/lib/auth/session";
import { listUsers, type UserStatus } from "@/lib/auth/users";
import { InviteUserForm } from "./_components/invite-user-form";
import { UserActions } from "./_components/user-actions";

export const metadata: Metadata = { title: "Users" };

const STATUS_LABELS: Record<UserStatus, string> = { INVITED: "Invited", ACTIVE: "Active", DEACTIVATED: "Deactivated" };
const STATUS_STYLES: Record<UserStatus, string> = {
  INVITED: "bg-amber-100 text-amber-900",
  ACTIVE: "bg-green-100 text-green-800",
  DEACTIVATED: "bg-gray-200 text-gray-700",
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
        <section aria-labelledby="users-heading" className="rounded-lg border border-gray-200 bg-white">
          <h2 id="users-heading" className="border-b border-gray-200 px-5 py-3 text-base font-semibold">
            {users.length} {users.length === 1 ? "user" : "users"}
          </h2>
          <ul aria-label="Users" className="divide-y divide-gray-200">
            {users.map((user) => (
              <li key={user.id} aria-label={user.name} className="grid gap-3 px-5 py-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-start">
                <div className="min-w-0">
                  <p className="font-medium text-gray-900">
                    {user.name}
                    {user.id === admin.id && <span className="ml-2 text-xs font-normal text-gray-500">(you)</span>}
                  </p>
                  <p className="break-all text-sm text-gray-600">{user.email}</p>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                    <span className="rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-700">{user.role === "ADMIN" ? "Administrator" : "User"}</span>
                    <span className={`rounded-full px-2 py-0.5 font-medium ${STATUS_STYLES[user.status]}`}>{STATUS_LABELS[user.status]}</span>
                    {user.status === "INVITED" &&
                      (user.invitationExpiresAt && user.invitationExpiresAt > now ? (
                        <span className="text-gray-600">
                          Invitation valid until <DateTime value={user.invitationExpiresAt} />
                        </span>
                      ) : (
                        <span className="text-red-700">Invitation expired: resend it</span>
                      ))}
                  </p>
                </div>
                <UserActions user={user} isSelf={user.id === admin.id} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
