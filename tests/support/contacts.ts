// Many contacts at once for mass SMS tests and benchmarks: distinct, valid
// Belgian mobiles (+32 470 000001 …), typed with spaces as people type them.
import type pg from "pg";

export async function insertMobileContacts(db: pg.Pool, companyId: number, count: number): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO contact (company_id, name, mobile, updated_at)
     SELECT $1, 'Contact ' || i, '+32 470 ' || lpad(i::text, 6, '0'), now() FROM generate_series(1, $2) AS i RETURNING id`,
    [companyId, count],
  );
  return rows.map((row) => row.id);
}
