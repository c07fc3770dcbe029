"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { idField } from "@/lib/http/params";
import { signatureRequestPath } from "@/lib/routes";
import { cancelSignatureRequest, renewSigningLink, SignerActionError } from "@/lib/sign/signer-actions";

const signerInput = z.object({ requestId: idField("sign.unknownRequest"), signerId: idField("sign.unknownSigner") });

/**
 * The request's refusals (not found, closed, not the requester's): words in sign.actions.refusals.<SignerActionRefusal>.
 * Its own getTranslations: a `refusal` is given the error only, not `run`'s `t`.
 */
async function signerRefusal(error: unknown) {
  return error instanceof SignerActionError ? refuse((await getTranslations("sign.actions.refusals"))(error.code)) : null;
}

/** Both pages show the request's signers and status. */
const requestPages = (input: { requestId: number }) => [signatureRequestPath(input.requestId), "/sign"];

/**
 * "Copy link" (the new link, shown once) and "Resend" (the new link, e-mailed
 * to the signer) are one renewal: either way the old link stops working.
 */
function renewLinkAction(email: boolean) {
  return formAction({
    role: "ANY",
    input: signerInput,
    refusal: signerRefusal,
    messages: "sign.actions",
    revalidate: requestPages,
    async run({ user, input, t }) {
      const renewed = await renewSigningLink(user, input.requestId, input.signerId, { email });
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
  messages: "sign.actions",
  revalidate: requestPages,
  async run({ user, input, t }) {
    await cancelSignatureRequest(user, input.requestId);
    return ok(t("canceled"));
  },
});
