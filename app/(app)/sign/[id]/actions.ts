"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { idField } from "@/lib/http/params";
import { signatureRequestPath } from "@/lib/routes";
import { cancelSignatureRequest, renewSigningLink, SignerActionError, type SignerActionRefusal } from "@/lib/sign/signer-actions";

// The refusals' words: messages sign.actions.refusals.<SignerActionRefusal>.
const signerInput = z.object({ requestId: idField("sign.unknownRequest"), signerId: idField("sign.unknownSigner") });

async function refusal(code: SignerActionRefusal) {
  return refuse((await getTranslations("sign.actions.refusals"))(code));
}

async function refusedOr<T>(work: () => Promise<T>): Promise<T | SignerActionRefusal> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SignerActionError) return error.code;
    throw error;
  }
}

/** "Copy link": a new link, shown once (the old one stops working). */
export const copySigningLinkAction = formAction({
  role: "ANY",
  input: signerInput,
  async run({ user, input }) {
    const renewed = await refusedOr(() => renewSigningLink(user, input.requestId, input.signerId, { email: false }));
    if (typeof renewed === "string") return refusal(renewed);
    revalidatePath(signatureRequestPath(input.requestId));
    return ok((await getTranslations("sign.actions"))("linkMade"), { url: renewed.url });
  },
});

/** "Resend": a new link, e-mailed to the signer. */
export const resendSigningEmailAction = formAction({
  role: "ANY",
  input: signerInput,
  async run({ user, input }) {
    const renewed = await refusedOr(() => renewSigningLink(user, input.requestId, input.signerId, { email: true }));
    if (typeof renewed === "string") return refusal(renewed);
    revalidatePath(signatureRequestPath(input.requestId));
    revalidatePath("/sign");
    return ok((await getTranslations("sign.actions"))("resent"));
  },
});

export const cancelSignatureRequestAction = formAction({
  role: "ANY",
  input: z.object({ requestId: idField("sign.unknownRequest") }),
  async run({ user, input }) {
    const canceled = await refusedOr(() => cancelSignatureRequest(user, input.requestId));
    if (typeof canceled === "string") return refusal(canceled);
    revalidatePath(signatureRequestPath(input.requestId));
    revalidatePath("/sign");
    return ok((await getTranslations("sign.actions"))("canceled"));
  },
});
