"use client";

import { ActionFeedback, useActionForm } from "@/components/action-feedback";
import { ActionButton } from "@/components/action-button";
import { Button } from "@/components/button";
import type { Role } from "@/lib/auth/session";
import type { UserStatus } from "@/lib/auth/users";
import { changeRoleAction, deactivateUserAction, reactivateUserAction, resendInvitationAction } from "../actions";
import { SharedLink } from "./shared-link";

/** Resend: like the other buttons, plus the new link when it could not be e-mailed. */
function ResendInvitationButton({ user }: { user: { id: number; name: string } }) {
  const form = useActionForm(resendInvitationAction);
  return (
    <form action={form.action} className="inline-flex flex-col items-start gap-1">
      <input type="hidden" name="userId" value={user.id} />
      <Button type="submit" variant="link" pending={form.pending} pendingLabel="Sending…" aria-label={`Resend invitation to ${user.name}`} className="whitespace-nowrap text-sm">
        Resend invitation
      </Button>
      <ActionFeedback state={form.state} fieldsShown={false} className="text-xs!" />
      {form.data?.linkToShare && <SharedLink link={form.data.linkToShare} />}
    </form>
  );
}

/** What an administrator can do to one user of the company (not all of it to themselves). */
export function UserActions({ user, isSelf }: { user: { id: number; name: string; role: Role; status: UserStatus }; isSelf: boolean }) {
  const newRole: Role = user.role === "ADMIN" ? "USER" : "ADMIN";
  return (
    <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
      {user.status === "INVITED" && <ResendInvitationButton user={user} />}
      {user.status !== "DEACTIVATED" && (
        <ActionButton
          action={changeRoleAction}
          fields={{ userId: user.id, role: newRole }}
          pendingLabel="Saving…"
          label={newRole === "USER" ? `Make ${user.name} a user` : `Make ${user.name} an administrator`}
          className="whitespace-nowrap"
        >
          {newRole === "USER" ? "Make user" : "Make administrator"}
        </ActionButton>
      )}
      {user.status === "DEACTIVATED" ? (
        <ActionButton action={reactivateUserAction} fields={{ userId: user.id }} pendingLabel="Reactivating…" label={`Reactivate ${user.name}`} className="whitespace-nowrap">
          Reactivate
        </ActionButton>
      ) : (
        !isSelf && (
          <ActionButton action={deactivateUserAction} fields={{ userId: user.id }} pendingLabel="Deactivating…" label={`Deactivate ${user.name}`} className="whitespace-nowrap text-red-700">
            Deactivate
          </ActionButton>
        )
      )}
    </div>
  );
}
