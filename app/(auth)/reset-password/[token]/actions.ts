"use server";

import { resetPassword } from "@/lib/auth/passwords";
import { choosePasswordAction } from "../../_components/choose-password-action";

// The reset link's "Choose a new password": sets it and uses the link.
export const resetPasswordAction = choosePasswordAction((token, password) => resetPassword(token, password));
