// The schema-drift guard: prisma/schema.prisma and prisma/migrations/ must
// describe the same database. Several branches add migrations at once, and a
// merge can keep a model change without its migration (or the reverse); this
// catches it before the app meets a database its client does not match.
// Two fresh databases: one built by every migration in order, one by the SQL
// Prisma's schema engine writes for schema.prisma from nothing; their catalogs
// (tables, columns with types, nullability and defaults, constraints, indexes,
// enums, triggers, functions) must agree, except for what the migrations'
// hand-written parts add on purpose.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { readMigrations, type Migration } from "@/lib/db/migrate";
import { diffSchemas } from "@/lib/db/schema-engine";
import { applyMigrations, compareCatalogs, readCatalog } from "@/tests/support/schema-catalog";

const schema = readFileSync(path.resolve(import.meta.dirname, "..", "..", "prisma", "schema.prisma"), "utf8");
const created: string[] = [];

function urlOf(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: urlOf("postgres") });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function freshDatabase(): Promise<pg.Client> {
  const name = `iap_drift_test_${randomUUID().slice(0, 8)}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  created.push(name);
  const client = new pg.Client({ connectionString: urlOf(name) });
  await client.connect();
  return client;
}

/** Problems found between these migrations and this schema (empty: they agree). */
async function drift(migrations: Migration[], schemaText: string): Promise<string[]> {
  const [byMigrations, bySchema] = await Promise.all([freshDatabase(), freshDatabase()]);
  try {
    // Both at once, and both settled before the databases go (the engine must not be cut off mid-call).
    const [applied, diffed] = await Promise.allSettled([applyMigrations(byMigrations, migrations), diffSchemas(urlOf(bySchema.database!), null, schemaText)]);
    if (applied.status === "rejected") throw applied.reason;
    if (diffed.status === "rejected") throw diffed.reason;
    const { catalog, handWritten } = applied.value;
    await bySchema.query(diffed.value);
    return compareCatalogs(catalog, handWritten, await readCatalog(bySchema));
  } finally {
    await Promise.all([byMigrations.end(), bySchema.end()]);
  }
}

afterAll(async () => {
  await withAdmin(async (admin) => {
    for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
});

describe("schema.prisma and prisma/migrations", () => {
  it("describe the same database", async () => {
    expect(await drift(readMigrations(), schema)).toEqual([]);
  });

  it("a model change without its migration, and a migration without its model change, are both named", async () => {
    // As a bad merge would leave them: a field only in the schema, an index only in a migration.
    const schemaWithField = schema.replace(/model Company \{\n/, "model Company {\n  driftProbe String? @map(\"drift_probe\")\n");
    expect(schemaWithField).not.toBe(schema);
    const extra: Migration = { name: "29991231000000_drift_probe", sql: 'CREATE INDEX "company_name_idx" ON "company"("name");\n', checksum: "" };

    const problems = await drift([...readMigrations(), extra], schemaWithField);
    expect(problems).toEqual([
      "column company.drift_probe: in schema.prisma, but no migration creates it (run npm run db:diff -- <name>)",
      'index company_name_idx: the migrations create "CREATE INDEX company_name_idx ON public.company USING btree (name)", schema.prisma has no such thing (edit the schema, or move it below a "-- Hand-written:" line if it is meant)',
    ]);
  });
});
