"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formAction, ok } from "@/lib/actions/action";
import { rowAction } from "@/lib/actions/row-action";
import { apiKeyIdSchema, newApiKeySchema } from "@/lib/api/key-schemas";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";

/** New API key: the key in clear comes back once, to the admin who created it; it is never stored. */
export const createApiKeyAction = formAction({
  role: "ADMIN",
  input: newApiKeySchema,
  async run({ user, input }) {
    const t = await getTranslations("apiKeys.results");
    const { key, view } = await createApiKey({ companyId: user.companyId, name: input.name, scopes: input.scopes, createdById: user.id });
    revalidatePath("/settings/api-keys");
    return ok(t("created"), { key, name: view.name });
  },
});

export const revokeApiKeyAction = rowAction({
  role: "ADMIN",
  input: apiKeyIdSchema,
  messages: "apiKeys.results",
  run: ({ user, input }) => revokeApiKey(user.companyId, input.id),
  answers: { true: { ok: "revoked" }, false: { refuse: "notFound" } },
  revalidate: ["/settings/api-keys"],
});
