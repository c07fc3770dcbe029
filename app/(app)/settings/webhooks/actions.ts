"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { rowActionsOf } from "@/lib/actions/row-action";
import { createEndpoint, deleteEndpoint, resendDelivery, setEndpointEnabled } from "@/lib/webhooks/endpoints";
import { deliveryIdSchema, endpointEnabledSchema, endpointFormSchema, endpointIdSchema } from "@/lib/webhooks/schemas";

/** Add endpoint: its signing secret comes back once, to the admin who added it. */
export const createEndpointAction = formAction({
  role: "ADMIN",
  input: endpointFormSchema,
  async run({ user, input }) {
    const t = await getTranslations("webhooks.results");
    const result = await createEndpoint({ companyId: user.companyId, ...input, createdById: user.id });
    // The problem is a code of lib/webhooks/url-guard; its words are results.url.<code>.
    if (!result.ok) return refuse(t("nothingAdded"), { url: [t(`url.${result.problem}`)] });
    revalidatePath("/settings/webhooks");
    return ok(t("added"), { signingKey: result.secret, endpointId: result.endpoint.id });
  },
});

// A row's change shows on the endpoint list and on the endpoint's own page (the layout below /settings/webhooks).
const rows = rowActionsOf({ role: "ADMIN", messages: "webhooks.results", revalidate: [["/settings/webhooks", "layout"]] });

export const setEndpointEnabledAction = rows.rowAction({
  input: endpointEnabledSchema,
  run: async ({ user, input }) => ((await setEndpointEnabled(user.companyId, input.id, input.enabled)) ? (input.enabled ? "resumed" : "paused") : "gone"),
  answers: { resumed: { ok: "resumed" }, paused: { ok: "paused" }, gone: { refuse: "endpointNotFound" } },
});

export const deleteEndpointAction = formAction({
  role: "ADMIN",
  input: endpointIdSchema,
  async run({ user, input }) {
    if (!(await deleteEndpoint(user.companyId, input.id))) return refuse((await getTranslations("webhooks.results"))("endpointNotFound"));
    revalidatePath("/settings/webhooks", "layout");
    redirect("/settings/webhooks");
  },
});

export const resendDeliveryAction = rows.rowAction({
  input: deliveryIdSchema,
  run: ({ user, input }) => resendDelivery(user.companyId, input.deliveryId),
  answers: { true: { ok: "resendQueued" }, false: { refuse: "deliveryNotFound" } },
});
