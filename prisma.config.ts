import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads a native schema engine for every command. Offline,
// `generate`, `validate` and `format` only need the variable to name a file, so
// we point it at a script that explains itself and exits 1 — `migrate deploy`
// then fails loudly instead of "succeeding" without applying anything. Where the
// real engine was downloaded (a machine with network access), it is left alone.
// Migrations are applied offline by `npm run db:migrate` (scripts/db-migrate.ts).
const enginesDir = path.join(import.meta.dirname, "node_modules", "@prisma", "engines");
const hasRealEngine =
  existsSync(enginesDir) && readdirSync(enginesDir).some((name) => name.startsWith("schema-engine-"));
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY && !hasRealEngine) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(import.meta.dirname, "prisma", "no-schema-engine.sh");
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unset" },
});
