"use server";

import { resetPassword } from "@/lib/auth/passwords";
import { choosePassword } from "../../_components/choose-password-action";
import type { ChoosePasswordState } from "../../_components/choose-password-form";

// The reset link's "Choose a new password": sets it and uses the link.
export async function resetPasswordAction(formData: FormData): Promise<ChoosePasswordState> {
  return choosePassword(formData, (token, password) => resetPassword(token, password));
}
