"use server";

import { getTranslations } from "next-intl/server";
import { formAction, ok } from "@/lib/actions/action";
import { changePassword, updateProfile } from "@/lib/auth/passwords";
import { changePasswordSchema, profileSchema } from "@/lib/auth/schemas";
import { accountRefusal } from "@/components/account-errors";

// The signed-in user's own profile: every action acts on the caller only.

// The whole layout is read again: a new language or zone shows at once, in
// the nav as on this page ("Saved." already in the new language).
export const updateProfileAction = formAction({
  role: "ANY",
  input: profileSchema,
  revalidate: [["/", "layout"]],
  async run({ user, input }) {
    await updateProfile(user.id, input);
    // Its own translator, not `messages`: that one speaks the request's language, the one just replaced.
    const t = await getTranslations({ locale: input.locale ?? user.locale ?? "en", namespace: "profile.details" });
    return ok(t("saved"));
  },
});

export const changePasswordAction = formAction({
  role: "ANY",
  input: changePasswordSchema,
  refusal: accountRefusal,
  messages: "profile.password",
  async run({ user, input, t }) {
    await changePassword(user.id, input.currentPassword, input.password);
    return ok(t("changed"));
  },
});
