import { z } from "zod";
import { isCountryCode } from "@/lib/contacts/countries";
import { idField, textField } from "@/lib/http/params";
import { localeField, timeZoneField } from "@/lib/i18n/schemas";

// Schemas shared by the auth forms (client-side checks) and their server
// actions (the real checks). Messages are codes of the forms' field messages
// (messages/<locale>/validation.json, said by lib/i18n/issues.ts).

export const emailField = textField().trim().toLowerCase().min(1, "auth.emailRequired").pipe(z.email("field.emailInvalid"));

export const MIN_PASSWORD_LENGTH = 8;
/** bcrypt (older hashes, still verified) reads at most 72 bytes: a longer password would be silently cut there. */
export const MAX_PASSWORD_BYTES = 72;
export const passwordField = textField()
  .min(MIN_PASSWORD_LENGTH, "auth.passwordTooShort")
  .refine((value) => new TextEncoder().encode(value).length <= MAX_PASSWORD_BYTES, { message: "auth.passwordTooLong", params: { maximum: MAX_PASSWORD_BYTES } });

/** A name field: `auth.<field>.required` / `auth.<field>.tooLong` say which name ("Company name is required."). */
const nameField = (field: "name" | "companyName" | "yourName") => textField().trim().min(1, `auth.${field}.required`).max(200, `auth.${field}.tooLong`);

export const roleField = z.enum(["ADMIN", "USER"], { message: "auth.roleMissing" });

/** The sign-in error (next-auth's `error`) for a deactivated account whose password was right. */
export const ACCOUNT_DEACTIVATED = "account-deactivated";

export const signInSchema = z.object({
  email: textField().trim().toLowerCase().min(1, "auth.yourEmailRequired").pipe(z.email("field.emailInvalid")),
  password: textField().min(1, "auth.passwordRequired"),
});

export const newUserSchema = z.object({
  email: emailField,
  name: nameField("name"),
  password: passwordField,
  role: roleField,
});

/**
 * A new password is typed twice (invitation, reset, change). The fields are
 * named like passwords so the action wrapper never echoes them back.
 */
const typedTwice: [(value: { password: string; confirmPassword: string }) => boolean, { path: string[]; message: string }] = [
  (value) => value.password === value.confirmPassword,
  { path: ["confirmPassword"], message: "auth.passwordsDiffer" },
];

export const choosePasswordSchema = z
  .object({
    token: textField().min(1, "auth.linkIncomplete").max(200, "auth.linkInvalid"),
    password: passwordField,
    confirmPassword: textField(),
  })
  .refine(...typedTwice);

export const setupSchema = z.object({
  companyName: nameField("companyName"),
  country: textField().trim().toUpperCase().refine(isCountryCode, "auth.countryMissing"),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf("currency").includes(code), "auth.currencyMissing"),
  name: nameField("yourName"),
  email: emailField,
  password: passwordField,
});

export const inviteSchema = z.object({ email: emailField, name: nameField("name"), role: roleField });

/** A user picked from the list (a hidden field): anything else is a stale or crafted form. */
export const userIdSchema = z.object({ userId: idField("auth.unknownUser") });

export const changeRoleSchema = userIdSchema.extend({ role: roleField });

/**
 * The profile's details. Language and time zone may be absent (a client that
 * sends only the name leaves them as they are); an empty zone is the company's.
 */
export const profileSchema = z.object({
  name: nameField("name"),
  locale: localeField.optional(),
  timeZone: z.union([z.literal("").transform(() => null), timeZoneField]).optional(),
});

export const changePasswordSchema = z
  .object({ currentPassword: textField().min(1, "auth.currentPasswordRequired"), password: passwordField, confirmPassword: textField() })
  .refine(...typedTwice);

export const forgotPasswordSchema = z.object({ email: emailField });

export type SetupInput = z.infer<typeof setupSchema>;
export type InviteInput = z.infer<typeof inviteSchema>;

