"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, refuse } from "@/lib/actions/action";
import { formFile } from "@/lib/form-fields";
import { signatureRequestPath } from "@/lib/routes";
import { createSignatureRequest, SignRequestError } from "@/lib/sign/requests";
import { newSignatureRequestSchema } from "@/lib/sign/schemas";

// POST from /sign/new: upload, signers, Send. Nothing is created or sent
// unless the company can pay a verification for every signer who needs one
// (createSignatureRequest throws InsufficientCreditsError: the buy prompt).
export const sendSignatureRequestAction = formAction({
  role: "ANY",
  input: newSignatureRequestSchema.extend({ document: formFile("sign.documentMissing") }),
  attempt: "verifySigners",
  messages: "sign",
  async run({ user, input: { document, ...request }, t }) {
    let id: number;
    try {
      ({ id } = await createSignatureRequest({
        companyId: user.companyId,
        requesterId: user.id,
        request,
        fileName: document.name || "document.pdf",
        pdf: new Uint8Array(await document.arrayBuffer()),
      }));
    } catch (error) {
      if (error instanceof SignRequestError) {
        return refuse(t("new.correctFields"), { [error.field ?? "signers"]: [t(`errors.request.${error.code}`, { number: error.signerNumber ?? 1 })] });
      }
      throw error;
    }
    // Here, not the wrapper's `revalidate`: redirect() throws, so a refresh after the success would never run.
    revalidatePath("/sign");
    redirect(signatureRequestPath(id));
  },
});
