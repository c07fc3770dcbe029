// What a PostgreSQL database's schema consists of, read from its catalogs, and
// the comparison behind the schema-drift guard (lib/db/schema-drift.integration.test.ts):
// the database the migrations build must be the one schema.prisma describes,
// plus what the migrations' hand-written parts add on purpose.
import pg from "pg";
import type { Migration } from "@/lib/db/migrate";

/** Object key (kind and name) → its definition, e.g. `column ledger_entry.amount` → `bigint NOT NULL`. */
export type Catalog = Map<string, string>;

// Objects of the `public` schema, but not those an extension (pg_trgm…) owns,
// nor Prisma's own bookkeeping table.
const CATALOG_QUERIES: Array<[kind: string, sql: string]> = [
  [
    "enum",
    `SELECT t.typname AS name, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS definition
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`,
  ],
  [
    "table",
    `SELECT c.relname AS name, c.relkind::text AS definition
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relname <> '_prisma_migrations'`,
  ],
  [
    "column",
    `SELECT c.relname || '.' || a.attname AS name,
            format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
              || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
              || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
              || CASE WHEN a.attgenerated <> '' THEN ' GENERATED' ELSE '' END AS definition
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`,
  ],
  [
    "constraint",
    `SELECT c.relname || '.' || con.conname AS name, pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'`,
  ],
  [
    "index",
    `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  ],
  [
    "trigger",
    `SELECT c.relname || '.' || t.tgname AS name, pg_get_triggerdef(t.oid) AS definition
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal`,
  ],
  [
    "function",
    `SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name, pg_get_functiondef(p.oid) AS definition
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
  ],
  ["extension", `SELECT extname AS name, extversion AS definition FROM pg_extension WHERE extname <> 'plpgsql'`],
];

export async function readCatalog(client: pg.Client): Promise<Catalog> {
  const catalog: Catalog = new Map();
  for (const [kind, sql] of CATALOG_QUERIES) {
    const { rows } = await client.query<{ name: string; definition: string }>(sql);
    for (const row of rows) catalog.set(`${kind} ${row.name}`, row.definition);
  }
  return catalog;
}

// Each migration is Prisma's generated SQL, then optionally a part starting
// with a `-- Hand-written` line: CHECKs, triggers, partial or operator-class
// indexes, foreign keys to models that declare no relation — what schema.prisma
// cannot say.
const HAND_WRITTEN = /^-- Hand-written\b/im;

export function splitMigration(sql: string): { generated: string; handWritten: string } {
  const match = HAND_WRITTEN.exec(sql);
  return match ? { generated: sql.slice(0, match.index), handWritten: sql.slice(match.index) } : { generated: sql, handWritten: "" };
}

/**
 * Applies the migrations in order and returns the resulting catalog and the
 * keys of objects that a hand-written part created or changed.
 */
export async function applyMigrations(client: pg.Client, migrations: Migration[]): Promise<{ catalog: Catalog; handWritten: Set<string> }> {
  const handWritten = new Set<string>();
  for (const migration of migrations) {
    const { generated, handWritten: hand } = splitMigration(migration.sql);
    await client.query(generated);
    if (!hand.trim()) continue;
    const before = await readCatalog(client);
    await client.query(hand);
    for (const [key, definition] of await readCatalog(client)) if (before.get(key) !== definition) handWritten.add(key);
  }
  return { catalog: await readCatalog(client), handWritten };
}

/**
 * Where the database built by the migrations differs from the one
 * schema.prisma describes: each line names the object and what to do.
 */
export function compareCatalogs(fromMigrations: Catalog, handWritten: Set<string>, fromSchema: Catalog): string[] {
  const problems: string[] = [];
  for (const [key, definition] of fromSchema) {
    const built = fromMigrations.get(key);
    if (built === undefined) problems.push(`${key}: in schema.prisma, but no migration creates it (run npm run db:diff -- <name>)`);
    else if (built !== definition && !handWritten.has(key)) problems.push(`${key}: schema.prisma says "${definition}", the migrations make "${built}"`);
  }
  for (const [key, built] of fromMigrations) {
    if (fromSchema.has(key) || handWritten.has(key)) continue;
    problems.push(`${key}: the migrations create "${built}", schema.prisma has no such thing (edit the schema, or move it below a "-- Hand-written:" line if it is meant)`);
  }
  return problems.sort();
}
