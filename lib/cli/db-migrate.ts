// npm run db:migrate — applies prisma/migrations to DATABASE_URL (or to the
// embedded server under DATA_DIR when it is unset). Safe to run again.
import { env } from "../env";
import { withDatabase } from "./database";

await withDatabase(env(), async ({ applied }) => {
  console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
});
