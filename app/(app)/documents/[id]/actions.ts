"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AuthError, authorize } from "@/lib/auth/session";
import { confirmDocument, ReviewError } from "@/lib/digitization/documents";
import { reviewSchema } from "@/lib/digitization/schemas";
import { formDataOf, idField } from "@/lib/http/params";

export interface ReviewState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
}

export async function confirmDocumentAction(documentId: number, _prev: ReviewState | null, formData: FormData): Promise<ReviewState> {
  formData = formDataOf(formData);
  let user;
  try {
    user = await authorize("ANY");
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message };
    throw error;
  }
  // The document id is bound in the page, but comes back from the browser like any input.
  if (!idField("").safeParse(documentId).success) return { ok: false, message: "This document does not exist (any more)." };
  const parsed = reviewSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    const { bill, vendorCreated } = await confirmDocument(user, documentId, parsed.data);
    revalidatePath("/documents");
    revalidatePath(`/documents/${documentId}`);
    return { ok: true, message: `Vendor bill #${bill.id} created${vendorCreated ? " with a new vendor contact" : ""}.` };
  } catch (error) {
    if (error instanceof ReviewError) return { ok: false, message: error.message };
    throw error;
  }
}
