"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AccountError } from "@/lib/auth/errors";
import { changeRoleSchema, inviteSchema, userIdSchema } from "@/lib/auth/schemas";
import { authorizeAction, type SessionUser } from "@/lib/auth/session";
import { changeRole, deactivateUser, inviteUser, reactivateUser, resendInvitation, type InvitationOutcome } from "@/lib/auth/users";
import { ACCOUNT_ERROR_FIELDS, ACCOUNT_ERRORS, DELIVERY_NOTES } from "@/components/account-errors";

// Settings → Users. Each action: an administrator of the company, a valid
// form, one lib/auth/users call scoped to the administrator's company.

export interface UserActionState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** The invitation link, shown once when it cannot be e-mailed (no SMTP server). */
  linkToShare?: string | null;
}

async function asAdmin(work: (admin: SessionUser) => Promise<UserActionState>): Promise<UserActionState> {
  const { user, error } = await authorizeAction("ADMIN");
  if (!user) return { ok: false, message: error };
  try {
    const state = await work(user);
    revalidatePath("/settings/users");
    return state;
  } catch (caught) {
    if (!(caught instanceof AccountError)) throw caught;
    const field = ACCOUNT_ERROR_FIELDS[caught.code];
    return { ok: false, message: ACCOUNT_ERRORS[caught.code], fieldErrors: field ? { [field]: [ACCOUNT_ERRORS[caught.code]] } : undefined };
  }
}

function invitationSent(message: string, outcome: InvitationOutcome): UserActionState {
  return { ok: true, message: `${message} ${DELIVERY_NOTES[outcome.delivery]}`, linkToShare: outcome.linkToShare };
}

const BAD_USER: UserActionState = { ok: false, message: "Unknown user. Reload the page." };

export async function inviteUserAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  return asAdmin(async (admin) => {
    const parsed = inviteSchema.safeParse({ email: formData.get("email"), name: formData.get("name"), role: formData.get("role") });
    if (!parsed.success) return { ok: false, message: "", fieldErrors: z.flattenError(parsed.error).fieldErrors };
    return invitationSent(`Invitation sent to ${parsed.data.email}.`, await inviteUser(admin, parsed.data));
  });
}

export async function resendInvitationAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  return asAdmin(async (admin) => {
    const parsed = userIdSchema.safeParse({ userId: formData.get("userId") });
    if (!parsed.success) return BAD_USER;
    const outcome = await resendInvitation(admin, parsed.data.userId);
    return invitationSent("New invitation sent (the previous link no longer works).", outcome);
  });
}

export async function changeRoleAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  return asAdmin(async (admin) => {
    const parsed = changeRoleSchema.safeParse({ userId: formData.get("userId"), role: formData.get("role") });
    if (!parsed.success) return BAD_USER;
    await changeRole(admin, parsed.data.userId, parsed.data.role);
    return { ok: true, message: parsed.data.role === "ADMIN" ? "Now an administrator." : "Now a user." };
  });
}

export async function deactivateUserAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  return asAdmin(async (admin) => {
    const parsed = userIdSchema.safeParse({ userId: formData.get("userId") });
    if (!parsed.success) return BAD_USER;
    await deactivateUser(admin, parsed.data.userId);
    return { ok: true, message: "Deactivated: signed out at their next click." };
  });
}

export async function reactivateUserAction(_previous: UserActionState, formData: FormData): Promise<UserActionState> {
  return asAdmin(async (admin) => {
    const parsed = userIdSchema.safeParse({ userId: formData.get("userId") });
    if (!parsed.success) return BAD_USER;
    const status = await reactivateUser(admin, parsed.data.userId);
    return { ok: true, message: status === "ACTIVE" ? "Reactivated: they can sign in again." : "Reactivated: they have no password yet, so resend their invitation." };
  });
}
