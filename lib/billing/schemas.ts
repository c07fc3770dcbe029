// Input of the buy and demo-checkout forms, shared by the client forms and the
// server actions (a "use server" file may only export async functions).
import { z } from "zod";
import { serviceNameSchema } from "@/lib/iap/catalogue";
import { idField } from "@/lib/http/params";

export const buyPackSchema = z.object({
  service: serviceNameSchema,
  packId: idField("Choose a pack."),
});

export const purchaseIdSchema = z.object({
  purchaseId: idField("Unknown purchase."),
});

