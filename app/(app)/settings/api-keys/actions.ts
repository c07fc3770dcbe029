"use server";

import { ok } from "@/lib/actions/action";
import { actionsOf } from "@/lib/actions/row-action";
import { apiKeyIdSchema, newApiKeySchema } from "@/lib/api/key-schemas";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";

const page = actionsOf({ role: "ADMIN", messages: "apiKeys.results", revalidate: ["/settings/api-keys"] });

/** New API key: the key in clear comes back once, to the admin who created it; it is never stored. */
export const createApiKeyAction = page.formAction({
  input: newApiKeySchema,
  async run({ user, input, t }) {
    const { key, view } = await createApiKey({ companyId: user.companyId, name: input.name, scopes: input.scopes, createdById: user.id });
    return ok(t("created"), { key, name: view.name });
  },
});

export const revokeApiKeyAction = page.rowAction({
  input: apiKeyIdSchema,
  run: ({ user, input }) => revokeApiKey(user.companyId, input.id),
  answers: { true: { ok: "revoked" }, false: { refuse: "notFound" } },
});
