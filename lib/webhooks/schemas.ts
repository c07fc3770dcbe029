// The Add endpoint form, shared by the page and its server action (plain module).
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/events";
import { formList } from "@/lib/form-fields";
import { idField, parseBigId, textField } from "@/lib/http/params";

export const endpointFormSchema = z.object({
  url: textField().trim().min(1, { message: "webhooks.urlMissing" }).max(2000, { message: "webhooks.urlTooLong" }),
  description: textField()
    .trim()
    .max(200, { message: "field.useAtMostCharacters" })
    .transform((value) => (value === "" ? null : value)),
  events: formList(z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1, { message: "webhooks.eventsMissing" })),
});

export const endpointIdSchema = z.object({ id: idField("webhooks.unknownEndpoint") });
export const endpointEnabledSchema = endpointIdSchema.extend({ enabled: z.enum(["true", "false"]).transform((value) => value === "true") });
export const deliveryIdSchema = z.object({
  deliveryId: z.string().transform((value, ctx) => {
    const id = parseBigId(value);
    if (id === null) {
      ctx.addIssue({ code: "custom", message: "webhooks.unknownDelivery" });
      return z.NEVER;
    }
    return id;
  }),
});

export type EndpointForm = z.infer<typeof endpointFormSchema>;
