"use server";

import { revalidatePath } from "next/cache";
import { formAction, ok, type ActionResult } from "@/lib/actions/action";
import { changeRoleSchema, inviteSchema, userIdSchema } from "@/lib/auth/schemas";
import { changeRole, deactivateUser, inviteUser, reactivateUser, resendInvitation, type InvitationOutcome } from "@/lib/auth/users";
import { DELIVERY_NOTES, refusingAccountErrors } from "@/components/account-errors";

// Settings → Users. Each action: an administrator of the company, a valid
// form, one lib/auth/users call scoped to the administrator's company.

const PATH = "/settings/users";

/** What an invitation answers beside its message: the link, shown once when it cannot be e-mailed (no SMTP server). */
export interface InvitationSent {
  linkToShare: string | null;
}

/** The users call, then the list re-read; its refusal codes become words. */
function changingUsers<T>(work: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  return refusingAccountErrors(async () => {
    const result = await work();
    revalidatePath(PATH);
    return result;
  });
}

function invitationSent(message: string, outcome: InvitationOutcome): ActionResult<InvitationSent> {
  return ok(`${message} ${DELIVERY_NOTES[outcome.delivery]}`, { linkToShare: outcome.linkToShare });
}

export const inviteUserAction = formAction({
  role: "ADMIN",
  input: inviteSchema,
  run: ({ user, input }) => changingUsers(async () => invitationSent(`Invitation sent to ${input.email}.`, await inviteUser(user, input))),
});

export const resendInvitationAction = formAction({
  role: "ADMIN",
  input: userIdSchema,
  run: ({ user, input }) =>
    changingUsers(async () => invitationSent("New invitation sent (the previous link no longer works).", await resendInvitation(user, input.userId))),
});

export const changeRoleAction = formAction({
  role: "ADMIN",
  input: changeRoleSchema,
  run: ({ user, input }) =>
    changingUsers(async () => {
      await changeRole(user, input.userId, input.role);
      return ok(input.role === "ADMIN" ? "Now an administrator." : "Now a user.");
    }),
});

export const deactivateUserAction = formAction({
  role: "ADMIN",
  input: userIdSchema,
  run: ({ user, input }) =>
    changingUsers(async () => {
      await deactivateUser(user, input.userId);
      return ok("Deactivated: signed out at their next click.");
    }),
});

export const reactivateUserAction = formAction({
  role: "ADMIN",
  input: userIdSchema,
  run: ({ user, input }) =>
    changingUsers(async () => {
      const status = await reactivateUser(user, input.userId);
      return ok(status === "ACTIVE" ? "Reactivated: they can sign in again." : "Reactivated: they have no password yet, so resend their invitation.");
    }),
});
