// The New API key form, shared by the page and its server action (plain module).
import { z } from "zod";
import { formList } from "@/lib/form-fields";
import { idField, textField } from "@/lib/http/params";
import { API_SCOPES } from "./keys-scopes";

export const newApiKeySchema = z.object({
  name: textField().trim().min(1, { message: "apiKeys.nameMissing" }).max(100, { message: "field.useAtMostCharacters" }),
  scopes: formList(z.array(z.enum(API_SCOPES)).min(1, { message: "apiKeys.scopesMissing" })),
});

export const apiKeyIdSchema = z.object({ id: idField("apiKeys.unknownKey") });
