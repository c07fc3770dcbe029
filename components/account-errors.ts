// The words for lib/auth's refusal codes (auth.errors in the catalogues),
// shared by the set-up, users, invitation, reset and profile actions
// (server-side only: it builds their refusals with lib/actions, in the
// caller's language).
import "server-only";
import { getTranslations } from "next-intl/server";
import { refuse, type ActionResult } from "@/lib/actions/action";
import { AccountError, type AccountErrorCode } from "@/lib/auth/errors";
import { retryAfterMinutes } from "@/lib/http/rate-limit";
import type { DeliveryNow } from "@/lib/mail/deliver-now";

/** Which form field a refusal belongs to, when it is about one. */
const ACCOUNT_ERROR_FIELDS: Partial<Record<AccountErrorCode, string>> = {
  "email-taken": "email",
  "wrong-password": "currentPassword",
};

/**
 * The `refusal` of the actions that call lib/auth: an AccountError (nothing
 * was changed) becomes its words beside the field it is about, or the form's
 * message. Null for any other error, which the action wrapper handles.
 */
export async function accountRefusal(error: unknown): Promise<ActionResult<never> | null> {
  if (!(error instanceof AccountError)) return null;
  const t = await getTranslations("auth.errors");
  const throttled = error.code === "reset-throttled" || error.code === "invitation-throttled";
  const retryAfterSeconds = typeof error.details.retryAfterSeconds === "number" ? error.details.retryAfterSeconds : 60;
  const words = throttled ? `${t(error.code)} ${t("tryAgainIn", { minutes: retryAfterMinutes(retryAfterSeconds) })}` : t(error.code);
  const field = ACCOUNT_ERROR_FIELDS[error.code];
  return field ? refuse(t("correctField"), { [field]: [words] }) : refuse(words);
}

/** What became of an account e-mail sent at once (lib/mail/deliver-now), in the caller's language. */
export async function deliveryNote(delivery: DeliveryNow): Promise<string> {
  return (await getTranslations("auth.delivery"))(delivery);
}
