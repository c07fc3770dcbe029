import "server-only";
import { pool } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { truncateToNetwork } from "./address";
import { ipIndex, type IpIndex } from "./ip-index";
import { networkKind } from "./network-filter";

const BATCH = 2000;

export interface ResolveResult {
  processed: number;
  /** Views from an organisation's own network (candidates for leads). */
  organisations: number;
  /** Views from internet providers, mobile carriers, hosting and cloud networks. */
  skipped: number;
  /** Views whose address is in no range of the dataset. */
  unknown: number;
}

/**
 * Turn new page views' addresses into networks: look each address up in the
 * range index, classify the network, then keep only the /24 or /48 — the
 * full address is gone once a view is processed. Batches are claimed with
 * FOR UPDATE SKIP LOCKED, so two runs (two instances) never process a view
 * twice, and each batch is one UPDATE in its own transaction.
 */
export async function resolvePageViews(index?: IpIndex): Promise<ResolveResult> {
  const ranges = index ?? (await ipIndex());
  const total: ResolveResult = { processed: 0, organisations: 0, skipped: 0, unknown: 0 };
  for (;;) {
    const claimed = await withTransaction(async (client) => {
      const { rows } = await client.query<{ id: string; address: string | null }>(
        "SELECT id, address FROM page_view WHERE processed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
        [BATCH],
      );
      if (rows.length > 0) {
        const ids: string[] = [];
        const networks: (string | null)[] = [];
        const asns: (number | null)[] = [];
        const organisations: (string | null)[] = [];
        const kinds: (string | null)[] = [];
        for (const row of rows) {
          const network = row.address ? ranges.lookup(row.address) : null;
          const kind = network ? networkKind(network.asn, network.organisation) : null;
          ids.push(row.id);
          networks.push(row.address ? truncateToNetwork(row.address) : null);
          asns.push(network?.asn ?? null);
          organisations.push(network?.organisation ?? null);
          kinds.push(kind);
          if (!network) total.unknown++;
          else if (kind) total.skipped++;
          else total.organisations++;
        }
        await client.query(
          `UPDATE page_view p SET address = NULL, network = u.network, asn = u.asn, organisation = u.organisation, network_kind = u.kind, processed_at = now()
             FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::text[]) AS u(id, network, asn, organisation, kind)
            WHERE p.id = u.id`,
          [ids, networks, asns, organisations, kinds],
        );
      }
      return rows.length;
    });
    total.processed += claimed;
    if (claimed < BATCH) return total;
  }
}

export const VISIT_RETENTION_DAYS = 90;

/** Page views older than 90 days are deleted (the leads they produced stay). */
export async function purgeOldPageViews(days = VISIT_RETENTION_DAYS): Promise<number> {
  const { rowCount } = await pool().query("DELETE FROM page_view WHERE viewed_at < now() - make_interval(days => $1)", [days]);
  return rowCount ?? 0;
}
