"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { idField } from "@/lib/http/params";
import { signatureRequestPath } from "@/lib/routes";
import { cancelSignatureRequest, renewSigningLink, SignerActionError } from "@/lib/sign/signer-actions";

const signerInput = z.object({ requestId: idField("sign.unknownRequest"), signerId: idField("sign.unknownSigner") });

/** The request's refusals (not found, closed, not the requester's): words in sign.actions.refusals.<SignerActionRefusal>. */
async function signerRefusal(error: unknown) {
  return error instanceof SignerActionError ? refuse((await getTranslations("sign.actions.refusals"))(error.code)) : null;
}

/**
 * "Copy link" (the new link, shown once) and "Resend" (the new link, e-mailed
 * to the signer) are one renewal: either way the old link stops working.
 */
function renewLinkAction(email: boolean) {
  return formAction({
    role: "ANY",
    input: signerInput,
    refusal: signerRefusal,
    async run({ user, input }) {
      const renewed = await renewSigningLink(user, input.requestId, input.signerId, { email });
      revalidatePath(signatureRequestPath(input.requestId));
      revalidatePath("/sign");
      const t = await getTranslations("sign.actions");
      // The link itself comes back only to be copied: a resent one is for the signer's inbox.
      return email ? ok<{ url: string }>(t("resent")) : ok(t("linkMade"), { url: renewed.url });
    },
  });
}

export const copySigningLinkAction = renewLinkAction(false);

export const resendSigningEmailAction = renewLinkAction(true);

export const cancelSignatureRequestAction = formAction({
  role: "ANY",
  input: z.object({ requestId: idField("sign.unknownRequest") }),
  refusal: signerRefusal,
  async run({ user, input }) {
    await cancelSignatureRequest(user, input.requestId);
    revalidatePath(signatureRequestPath(input.requestId));
    revalidatePath("/sign");
    return ok((await getTranslations("sign.actions"))("canceled"));
  },
});
