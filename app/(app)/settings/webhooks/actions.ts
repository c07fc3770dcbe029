"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, ok, refuse } from "@/lib/actions/action";
import { createEndpoint, deleteEndpoint, resendDelivery, setEndpointEnabled } from "@/lib/webhooks/endpoints";
import { deliveryIdSchema, endpointEnabledSchema, endpointFormSchema, endpointIdSchema } from "@/lib/webhooks/schemas";
import type { UrlProblem } from "@/lib/webhooks/url-guard";

const URL_PROBLEMS: Record<UrlProblem, string> = {
  invalid: "Enter a full URL, such as https://shop.example.com/webhooks/iap.",
  scheme: "Use an https:// URL.",
  credentials: "Remove the user name and password from the URL; verify the signature instead.",
  private_address: "This address is on a private or local network, which webhooks may not reach. Use a public https:// URL.",
  unresolvable: "This host name does not resolve. Check the spelling, or try again once its DNS is published.",
};

/** Add endpoint: its signing secret comes back once, to the admin who added it. */
export const createEndpointAction = formAction({
  role: "ADMIN",
  input: endpointFormSchema,
  async run({ user, input }) {
    const result = await createEndpoint({ companyId: user.companyId, ...input, createdById: user.id });
    if (!result.ok) return refuse("Nothing was added: correct the URL.", { url: [URL_PROBLEMS[result.problem]] });
    revalidatePath("/settings/webhooks");
    return ok("Endpoint added", { signingKey: result.secret, endpointId: result.endpoint.id });
  },
});

const NOT_FOUND = "This endpoint does not exist in your company.";

export const setEndpointEnabledAction = formAction({
  role: "ADMIN",
  input: endpointEnabledSchema,
  async run({ user, input }) {
    if (!(await setEndpointEnabled(user.companyId, input.id, input.enabled))) return refuse(NOT_FOUND);
    revalidatePath("/settings/webhooks", "layout");
    return ok(input.enabled ? "Resumed" : "Paused");
  },
});

export const deleteEndpointAction = formAction({
  role: "ADMIN",
  input: endpointIdSchema,
  async run({ user, input }) {
    if (!(await deleteEndpoint(user.companyId, input.id))) return refuse(NOT_FOUND);
    revalidatePath("/settings/webhooks", "layout");
    redirect("/settings/webhooks");
  },
});

export const resendDeliveryAction = formAction({
  role: "ADMIN",
  input: deliveryIdSchema,
  async run({ user, input }) {
    if (!(await resendDelivery(user.companyId, input.deliveryId))) return refuse("This delivery does not exist in your company.");
    revalidatePath("/settings/webhooks", "layout");
    return ok("Queued: it is sent within seconds.");
  },
});
