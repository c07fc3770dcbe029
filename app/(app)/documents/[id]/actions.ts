"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { confirmDocument, ReviewError } from "@/lib/digitization/review";
import { reviewSchema } from "@/lib/digitization/schemas";
import { documentPath } from "@/lib/routes";
import { idField } from "@/lib/http/params";

export const confirmDocumentAction = formAction({
  role: "ANY",
  input: reviewSchema.extend({ documentId: idField("documents.documentGone") }),
  async run({ user, input: { documentId, ...values } }) {
    try {
      const { bill, vendorCreated } = await confirmDocument(user, documentId, values);
      revalidatePath("/documents");
      revalidatePath(documentPath(documentId));
      const t = await getTranslations("documents.review");
      return ok(t(vendorCreated ? "createdWithVendor" : "created", { id: bill.id }));
    } catch (error) {
      if (error instanceof ReviewError) return refuse((await getTranslations("documents.review"))("notWaiting"));
      throw error;
    }
  },
});
