"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ok, refuse } from "@/lib/actions/action";
import { actionsOf } from "@/lib/actions/row-action";
import { createEndpoint, deleteEndpoint, resendDelivery, setEndpointEnabled } from "@/lib/webhooks/endpoints";
import { deliveryIdSchema, endpointEnabledSchema, endpointFormSchema, endpointIdSchema } from "@/lib/webhooks/schemas";

// A change shows on the endpoint list and on the endpoint's own page (the layout below /settings/webhooks).
const page = actionsOf({ role: "ADMIN", messages: "webhooks.results", revalidate: [["/settings/webhooks", "layout"]] });

/** Add endpoint: its signing secret comes back once, to the admin who added it. */
export const createEndpointAction = page.formAction({
  input: endpointFormSchema,
  async run({ user, input, t }) {
    const result = await createEndpoint({ companyId: user.companyId, ...input, createdById: user.id });
    // The problem is a code of lib/webhooks/url-guard; its words are results.url.<code>.
    if (!result.ok) return refuse(t("nothingAdded"), { url: [t(`url.${result.problem}`)] });
    return ok(t("added"), { signingKey: result.secret, endpointId: result.endpoint.id });
  },
});

export const setEndpointEnabledAction = page.rowAction({
  input: endpointEnabledSchema,
  run: async ({ user, input }) => ((await setEndpointEnabled(user.companyId, input.id, input.enabled)) ? (input.enabled ? "resumed" : "paused") : "gone"),
  answers: { resumed: { ok: "resumed" }, paused: { ok: "paused" }, gone: { refuse: "endpointNotFound" } },
});

// Refreshes the pages itself: redirect() throws, so the wrapper's refresh after a success would never run.
export const deleteEndpointAction = page.formAction({
  input: endpointIdSchema,
  async run({ user, input, t }) {
    if (!(await deleteEndpoint(user.companyId, input.id))) return refuse(t("endpointNotFound"));
    revalidatePath("/settings/webhooks", "layout");
    redirect("/settings/webhooks");
  },
});

export const resendDeliveryAction = page.rowAction({
  input: deliveryIdSchema,
  run: ({ user, input }) => resendDelivery(user.companyId, input.deliveryId),
  answers: { true: { ok: "resendQueued" }, false: { refuse: "deliveryNotFound" } },
});
