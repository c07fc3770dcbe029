// Where does a secret appear in a database? Every table of the public schema,
// each row as text (all columns), searched for the string: a test that a
// token is stored only as its hash reads everything, not just the columns it
// expects.
import type pg from "pg";

export async function tablesContaining(db: pg.Pool | pg.Client, secret: string): Promise<string[]> {
  const { rows: tables } = await db.query<{ name: string }>(
    "SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const { rows } = await db.query(`SELECT 1 FROM ${name} t WHERE strpos(t::text, $1) > 0 LIMIT 1`, [secret]);
    if (rows.length) found.push(name);
  }
  return found;
}
