"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { idField } from "@/lib/http/params";
import { signatureRequestPath } from "@/lib/routes";
import { cancelSignatureRequest, renewSigningLink, SignerActionError, type SignerActionRefusal } from "@/lib/sign/requests";

const REFUSALS: Record<SignerActionRefusal, string> = {
  "not-found": "This request does not exist (any more).",
  closed: "This request is closed, or this signer has already signed or refused: nothing to do.",
  "not-allowed": "Only the person who sent this request, or an administrator, can do this.",
};

const signerInput = z.object({ requestId: idField("Unknown request. Reload the page."), signerId: idField("Unknown signer. Reload the page.") });

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
    if (typeof renewed === "string") return refuse(REFUSALS[renewed]);
    revalidatePath(signatureRequestPath(input.requestId));
    return ok("New link made: the previous one no longer works. Copy it now, it is not shown again.", { url: renewed.url });
  },
});

/** "Resend": a new link, e-mailed to the signer. */
export const resendSigningEmailAction = formAction({
  role: "ANY",
  input: signerInput,
  async run({ user, input }) {
    const renewed = await refusedOr(() => renewSigningLink(user, input.requestId, input.signerId, { email: true }));
    if (typeof renewed === "string") return refuse(REFUSALS[renewed]);
    revalidatePath(signatureRequestPath(input.requestId));
    revalidatePath("/sign");
    return ok("A new link is queued to the signer; the previous one no longer works.");
  },
});

export const cancelSignatureRequestAction = formAction({
  role: "ANY",
  input: z.object({ requestId: idField("Unknown request. Reload the page.") }),
  async run({ user, input }) {
    const canceled = await refusedOr(() => cancelSignatureRequest(user, input.requestId));
    if (typeof canceled === "string") return refuse(REFUSALS[canceled]);
    revalidatePath(signatureRequestPath(input.requestId));
    revalidatePath("/sign");
    return ok("Request canceled: its links no longer sign anything.");
  },
});
