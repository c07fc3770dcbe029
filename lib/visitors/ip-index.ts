// IP address → the network's autonomous system (number and organisation), from
// the open dataset in the npm package @ip-location-db/asn (Route Views + DB-IP,
// CC-BY-4.0): about 412,000 IPv4 and 103,000 IPv6 ranges.
//
// Kept in memory, not in PostgreSQL: the ranges are sorted and disjoint, so
// they fit in typed arrays (IPv4: start/end as Uint32, IPv6: start/end as two
// BigUint64 halves, plus an index into one table of organisations per array
// entry) and a binary search answers in about a microsecond, with no round
// trip and no table of half a million rows (plus GiST index) in every
// company's database. The figures behind this choice are in README ("Lead
// Generation from website visitors") and from `npm run bench:reveal`.
//
// Loading parses ~33 MB of CSV (about a second): it happens on first use or in
// the background after start-up (startIpIndexLoad), never in a request.
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseAddress, type ParsedAddress } from "./address";

export interface Network {
  asn: number;
  organisation: string;
}

export interface IpIndexStats {
  ipv4Ranges: number;
  ipv6Ranges: number;
  organisations: number;
  /** Bytes held by the typed arrays (IPv4 and IPv6 ranges). */
  ipv4Bytes: number;
  ipv6Bytes: number;
  loadMs: number;
}

const MASK64 = (1n << 64n) - 1n;

export class IpIndex {
  constructor(
    private readonly v4Start: Uint32Array,
    private readonly v4End: Uint32Array,
    private readonly v4Org: Uint32Array,
    private readonly v6StartHi: BigUint64Array,
    private readonly v6StartLo: BigUint64Array,
    private readonly v6EndHi: BigUint64Array,
    private readonly v6EndLo: BigUint64Array,
    private readonly v6Org: Uint32Array,
    private readonly asns: Uint32Array,
    private readonly organisations: string[],
    readonly loadMs = 0,
  ) {}

  /** The network an address belongs to, or null (private, reserved or unannounced addresses; anything that is not an address). */
  lookup(address: string): Network | null {
    const parsed = parseAddress(address);
    return parsed ? this.lookupParsed(parsed) : null;
  }

  lookupParsed(parsed: ParsedAddress): Network | null {
    const org = parsed.version === 4 ? this.findV4(parsed.v4) : this.findV6(parsed.hi, parsed.lo);
    return org < 0 ? null : { asn: this.asns[org], organisation: this.organisations[org] };
  }

  /** Index into the organisation table, or -1. Exposed for the benchmark (no object per lookup). */
  findV4(value: number): number {
    const starts = this.v4Start;
    let low = 0;
    let high = starts.length - 1;
    // The last range starting at or before `value`…
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (starts[mid] <= value) low = mid + 1;
      else high = mid - 1;
    }
    // …contains it, or the address lies between two ranges.
    return high >= 0 && value <= this.v4End[high] ? this.v4Org[high] : -1;
  }

  findV6(hi: bigint, lo: bigint): number {
    const startHi = this.v6StartHi;
    const startLo = this.v6StartLo;
    let low = 0;
    let high = startHi.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (startHi[mid] < hi || (startHi[mid] === hi && startLo[mid] <= lo)) low = mid + 1;
      else high = mid - 1;
    }
    if (high < 0) return -1;
    const endHi = this.v6EndHi[high];
    return hi < endHi || (hi === endHi && lo <= this.v6EndLo[high]) ? this.v6Org[high] : -1;
  }

  /** The dataset's name for an ASN, or null when no range of it is in the dataset. */
  organisationOf(asn: number): string | null {
    const index = this.asns.indexOf(asn);
    return index < 0 ? null : this.organisations[index];
  }

  stats(): IpIndexStats {
    const v4 = this.v4Start.byteLength + this.v4End.byteLength + this.v4Org.byteLength;
    const v6 = this.v6StartHi.byteLength * 4 + this.v6Org.byteLength;
    return {
      ipv4Ranges: this.v4Start.length,
      ipv6Ranges: this.v6StartHi.length,
      organisations: this.organisations.length,
      ipv4Bytes: v4,
      ipv6Bytes: v6,
      loadMs: this.loadMs,
    };
  }
}

/**
 * The dataset's folder in node_modules, found from the working directory up
 * (the way Node resolves packages; require.resolve itself is rewritten by
 * Next's bundler into a module id, so it cannot be used here). Offline: the
 * files come with `npm install`.
 */
