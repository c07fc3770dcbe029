"use server";

import { acceptInvitation } from "@/lib/auth/passwords";
import { choosePasswordAction } from "../../_components/choose-password-action";

// The invitation link's "Choose your password": sets it, activates the user, uses the link.
export const acceptInvitationAction = choosePasswordAction((token, password) => acceptInvitation(token, password));
