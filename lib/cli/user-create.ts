// npm run user:create -- --email a@b.com --name "Ann Admin" --role ADMIN [--company "Name"]
// The password is read from the USER_PASSWORD variable or asked for on the
// terminal, so it never lands in shell history. Speaks the terminal's
// language (LANG); a refused field's message is the form's (lib/auth/schemas).
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { hashPassword } from "../auth/password";
import { newUserSchema } from "../auth/schemas";
import { prisma } from "../db/client";
import { env } from "../env";
import { withDatabase } from "./database";
import { sayIssues } from "../i18n/issues";
import { cliTranslator, terminalLocale } from "./locale";

const t = cliTranslator("userCreate");

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "USER" }, company: { type: "string" } },
});

async function askPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(t("passwordPrompt"));
  rl.close();
  return answer;
}

const parsed = newUserSchema.safeParse({ ...values, password: await askPassword() });
if (!parsed.success) {
  for (const [field, messages] of Object.entries(z.flattenError(sayIssues(parsed.error, terminalLocale(process.env))).fieldErrors)) {
    console.error(`${field}: ${(messages as string[]).join(" ")}`);
  }
  process.exit(2);
}

await withDatabase(env(), async () => {
  const db = prisma();
  const company = values.company
    ? await db.company.findFirst({ where: { name: values.company } })
    : await db.company.findFirst({ orderBy: { id: "asc" } });
  if (!company) {
    console.error(values.company ? t("noSuchCompany", { company: values.company }) : t("noCompany"));
    process.exitCode = 2;
    return;
  }
  const existing = await db.user.findUnique({ where: { email: parsed.data.email } });
  if (existing) {
    console.error(t("exists", { email: parsed.data.email }));
    process.exitCode = 2;
    return;
  }
  const user = await db.user.create({
    data: { companyId: company.id, email: parsed.data.email, name: parsed.data.name, role: parsed.data.role, passwordHash: await hashPassword(parsed.data.password) },
  });
  console.log(t("created", { role: user.role, email: user.email, company: company.name }));
});
