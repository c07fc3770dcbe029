// npm run db:seed — loads the service catalogue, packs and company directory
// (every run); with DEMO=1 also the demo company and users (once per database,
// never again after). Safe to run again.
import { prisma } from "../db/client";
import { env } from "../env";
import { seedDatabase } from "../seed";
import { withDatabase } from "./database";
import { cliTranslator } from "./locale";

const t = cliTranslator("seed");
const config = env();
await withDatabase(config, async () => {
  const { demoLoaded } = await seedDatabase(prisma(), { demo: config.DEMO });
  if (!config.DEMO) console.log(t("noDemo"));
  else console.log(t(demoLoaded ? "seeded" : "demoLoadedBefore"));
});
