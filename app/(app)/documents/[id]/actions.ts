"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { AuthError, authorize } from "@/lib/auth/session";
import { confirmDocument, ReviewError } from "@/lib/digitization/documents";
import { FIELD_NAMES, type FieldName } from "@/lib/digitization/extract/types";
import { reviewSchema } from "@/lib/digitization/schemas";

export interface ReviewState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What was submitted, so a refused Confirm shows it again rather than the values read. */
  values?: Partial<Record<FieldName, string>>;
}

export async function confirmDocumentAction(documentId: number, _prev: ReviewState | null, formData: FormData): Promise<ReviewState> {
  let user;
  try {
    user = await authorize("ANY");
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message };
    throw error;
  }
  const submitted = Object.fromEntries(FIELD_NAMES.map((name) => [name, String(formData.get(name) ?? "").slice(0, 500)]));
  const parsed = reviewSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: z.flattenError(parsed.error).fieldErrors, values: submitted };
  try {
    const { bill, vendorCreated } = await confirmDocument(user, documentId, parsed.data);
    revalidatePath("/documents");
    revalidatePath(`/documents/${documentId}`);
    return { ok: true, message: `Vendor bill #${bill.id} created${vendorCreated ? " with a new vendor contact" : ""}.` };
  } catch (error) {
    if (error instanceof ReviewError) return { ok: false, message: error.message, values: submitted };
    throw error;
  }
}
