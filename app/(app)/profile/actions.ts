"use server";

import { revalidatePath } from "next/cache";
import { formAction, ok } from "@/lib/actions/action";
import { changePassword, updateProfile } from "@/lib/auth/passwords";
import { changePasswordSchema, profileSchema } from "@/lib/auth/schemas";
import { refusingAccountErrors } from "@/components/account-errors";

// The signed-in user's own profile: every action acts on the caller only.

export const updateProfileAction = formAction({
  role: "ANY",
  input: profileSchema,
  async run({ user, input }) {
    await updateProfile(user.id, input);
    revalidatePath("/", "layout");
    return ok("Saved.");
  },
});

export const changePasswordAction = formAction({
  role: "ANY",
  input: changePasswordSchema,
  run: ({ user, input }) =>
    refusingAccountErrors(async () => {
      await changePassword(user.id, input.currentPassword, input.password);
      return ok("Password changed. Use the new one next time you sign in.");
    }),
});
