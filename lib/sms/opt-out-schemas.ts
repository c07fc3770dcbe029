// Shared by Settings → SMS (client forms) and its server actions.
import { z } from "zod";
import { senderNameSchema } from "./sender";

export const senderSettingsSchema = z.object({ senderName: senderNameSchema });
export const addOptOutSchema = z.object({ number: z.string().trim().min(1, "Enter a phone number.").max(40) });
export const optOutIdSchema = z.object({ id: z.coerce.number().int().positive() });
