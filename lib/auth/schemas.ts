import { z } from "zod";
import { isCountryCode } from "@/lib/contacts/countries";
import { idField, textField } from "@/lib/http/params";
import { localeField, timeZoneField } from "@/lib/i18n/schemas";

// Schemas shared by the auth forms (client-side checks) and their server
// actions (the real checks). Messages are the forms' field messages.

export const emailField = textField().trim().toLowerCase().min(1, "Enter an e-mail address.").pipe(z.email("Enter a valid e-mail address."));

export const MIN_PASSWORD_LENGTH = 8;
/** bcrypt (older hashes, still verified) reads at most 72 bytes: a longer password would be silently cut there. */
export const MAX_PASSWORD_BYTES = 72;
export const passwordField = textField()
  .min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`)
  .refine((value) => new TextEncoder().encode(value).length <= MAX_PASSWORD_BYTES, `Passwords can be at most ${MAX_PASSWORD_BYTES} bytes long.`);

const nameField = (what: string) => textField().trim().min(1, `${what} is required.`).max(200, `${what} is too long (200 characters at most).`);

export const roleField = z.enum(["ADMIN", "USER"], { message: "Choose Administrator or User." });

/** The sign-in error (next-auth's `error`) for a deactivated account whose password was right. */
export const ACCOUNT_DEACTIVATED = "account-deactivated";

export const signInSchema = z.object({
  email: textField().trim().toLowerCase().min(1, "Enter your e-mail address.").pipe(z.email("Enter a valid e-mail address.")),
  password: textField().min(1, "Enter your password."),
});

export const newUserSchema = z.object({
  email: emailField,
  name: nameField("Name"),
  password: passwordField,
  role: roleField,
});

/**
 * A new password is typed twice (invitation, reset, change). The fields are
 * named like passwords so the action wrapper never echoes them back.
 */
const typedTwice: [(value: { password: string; confirmPassword: string }) => boolean, { path: string[]; message: string }] = [
  (value) => value.password === value.confirmPassword,
  { path: ["confirmPassword"], message: "The two passwords differ." },
];

export const choosePasswordSchema = z
  .object({
    token: textField().min(1, "This link is not complete: open it again from your e-mail.").max(200, "This link is not valid: open it again from your e-mail."),
    password: passwordField,
    confirmPassword: textField(),
  })
  .refine(...typedTwice);

export const setupSchema = z.object({
  companyName: nameField("Company name"),
  country: textField().trim().toUpperCase().refine(isCountryCode, "Choose a country."),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf("currency").includes(code), "Choose a currency."),
  name: nameField("Your name"),
  email: emailField,
  password: passwordField,
});

export const inviteSchema = z.object({ email: emailField, name: nameField("Name"), role: roleField });

/** A user picked from the list (a hidden field): anything else is a stale or crafted form. */
export const userIdSchema = z.object({ userId: idField("Unknown user. Reload the page.") });

export const changeRoleSchema = userIdSchema.extend({ role: roleField });

/**
 * The profile's details. Language and time zone may be absent (a client that
 * sends only the name leaves them as they are); an empty zone is the company's.
 */
export const profileSchema = z.object({
  name: nameField("Name"),
  locale: localeField.optional(),
  timeZone: z.union([z.literal("").transform(() => null), timeZoneField]).optional(),
});

export const changePasswordSchema = z
  .object({ currentPassword: textField().min(1, "Enter your current password."), password: passwordField, confirmPassword: textField() })
  .refine(...typedTwice);

export const forgotPasswordSchema = z.object({ email: emailField });

export type SetupInput = z.infer<typeof setupSchema>;
export type InviteInput = z.infer<typeof inviteSchema>;

