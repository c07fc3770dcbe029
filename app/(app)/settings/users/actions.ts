"use server";

import type { z } from "zod";
import { ok, type ActionResult } from "@/lib/actions/action";
import { actionsOf } from "@/lib/actions/row-action";
import type { SessionUser } from "@/lib/auth/session";
import type { Words } from "@/lib/i18n/catalogue";
import { changeRoleSchema, inviteSchema, userIdSchema } from "@/lib/auth/schemas";
import { changeRole, deactivateUser, inviteUser, reactivateUser, resendInvitation, type InvitationOutcome } from "@/lib/auth/users";
import { accountRefusal, deliveryNote } from "@/components/account-errors";

/** What an invitation answers beside its message: the link, shown once when it cannot be e-mailed (no SMTP server). */
export interface InvitationSent {
  linkToShare: string | null;
}

const page = actionsOf({ role: "ADMIN", messages: "users.done", revalidate: ["/settings/users"] });

/**
 * A Settings → Users action: an administrator, one lib/auth/users call scoped
 * to their company, then the list re-read. Its refusal codes become words (a
 * refused call changed nothing: it throws past the re-read).
 */
function usersAction<S extends z.ZodType, T = undefined>(input: S, run: (call: { user: SessionUser; input: z.output<S>; t: Words }) => Promise<ActionResult<T>>) {
  return page.formAction({ input, refusal: accountRefusal, run });
}

async function invitationSent(message: string, outcome: InvitationOutcome): Promise<ActionResult<InvitationSent>> {
  return ok(`${message} ${await deliveryNote(outcome.delivery)}`, { linkToShare: outcome.linkToShare });
}

export const inviteUserAction = usersAction(inviteSchema, async ({ user, input, t }) => invitationSent(t("invited", { email: input.email }), await inviteUser(user, input)));

export const resendInvitationAction = usersAction(userIdSchema, async ({ user, input, t }) => invitationSent(t("resent"), await resendInvitation(user, input.userId)));

export const changeRoleAction = usersAction(changeRoleSchema, async ({ user, input, t }) => {
  await changeRole(user, input.userId, input.role);
  return ok(t(input.role === "ADMIN" ? "nowAdmin" : "nowUser"));
});

export const deactivateUserAction = usersAction(userIdSchema, async ({ user, input, t }) => {
  await deactivateUser(user, input.userId);
  return ok(t("deactivated"));
});

export const reactivateUserAction = usersAction(userIdSchema, async ({ user, input, t }) => {
  const status = await reactivateUser(user, input.userId);
  return ok(t(status === "ACTIVE" ? "reactivated" : "reactivatedNoPassword"));
});
