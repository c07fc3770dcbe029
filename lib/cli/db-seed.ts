// npm run db:seed — loads the service catalogue, packs and company directory
// (every run); with DEMO=1 also the demo company and users (once per database,
// never again after). Safe to run again.
import { prisma } from "../db/client";
import { env } from "../env";
import { seedDatabase } from "../seed";
import { withDatabase } from "./database";

const config = env();
await withDatabase(config, async () => {
  const { demoLoaded } = await seedDatabase(prisma(), { demo: config.DEMO });
  if (!config.DEMO) console.log("Catalogue up to date. No demo data (set DEMO=1 to load the demo company and users).");
  else console.log(demoLoaded ? "Seeded the catalogue and the demo data." : "Catalogue up to date; demo data was loaded before (it is loaded once).");
});
