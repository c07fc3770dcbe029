// The New API key form, shared by the page and its server action (plain module).
import { z } from "zod";
import { formList } from "@/lib/form-fields";
import { idField, textField } from "@/lib/http/params";
import { API_SCOPES } from "./keys-scopes";

export const newApiKeySchema = z.object({
  name: textField().trim().min(1, { message: "Name the key after what uses it, such as “Web shop”." }).max(100, { message: "Use at most 100 characters." }),
  scopes: formList(z.array(z.enum(API_SCOPES)).min(1, { message: "Choose at least one scope." })),
});

export const apiKeyIdSchema = z.object({ id: idField("This key does not exist in your company or is already revoked.") });
