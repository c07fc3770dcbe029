// npm run db:seed — loads the service catalogue and packs (every run) and the
// demo company and users (first run only). Safe to run again.
import { prisma } from "../db/client";
import { seed } from "../db/seed";
import { env } from "../env";
import { withDatabase } from "./database";

await withDatabase(env(), async () => {
  const { demoCreated } = await seed(prisma());
  console.log(demoCreated ? "Seeded the catalogue and the demo data." : "Catalogue up to date; demo data already loaded.");
});
