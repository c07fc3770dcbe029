import { TextField } from "./form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";

/**
 * A password being chosen (set-up, invitation, reset, profile), and with
 * `repeatLabel` the same typed again. The fields are named `password` and
 * `confirmPassword`, like the auth schemas' fields: named like passwords, so
 * the action wrapper never echoes them back to a refused form.
 */
export function NewPasswordFields({
  label = "New password",
  repeatLabel,
  errors,
}: {
  label?: string;
  repeatLabel?: string;
  /** The form's `errors(name)`. */
  errors: (name: string) => string[] | undefined;
}) {
  return (
    <>
      <TextField label={label} name="password" type="password" autoComplete="new-password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} errors={errors("password")} />
      {repeatLabel && <TextField label={repeatLabel} name="confirmPassword" type="password" autoComplete="new-password" errors={errors("confirmPassword")} />}
    </>
  );
}
