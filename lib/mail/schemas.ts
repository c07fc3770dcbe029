import { z } from "zod";

export const retryEmailSchema = z.object({
  id: z.coerce.number({ error: "Unknown e-mail." }).int().positive({ error: "Unknown e-mail." }),
});
