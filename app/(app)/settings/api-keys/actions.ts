"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { apiKeyIdSchema, newApiKeySchema } from "@/lib/api/key-schemas";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { authorizeAction } from "@/lib/auth/session";

export interface NewKeyState {
  ok: boolean;
  message: string;
  fieldErrors: { name?: string[]; scopes?: string[] };
  /** The key in clear: returned once, to the admin who created it, never stored. */
  key?: string;
  name?: string;
}

// POST from Settings → API keys: New API key.
export async function createApiKeyAction(_previous: NewKeyState, formData: FormData): Promise<NewKeyState> {
  const { user, error } = await authorizeAction("ADMIN");
  if (!user) return { ok: false, message: error, fieldErrors: {} };
  const parsed = newApiKeySchema.safeParse({ name: formData.get("name") ?? "", scopes: formData.getAll("scopes") });
  if (!parsed.success) return { ok: false, message: "No key was created: correct the fields marked in red.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { key, view } = await createApiKey({ companyId: user.companyId, name: parsed.data.name, scopes: parsed.data.scopes, createdById: user.id });
  revalidatePath("/settings/api-keys");
  return { ok: true, message: "Key created", fieldErrors: {}, key, name: view.name };
}

export interface RevokeState {
  ok: boolean;
  message: string;
}

export async function revokeApiKeyAction(_previous: RevokeState | null, formData: FormData): Promise<RevokeState> {
  const { user, error } = await authorizeAction("ADMIN");
  if (!user) return { ok: false, message: error };
  const id = apiKeyIdSchema.safeParse(formData.get("id"));
  if (!id.success || !(await revokeApiKey(user.companyId, id.data))) return { ok: false, message: "This key does not exist in your company or is already revoked." };
  revalidatePath("/settings/api-keys");
  return { ok: true, message: "Revoked: requests with this key are refused from now on." };
}
