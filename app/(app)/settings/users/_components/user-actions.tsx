"use client";

import { useActionState } from "react";
import { Button } from "@/components/button";
import type { Role } from "@/lib/auth/session";
import type { UserStatus } from "@/lib/auth/users";
import {
  changeRoleAction,
  deactivateUserAction,
  reactivateUserAction,
  resendInvitationAction,
  type UserActionState,
} from "../actions";
import { SharedLink } from "./shared-link";

type Action = (previous: UserActionState, formData: FormData) => Promise<UserActionState>;

function ActionButton({
  action,
  userId,
  label,
  pendingLabel,
  accessibleName,
  role,
  variant = "secondary",
}: {
  action: Action;
  userId: number;
  label: string;
  pendingLabel: string;
  accessibleName: string;
  role?: Role;
  variant?: "secondary" | "danger";
}) {
  const [state, formAction, pending] = useActionState(action, { ok: true, message: "" });
  return (
    <form action={formAction} className="flex flex-col items-start gap-1">
      <input type="hidden" name="userId" value={userId} />
      {role && <input type="hidden" name="role" value={role} />}
      <Button type="submit" variant={variant} pending={pending} pendingLabel={pendingLabel} aria-label={accessibleName} className="px-2.5! py-1! text-xs!">
        {label}
      </Button>
      {state.message && !pending && (
        <div role={state.ok ? "status" : "alert"} className={`max-w-xs text-xs ${state.ok ? "text-green-800" : "text-red-700"}`}>
          {state.message}
          {state.linkToShare && <SharedLink link={state.linkToShare} />}
        </div>
      )}
    </form>
  );
}

/** What an administrator can do to one user of the company (not all of it to themselves). */
export function UserActions({ user, isSelf }: { user: { id: number; name: string; role: Role; status: UserStatus }; isSelf: boolean }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      {user.status === "INVITED" && (
        <ActionButton action={resendInvitationAction} userId={user.id} label="Resend invitation" pendingLabel="Sending…" accessibleName={`Resend invitation to ${user.name}`} />
      )}
      {user.status !== "DEACTIVATED" &&
        (user.role === "ADMIN" ? (
          <ActionButton action={changeRoleAction} userId={user.id} role="USER" label="Make user" pendingLabel="Saving…" accessibleName={`Make ${user.name} a user`} />
        ) : (
          <ActionButton action={changeRoleAction} userId={user.id} role="ADMIN" label="Make administrator" pendingLabel="Saving…" accessibleName={`Make ${user.name} an administrator`} />
        ))}
      {user.status === "DEACTIVATED" ? (
        <ActionButton action={reactivateUserAction} userId={user.id} label="Reactivate" pendingLabel="Reactivating…" accessibleName={`Reactivate ${user.name}`} />
      ) : (
        !isSelf && (
          <ActionButton action={deactivateUserAction} userId={user.id} label="Deactivate" pendingLabel="Deactivating…" accessibleName={`Deactivate ${user.name}`} variant="danger" />
        )
      )}
    </div>
  );
}
