"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { formList } from "@/lib/form-fields";
import { uploadDocuments, UploadRefusedError } from "@/lib/digitization/documents";
import { documentKindSchema } from "@/lib/digitization/schemas";

export const uploadDocumentsAction = formAction({
  role: "ANY",
  // Which files are acceptable (type, size, pages, how many) is uploadDocuments' call: it names each refusal.
  input: z.object({ kind: documentKindSchema, files: formList(z.array(z.file())) }),
  async run({ user, input }) {
    const files = await Promise.all(input.files.map(async (file) => ({ name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) })));
    try {
      const ids = await uploadDocuments(user, input.kind, files);
      revalidatePath("/documents");
      return ok(ids.length === 1 ? "1 document uploaded: digitizing starts now." : `${ids.length} documents uploaded: digitizing starts now.`);
    } catch (error) {
      if (error instanceof UploadRefusedError) return refuse("Nothing was uploaded.", { files: error.reasons });
      throw error;
    }
  },
});
