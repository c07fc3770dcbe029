import { z } from "zod";
import { idField } from "@/lib/http/params";

export const retryEmailSchema = z.object({
  id: idField("outbox.unknownEmail"),
});
