"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { idField } from "@/lib/http/params";
import { formList } from "@/lib/form-fields";
import { deleteDocument, DuplicateUploadError, uploadDocuments, UploadRefusedError } from "@/lib/digitization/documents";
import { documentKindSchema } from "@/lib/digitization/schemas";
import { deleteRefusalText, duplicateText, problemText } from "./_components/upload-words";

export const uploadDocumentsAction = formAction({
  role: "ANY",
  // Which files are acceptable (type, size, pages, how many) is uploadDocuments' call: it names each problem.
  input: z.object({ kind: documentKindSchema, files: formList(z.array(z.file())), confirmDuplicates: z.literal("1").optional() }),
  messages: "documents",
  revalidate: ["/documents"],
  async run({ user, input, t }) {
    const locale = await getLocale();
    const files = await Promise.all(input.files.map(async (file) => ({ name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) })));
    try {
      const ids = await uploadDocuments(user, input.kind, files, { confirmDuplicates: input.confirmDuplicates === "1" });
      return ok(t("upload.uploaded", { count: ids.length }));
    } catch (error) {
      if (error instanceof UploadRefusedError) return refuse(t("upload.nothingUploaded"), { files: error.problems.map((problem) => problemText(t, locale, problem)) });
      // "duplicates": the form offers to digitize them again (and pay again) with confirmDuplicates.
      if (error instanceof DuplicateUploadError) return refuse(t("upload.duplicatesFound"), { duplicates: error.duplicates.map((duplicate) => duplicateText(t, locale, duplicate)) });
      throw error;
    }
  },
});

/** Deletes a document; the credits it used stay spent (the ledger keeps its entry). */
export const deleteDocumentAction = formAction({
  role: "ANY",
  // from "page": deleted from its own page, which then cannot stay: back to the list.
  input: z.object({ documentId: idField("documents.unknownDocument"), from: z.enum(["list", "page"]).default("list") }),
  messages: "documents",
  async run({ user, input, t }) {
    const outcome = await deleteDocument(user.companyId, input.documentId);
    if (outcome !== "deleted") return refuse(deleteRefusalText(t, outcome));
    // Here, not the wrapper's `revalidate`: redirect() throws, so a refresh after the success would never run.
    revalidatePath("/documents");
    if (input.from === "page") redirect("/documents");
    return ok(t("delete.deleted"));
  },
});
