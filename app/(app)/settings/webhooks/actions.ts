"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorizeAction } from "@/lib/auth/session";
import { createEndpoint, deleteEndpoint, resendDelivery, setEndpointEnabled } from "@/lib/webhooks/endpoints";
import { endpointFormSchema } from "@/lib/webhooks/schemas";
import type { UrlProblem } from "@/lib/webhooks/url-guard";

export interface EndpointFormState {
  ok: boolean;
  message: string;
  fieldErrors: { url?: string[]; description?: string[]; events?: string[] };
  /** The signing secret, shown once to the admin who added the endpoint. */
  secret?: string;
  endpointId?: number;
}

const URL_PROBLEMS: Record<UrlProblem, string> = {
  invalid: "Enter a full URL, such as https://shop.example.com/webhooks/iap.",
  scheme: "Use an https:// URL.",
  credentials: "Remove the user name and password from the URL; verify the signature instead.",
  private_address: "This address is on a private or local network, which webhooks may not reach. Use a public https:// URL.",
  unresolvable: "This host name does not resolve. Check the spelling, or try again once its DNS is published.",
};

// POST from Settings → Webhooks: Add endpoint.
export async function createEndpointAction(_previous: EndpointFormState, formData: FormData): Promise<EndpointFormState> {
  const { user, error } = await authorizeAction("ADMIN");
  if (!user) return { ok: false, message: error, fieldErrors: {} };
  const parsed = endpointFormSchema.safeParse({ url: formData.get("url") ?? "", description: formData.get("description") ?? "", events: formData.getAll("events") });
  if (!parsed.success) return { ok: false, message: "Nothing was added: correct the fields marked in red.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const result = await createEndpoint({ companyId: user.companyId, ...parsed.data, createdById: user.id });
  if (!result.ok) return { ok: false, message: "Nothing was added: correct the URL.", fieldErrors: { url: [URL_PROBLEMS[result.problem]] } };
  revalidatePath("/settings/webhooks");
  return { ok: true, message: "Endpoint added", fieldErrors: {}, secret: result.secret, endpointId: result.endpoint.id };
}

export interface ActionResult {
  ok: boolean;
  message: string;
}

const idSchema = z.coerce.number().int().positive();
const deliverySchema = z.string().regex(/^\d{1,19}$/).transform(BigInt);

export async function setEndpointEnabledAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, error } = await authorizeAction("ADMIN");
  if (!user) return { ok: false, message: error };
  const id = idSchema.safeParse(formData.get("id"));
  const enabled = formData.get("enabled") === "true";
  if (!id.success || !(await setEndpointEnabled(user.companyId, id.data, enabled))) return { ok: false, message: "This endpoint does not exist in your company." };
  revalidatePath("/settings/webhooks", "layout");
  return { ok: true, message: enabled ? "Resumed" : "Paused" };
}

export async function deleteEndpointAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, error } = await authorizeAction("ADMIN");
  if (!user) return { ok: false, message: error };
  const id = idSchema.safeParse(formData.get("id"));
  if (!id.success || !(await deleteEndpoint(user.companyId, id.data))) return { ok: false, message: "This endpoint does not exist in your company." };
  revalidatePath("/settings/webhooks", "layout");
  redirect("/settings/webhooks");
}

export async function resendDeliveryAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const { user, error } = await authorizeAction("ADMIN");
  if (!user) return { ok: false, message: error };
  const id = deliverySchema.safeParse(formData.get("deliveryId"));
  if (!id.success || !(await resendDelivery(user.companyId, id.data))) return { ok: false, message: "This delivery does not exist in your company." };
  revalidatePath("/settings/webhooks", "layout");
  return { ok: true, message: "Queued: it is sent within seconds." };
}
