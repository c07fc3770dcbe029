"use server";

import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { confirmDocument, ReviewError } from "@/lib/digitization/review";
import { reviewSchema } from "@/lib/digitization/schemas";
import { documentPath } from "@/lib/routes";
import { idField } from "@/lib/http/params";

export const confirmDocumentAction = formAction({
  role: "ANY",
  input: reviewSchema.extend({ documentId: idField("documents.documentGone") }),
  messages: "documents.review",
  revalidate: (input) => ["/documents", documentPath(input.documentId)],
  async run({ user, input: { documentId, ...values }, t }) {
    try {
      const { bill, vendorCreated } = await confirmDocument(user, documentId, values);
      return ok(t(vendorCreated ? "createdWithVendor" : "created", { id: bill.id }));
    } catch (error) {
      if (error instanceof ReviewError) return refuse(t("notWaiting"));
      throw error;
    }
  },
});
