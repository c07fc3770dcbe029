"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AuthError, authorize } from "@/lib/auth/session";
import { insufficientCreditsProps } from "@/components/insufficient-credits-notice";
import { InsufficientCreditsError } from "@/lib/iap/errors";
import { createSignatureRequest, SignRequestError } from "@/lib/sign/requests";
import { newSignatureRequestSchema, type NewRequestState } from "@/lib/sign/schemas";
import { formDataOf } from "@/lib/http/params";

// POST from /sign/new: upload, signers, Send. Nothing is created or sent
// unless the company can pay a verification for every signer who needs one.
export async function sendSignatureRequestAction(_previous: NewRequestState, formData: FormData): Promise<NewRequestState> {
  formData = formDataOf(formData);
  let user;
  try {
    user = await authorize("ANY");
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message, fieldErrors: {} };
    throw error;
  }
  const parsed = newSignatureRequestSchema.safeParse({ title: formData.get("title") ?? "", signers: formData.get("signers") ?? "" });
  const file = formData.get("document");
  const fieldErrors: NewRequestState["fieldErrors"] = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
  if (!(file instanceof File) || file.size === 0) fieldErrors.document = ["Choose the PDF to sign."];
  if (!parsed.success || !(file instanceof File) || file.size === 0) {
    return { ok: false, message: "Nothing was sent: correct the fields marked in red.", fieldErrors };
  }

  let id: number;
  try {
    ({ id } = await createSignatureRequest({
      companyId: user.companyId,
      requesterId: user.id,
      request: parsed.data,
      fileName: file.name || "document.pdf",
      pdf: new Uint8Array(await file.arrayBuffer()),
    }));
  } catch (error) {
    if (error instanceof InsufficientCreditsError) {
      return {
        ok: false,
        message: "Nothing was sent: not enough credits for identity verification.",
        fieldErrors: {},
        insufficient: insufficientCreditsProps(error, "to verify these signers' identities"),
      };
    }
    if (error instanceof SignRequestError) {
      return { ok: false, message: "Nothing was sent: correct the fields marked in red.", fieldErrors: { [error.field ?? "signers"]: [error.message] } };
    }
    throw error;
  }
  revalidatePath("/sign");
  redirect(`/sign/${id}`);
}