export function datasetDirectory(from = process.cwd()): string {
  // turbopackIgnore: a folder found at run time, not a file for the build to trace.
  for (let dir = path.resolve(/*turbopackIgnore: true*/ from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", "@ip-location-db", "asn");
    if (existsSync(path.join(candidate, "asn-ipv4-num.csv"))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`The IP dataset @ip-location-db/asn is not installed (looked up from ${from}): run npm install.`);
  }
}

/** The dataset version (the package version is the data's date: 2.3.YYYYMMDDhh). */
export function datasetVersion(): string {
  return (JSON.parse(readFileSync(path.join(datasetDirectory(), "package.json"), "utf8")) as { version: string }).version;
}

/** One CSV line of the -num files: `start,end,asn,organisation` where only the organisation may be quoted. */
function splitLine(line: string): [string, string, string, string] | null {
  const a = line.indexOf(",");
  const b = line.indexOf(",", a + 1);
  const c = line.indexOf(",", b + 1);
  if (a < 0 || b < 0 || c < 0) return null;
  let organisation = line.slice(c + 1).trim();
  if (organisation.startsWith('"') && organisation.endsWith('"')) organisation = organisation.slice(1, -1).replaceAll('""', '"');
  return [line.slice(0, a), line.slice(a + 1, b), line.slice(b + 1, c), organisation];
}

class OrganisationTable {
  readonly asns: number[] = [];
  readonly names: string[] = [];
  private readonly byAsn = new Map<number, number>();

  indexOf(asn: number, name: string): number {
    let index = this.byAsn.get(asn);
    if (index === undefined) {
      index = this.asns.length;
      this.asns.push(asn);
      // A copy: a slice would keep the whole CSV text alive (V8 sliced strings).
      this.names.push(Buffer.from(name, "utf8").toString("utf8"));
      this.byAsn.set(asn, index);
    }
    return index;
  }
}

/** Builds the index from the two -num CSV texts (tests pass small ones). */
export function buildIpIndex(ipv4Csv: string, ipv6Csv: string, startedAt = performance.now()): IpIndex {
  const orgs = new OrganisationTable();

  const v4Lines = ipv4Csv.split("\n");
  const v4Start = new Uint32Array(v4Lines.length);
  const v4End = new Uint32Array(v4Lines.length);
  const v4Org = new Uint32Array(v4Lines.length);
  let n4 = 0;
  for (const line of v4Lines) {
    const fields = line && splitLine(line);
    if (!fields) continue;
    const start = Number(fields[0]);
    const end = Number(fields[1]);
    if (!(start <= end)) continue;
    // Ranges are sorted; the rare one that overlaps its predecessor (a more
    // specific announcement inside a larger one) wins: the predecessor ends before it.
    if (n4 > 0 && start <= v4End[n4 - 1]) v4End[n4 - 1] = start - 1;
    v4Start[n4] = start;
    v4End[n4] = end;
    v4Org[n4] = orgs.indexOf(Number(fields[2]), fields[3]);
    n4++;
  }

  const v6Lines = ipv6Csv.split("\n");
  const v6StartHi = new BigUint64Array(v6Lines.length);
  const v6StartLo = new BigUint64Array(v6Lines.length);
  const v6EndHi = new BigUint64Array(v6Lines.length);
  const v6EndLo = new BigUint64Array(v6Lines.length);
  const v6Org = new Uint32Array(v6Lines.length);
  let n6 = 0;
  let previousEnd = -1n;
  for (const line of v6Lines) {
    const fields = line && splitLine(line);
    if (!fields) continue;
    const start = BigInt(fields[0]);
    const end = BigInt(fields[1]);
    if (start > end) continue;
    if (start <= previousEnd && n6 > 0) {
      const trimmed = start - 1n;
      v6EndHi[n6 - 1] = trimmed >> 64n;
      v6EndLo[n6 - 1] = trimmed & MASK64;
    }
    v6StartHi[n6] = start >> 64n;
    v6StartLo[n6] = start & MASK64;
    v6EndHi[n6] = end >> 64n;
    v6EndLo[n6] = end & MASK64;
    v6Org[n6] = orgs.indexOf(Number(fields[2]), fields[3]);
    previousEnd = end;
    n6++;
  }

  // Copy to exact lengths so the index holds no spare capacity.
  return new IpIndex(
    v4Start.slice(0, n4),
    v4End.slice(0, n4),
    v4Org.slice(0, n4),
    v6StartHi.slice(0, n6),
    v6StartLo.slice(0, n6),
    v6EndHi.slice(0, n6),
    v6EndLo.slice(0, n6),
    v6Org.slice(0, n6),
    Uint32Array.from(orgs.asns),
    orgs.names,
    Math.round(performance.now() - startedAt),
  );
}

export async function loadIpIndexFrom(directory: string): Promise<IpIndex> {
  const started = performance.now();
  const [v4, v6] = await Promise.all([
    readFile(path.join(directory, "asn-ipv4-num.csv"), "utf8"),
    readFile(path.join(directory, "asn-ipv6-num.csv"), "utf8"),
  ]);
  return buildIpIndex(v4, v6, started);
}

const state = globalThis as unknown as { ipIndex?: Promise<IpIndex> };

/** The process's index, loaded once (concurrent callers share the one load). */
export function ipIndex(): Promise<IpIndex> {
  state.ipIndex ??= loadIpIndexFrom(datasetDirectory()).catch((error) => {
    state.ipIndex = undefined;
    throw error;
  });
  return state.ipIndex;
}

/** Start loading after start-up without holding it up: the first rule run then finds the index ready. */
export function startIpIndexLoad(delayMs = 10_000) {
  setTimeout(() => void ipIndex().catch((error) => console.error("[visitors] loading the IP → network dataset failed:", error)), delayMs).unref();
}
