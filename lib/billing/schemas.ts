// Input of the buy and demo-checkout forms, shared by the client forms and the
// server actions (a "use server" file may only export async functions).
import { z } from "zod";
import { serviceNameSchema } from "@/lib/iap/catalogue";

export const buyPackSchema = z.object({
  service: serviceNameSchema,
  packId: z.coerce.number({ error: "Choose a pack." }).int().positive("Choose a pack."),
});

export const purchaseIdSchema = z.object({
  purchaseId: z.coerce.number({ error: "Unknown purchase." }).int().positive("Unknown purchase.").max(2_147_483_647, "Unknown purchase."),
});

