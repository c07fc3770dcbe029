"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AccountError } from "@/lib/auth/errors";
import { changePassword, updateProfile } from "@/lib/auth/passwords";
import { changePasswordSchema, profileSchema, type AuthFormState } from "@/lib/auth/schemas";
import { authorizeAction } from "@/lib/auth/session";
import { ACCOUNT_ERROR_FIELDS, ACCOUNT_ERRORS } from "@/components/account-errors";

// The signed-in user's own profile: every action acts on the caller only.

export async function updateProfileAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const { user, error } = await authorizeAction();
  if (!user) return { ok: false, message: error };
  const parsed = profileSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) return { ok: false, message: "", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  await updateProfile(user.id, parsed.data);
  revalidatePath("/", "layout");
  return { ok: true, message: "Saved." };
}

export async function changePasswordAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const { user, error } = await authorizeAction();
  if (!user) return { ok: false, message: error };
  const parsed = changePasswordSchema.safeParse({ current: formData.get("current"), password: formData.get("password"), confirm: formData.get("confirm") });
  if (!parsed.success) return { ok: false, message: "", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await changePassword(user.id, parsed.data.current, parsed.data.password);
  } catch (caught) {
    if (!(caught instanceof AccountError)) throw caught;
    const field = ACCOUNT_ERROR_FIELDS[caught.code];
    return { ok: false, message: "", fieldErrors: field ? { [field]: [ACCOUNT_ERRORS[caught.code]] } : undefined };
  }
  return { ok: true, message: "Password changed. Use the new one next time you sign in." };
}
