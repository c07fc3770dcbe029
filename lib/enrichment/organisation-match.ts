import "server-only";
import { pool } from "@/lib/db/client";
import { domainLabel } from "./autocomplete";
import { searchKey } from "./normalize";
import { DIRECTORY_COLUMNS_SQL, toDirectoryCompany } from "./providers/embedded";
import type { DirectoryCompanyData } from "./providers/provider";

// Legal forms and filler words that differ between a network registration
// ("SIEMENS AG", "Apple Inc.", "The Boeing Company") and a directory entry of
// the same company: compared without them.
const LEGAL_WORDS = new Set(
  "the inc incorporated corp corporation co company cos ltd limited llc llp lp plc ag gmbh mbh kg kgaa se sa sas sasu sarl sl spa srl nv bv ab asa as oy oyj aps a s s a pte pty bhd kk group holding holdings".split(" "),
);

/** "The Goldman Sachs Group, Inc." → "goldman sachs"; "SIEMENS AG" → "siemens". */
export function organisationKey(name: string): string {
  return searchKey(name)
    .split(" ")
    .filter((word) => word && !LEGAL_WORDS.has(word))
    .join(" ");
}

/** A domain inside a network's name ("Amazon.com, Inc." → "amazon"), if any. */
function domainIn(name: string): string | null {
  for (const word of name.split(/[\s,()]+/)) {
    const label = word.includes(".") ? domainLabel(word) : null;
    if (label && label.length >= 3) return label;
  }
  return null;
}

const CANDIDATES_SQL = `
  SELECT ${DIRECTORY_COLUMNS_SQL}, alt_name FROM company_directory
   WHERE search_name LIKE $1
   ORDER BY (industry IS NULL), length(search_name), id
   LIMIT 200`;

// Compared without spaces too: "Exxon Mobil Corporation" is the directory's "ExxonMobil".
const compact = (key: string) => key.replaceAll(" ", "");

async function byKey(key: string): Promise<DirectoryCompanyData | null> {
  const first = key.split(" ")[0];
  if (!first || first.length < 2) return null;
  const { rows } = await pool().query(CANDIDATES_SQL, [`${first}%`]);
  const same = (name: string | null) => !!name && compact(organisationKey(name)) === compact(key);
  const match = rows.find((row) => same(row.name) || same(row.alt_name));
  return match ? toDirectoryCompany(match) : null;
}

/**
 * The directory company behind a network's organisation name: the same name
 * once legal forms are set aside, then (when the name holds a domain) the
 * company named like the domain or whose website has it. Companies with an
 * industry are preferred, then the shortest name. Null when nothing matches:
 * the lead then carries the network's name alone.
 */
export async function matchOrganisation(networkName: string): Promise<DirectoryCompanyData | null> {
  const key = organisationKey(networkName);
  const byName = key ? await byKey(key) : null;
  if (byName) return byName;
  const domain = domainIn(networkName);
  if (!domain) return null;
  const named = await byKey(domain);
  if (named) return named;
  const { rows } = await pool().query(
    `SELECT ${DIRECTORY_COLUMNS_SQL} FROM company_directory
      WHERE website IS NOT NULL AND (website ILIKE $1 OR website ILIKE $2) ORDER BY (industry IS NULL), id LIMIT 1`,
    [`%//${domain}.%`, `%.${domain}.%`],
  );
  return rows[0] ? toDirectoryCompany(rows[0]) : null;
}
