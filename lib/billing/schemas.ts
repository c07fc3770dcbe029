// Input of the buy and demo-checkout forms, shared by the client forms and the
// server actions (a "use server" file may only export async functions).
import { z } from "zod";
import { idField } from "@/lib/http/params";

export const buyPackSchema = z.object({
  service: z.string().regex(/^[a-z0-9_]{1,64}$/, "Unknown service."),
  packId: idField("Choose a pack."),
});

export const purchaseIdSchema = z.object({
  purchaseId: idField("Unknown purchase."),
});

export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
}
