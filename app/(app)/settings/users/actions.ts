"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { formAction, ok, type ActionResult } from "@/lib/actions/action";
import type { SessionUser } from "@/lib/auth/session";
import { changeRoleSchema, inviteSchema, userIdSchema } from "@/lib/auth/schemas";
import { changeRole, deactivateUser, inviteUser, reactivateUser, resendInvitation, type InvitationOutcome } from "@/lib/auth/users";
import { accountRefusal, deliveryNote } from "@/components/account-errors";

const PATH = "/settings/users";

/** What an invitation answers beside its message: the link, shown once when it cannot be e-mailed (no SMTP server). */
export interface InvitationSent {
  linkToShare: string | null;
}

/**
 * A Settings → Users action: an administrator, one lib/auth/users call scoped
 * to their company, then the list re-read. Its refusal codes become words (a
 * refused call changed nothing: it throws past the re-read).
 */
function usersAction<S extends z.ZodType, T = undefined>(input: S, run: (call: { user: SessionUser; input: z.output<S> }) => Promise<ActionResult<T>>) {
  return formAction({
    role: "ADMIN",
    input,
    refusal: accountRefusal,
    async run({ user, input }) {
      const result = await run({ user, input });
      revalidatePath(PATH);
      return result;
    },
  });
}

async function invitationSent(message: string, outcome: InvitationOutcome): Promise<ActionResult<InvitationSent>> {
  return ok(`${message} ${await deliveryNote(outcome.delivery)}`, { linkToShare: outcome.linkToShare });
}

const words = () => getTranslations("users.done");

export const inviteUserAction = usersAction(inviteSchema, async ({ user, input }) => invitationSent((await words())("invited", { email: input.email }), await inviteUser(user, input)));

export const resendInvitationAction = usersAction(userIdSchema, async ({ user, input }) => invitationSent((await words())("resent"), await resendInvitation(user, input.userId)));

export const changeRoleAction = usersAction(changeRoleSchema, async ({ user, input }) => {
  await changeRole(user, input.userId, input.role);
  return ok((await words())(input.role === "ADMIN" ? "nowAdmin" : "nowUser"));
});

export const deactivateUserAction = usersAction(userIdSchema, async ({ user, input }) => {
  await deactivateUser(user, input.userId);
  return ok((await words())("deactivated"));
});

export const reactivateUserAction = usersAction(userIdSchema, async ({ user, input }) => {
  const status = await reactivateUser(user, input.userId);
  return ok((await words())(status === "ACTIVE" ? "reactivated" : "reactivatedNoPassword"));
});
