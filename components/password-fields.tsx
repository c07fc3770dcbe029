import { useTranslations } from "next-intl";
import { TextField } from "./form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";

/**
 * A password being chosen (set-up, invitation, reset, profile), and with
 * `repeatLabel` the same typed again. The fields are named `password` and
 * `confirmPassword`, like the auth schemas' fields: named like passwords, so
 * the action wrapper never echoes them back to a refused form.
 */
export function NewPasswordFields({
  label,
  repeatLabel,
  errors,
}: {
  /** Default: "New password". */
  label?: string;
  repeatLabel?: string;
  /** The form's `errors(name)`. */
  errors: (name: string) => string[] | undefined;
}) {
  const t = useTranslations("ui");
  return (
    <>
      <TextField label={label ?? t("newPassword")} name="password" type="password" autoComplete="new-password" hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })} errors={errors("password")} />
      {repeatLabel && <TextField label={repeatLabel} name="confirmPassword" type="password" autoComplete="new-password" errors={errors("confirmPassword")} />}
    </>
  );
}
