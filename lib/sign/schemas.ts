import { z } from "zod";
import { idField, textField } from "@/lib/http/params";
import { LOCALES } from "@/lib/i18n/locales";

// The "New signature request" form: shared by the client form and its action.

export const signerInputSchema = z
  .object({
    contactId: idField("sign.unknownContact").optional(),
    name: textField().trim().max(200).optional(),
    email: textField().trim().max(320).optional(),
    requireVerification: z.boolean().default(false),
  })
  .superRefine((signer, ctx) => {
    if (signer.contactId) return;
    if (!signer.name) ctx.addIssue({ code: "custom", message: "sign.signerNameMissing" });
    if (!signer.email || !z.email().safeParse(signer.email).success) ctx.addIssue({ code: "custom", message: "field.emailInvalid" });
  });

export const newSignatureRequestSchema = z.object({
  title: textField().trim().min(1, "sign.titleMissing").max(200),
  /** The language of the signing e-mails and the audit page; absent: the requester's. */
  locale: z.preprocess((value) => (value === "" ? undefined : value), z.enum(LOCALES, "i18n.localeUnknown").optional()),
  signers: textField()
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "sign.signersMissing" });
        return z.NEVER;
      }
    })
    .pipe(z.array(signerInputSchema).min(1, "sign.signersMissing").max(20, "sign.tooManySigners")),
});

export type NewSignatureRequest = z.infer<typeof newSignatureRequestSchema>;
export type SignerInput = z.input<typeof signerInputSchema>;

export const signatureSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("TYPED"), text: textField().trim().min(1, "sign.typedMissing").max(100) }),
  z.object({
    kind: z.literal("DRAWN"),
    png: textField()
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, "sign.drawingMissing")
      .max(400_000, "sign.drawingTooLarge"),
  }),
]);

export type SignatureInput = z.infer<typeof signatureSchema>;
