"use server";

import { acceptInvitation } from "@/lib/auth/passwords";
import { visitorLocale } from "@/lib/i18n/visitor";
import { choosePasswordAction } from "../../_components/choose-password-action";

// The invitation link's "Choose your password": sets it, activates the user,
// uses the link; the invitee keeps the language their browser asked for.
export const acceptInvitationAction = choosePasswordAction(async (token, password) => acceptInvitation(token, password, undefined, await visitorLocale()));
