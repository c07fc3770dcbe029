// The Add endpoint form, shared by the page and its server action (plain module).
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/events";
import { formList } from "@/lib/form-fields";
import { idField, parseBigId, textField } from "@/lib/http/params";

export const endpointFormSchema = z.object({
  url: textField().trim().min(1, { message: "Enter the URL that receives the events." }).max(2000, { message: "Use a URL of at most 2,000 characters." }),
  description: textField()
    .trim()
    .max(200, { message: "Use at most 200 characters." })
    .transform((value) => (value === "" ? null : value)),
  events: formList(z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, { message: "Choose at least one event." })),
});

export const endpointIdSchema = z.object({ id: idField("This endpoint does not exist in your company.") });
export const endpointEnabledSchema = endpointIdSchema.extend({ enabled: z.enum(["true", "false"]).transform((value) => value === "true") });
export const deliveryIdSchema = z.object({
  deliveryId: z.string().transform((value, ctx) => {
    const id = parseBigId(value);
    if (id === null) {
      ctx.addIssue({ code: "custom", message: "This delivery does not exist in your company." });
      return z.NEVER;
    }
    return id;
  }),
});

export type EndpointForm = z.infer<typeof endpointFormSchema>;
