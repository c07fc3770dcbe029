"use server";

import { acceptInvitation } from "@/lib/auth/passwords";
import { choosePassword } from "../../_components/choose-password-action";
import type { ChoosePasswordState } from "../../_components/choose-password-form";

// The invitation link's "Choose your password": sets it, activates the user, uses the link.
export async function acceptInvitationAction(formData: FormData): Promise<ChoosePasswordState> {
  return choosePassword(formData, (token, password) => acceptInvitation(token, password));
}
