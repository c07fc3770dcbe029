// npm run db:migrate — applies prisma/migrations to DATABASE_URL (or to the
// embedded server under DATA_DIR when it is unset). Safe to run again.
// Speaks the terminal's language (LC_ALL, LC_MESSAGES, LANG).
import { env } from "../env";
import { withDatabase } from "./database";
import { cliTranslator } from "./locale";

const t = cliTranslator("migrate");

await withDatabase(env(), async ({ applied }) => {
  console.log(applied.length ? t("applied", { migrations: applied.join(", ") }) : t("upToDate"));
});
