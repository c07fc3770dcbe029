"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { confirmDocument, ReviewError } from "@/lib/digitization/documents";
import { reviewSchema } from "@/lib/digitization/schemas";
import { documentPath } from "@/lib/routes";
import { idField } from "@/lib/http/params";

export const confirmDocumentAction = formAction({
  role: "ANY",
  input: reviewSchema.extend({ documentId: idField("This document does not exist (any more).") }),
  async run({ user, input: { documentId, ...values } }) {
    try {
      const { bill, vendorCreated } = await confirmDocument(user, documentId, values);
      revalidatePath("/documents");
      revalidatePath(documentPath(documentId));
      return ok(`Vendor bill #${bill.id} created${vendorCreated ? " with a new vendor contact" : ""}.`);
    } catch (error) {
      if (error instanceof ReviewError) return refuse(error.message);
      throw error;
    }
  },
});
