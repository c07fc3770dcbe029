// Shared by Settings → SMS (client forms) and its server actions.
import { z } from "zod";
import { idField } from "@/lib/http/params";
import { senderNameSchema } from "./sender";

export const senderSettingsSchema = z.object({ senderName: senderNameSchema });
export const addOptOutSchema = z.object({ number: z.string().trim().min(1, "sms.numberMissing").max(40) });
export const optOutIdSchema = z.object({ id: idField("sms.unknownOptOut") });
