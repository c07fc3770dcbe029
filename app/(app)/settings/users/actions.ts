"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formAction, ok, type ActionResult } from "@/lib/actions/action";
import { changeRoleSchema, inviteSchema, userIdSchema } from "@/lib/auth/schemas";
import { changeRole, deactivateUser, inviteUser, reactivateUser, resendInvitation, type InvitationOutcome } from "@/lib/auth/users";
import { deliveryNote, refusingAccountErrors } from "@/components/account-errors";

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

async function invitationSent(message: string, outcome: InvitationOutcome): Promise<ActionResult<InvitationSent>> {
  return ok(`${message} ${await deliveryNote(outcome.delivery)}`, { linkToShare: outcome.linkToShare });
}

const words = () => getTranslations("users.done");

export const inviteUserAction = formAction({
  role: "ADMIN",
  input: inviteSchema,
  run: ({ user, input }) => changingUsers(async () => invitationSent((await words())("invited", { email: input.email }), await inviteUser(user, input))),
});

export const resendInvitationAction = formAction({
  role: "ADMIN",
  input: userIdSchema,
  run: ({ user, input }) =>
    changingUsers(async () => invitationSent((await words())("resent"), await resendInvitation(user, input.userId))),
});

export const changeRoleAction = formAction({
  role: "ADMIN",
  input: changeRoleSchema,
  run: ({ user, input }) =>
    changingUsers(async () => {
      await changeRole(user, input.userId, input.role);
      return ok((await words())(input.role === "ADMIN" ? "nowAdmin" : "nowUser"));
    }),
});

export const deactivateUserAction = formAction({
  role: "ADMIN",
  input: userIdSchema,
  run: ({ user, input }) =>
    changingUsers(async () => {
      await deactivateUser(user, input.userId);
      return ok((await words())("deactivated"));
    }),
});

export const reactivateUserAction = formAction({
  role: "ADMIN",
  input: userIdSchema,
  run: ({ user, input }) =>
    changingUsers(async () => {
      const status = await reactivateUser(user, input.userId);
      return ok((await words())(status === "ACTIVE" ? "reactivated" : "reactivatedNoPassword"));
    }),
});
