"use server";

import { revalidatePath } from "next/cache";
import { AuthError, authorize } from "@/lib/auth/session";
import { uploadDocuments, UploadRefusedError } from "@/lib/digitization/documents";
import { documentKindSchema } from "@/lib/digitization/schemas";
import { formDataOf } from "@/lib/http/params";

export interface UploadState {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[]>;
}

export async function uploadDocumentsAction(_prev: UploadState | null, formData: FormData): Promise<UploadState> {
  formData = formDataOf(formData);
  let user;
  try {
    user = await authorize("ANY");
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: error.message };
    throw error;
  }
  const kind = documentKindSchema.safeParse(formData.get("kind"));
  if (!kind.success) return { ok: false, message: "Check the form.", fieldErrors: { kind: z_messages(kind.error) } };
  const files = await Promise.all(
    formData
      .getAll("files")
      .filter((entry): entry is File => typeof entry !== "string")
      .map(async (file) => ({ name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  try {
    const ids = await uploadDocuments(user, kind.data, files);
    revalidatePath("/documents");
    return { ok: true, message: ids.length === 1 ? "1 document uploaded: digitizing starts now." : `${ids.length} documents uploaded: digitizing starts now.` };
  } catch (error) {
    if (error instanceof UploadRefusedError) return { ok: false, message: "Nothing was uploaded.", fieldErrors: { files: error.reasons } };
    throw error;
  }
}

function z_messages(error: { issues: { message: string }[] }): string[] {
  return error.issues.map((issue) => issue.message);
}
