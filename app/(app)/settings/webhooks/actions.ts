"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formAction, ok, refuse } from "@/lib/actions/action";
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

export const setEndpointEnabledAction = formAction({
  role: "ADMIN",
  input: endpointEnabledSchema,
  async run({ user, input }) {
    const t = await getTranslations("webhooks.results");
    if (!(await setEndpointEnabled(user.companyId, input.id, input.enabled))) return refuse(t("endpointNotFound"));
    revalidatePath("/settings/webhooks", "layout");
    return ok(t(input.enabled ? "resumed" : "paused"));
  },
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

export const resendDeliveryAction = formAction({
  role: "ADMIN",
  input: deliveryIdSchema,
  async run({ user, input }) {
    const t = await getTranslations("webhooks.results");
    if (!(await resendDelivery(user.companyId, input.deliveryId))) return refuse(t("deliveryNotFound"));
    revalidatePath("/settings/webhooks", "layout");
    return ok(t("resendQueued"));
  },
});
