// Which networks say nothing about the visitor's employer: internet providers,
// mobile carriers, hosting and cloud providers (and the CDNs and security
// proxies in front of them). A visit from Deutsche Telekom's or AWS's
// addresses is someone at home, on a phone, or a server; a visit from
// Siemens AG's own network is Siemens.
//
// Two parts, kept here and maintained together: a list of ASNs of the
// largest such networks (exact; they carry most traffic), and terms that the
// organisation names of the long tail use ("Telecom", "Broadband", "Hosting"…).
// The terms are chosen against real companies' names: no bare "Mobil" (Exxon
// Mobil), "Networks" (Juniper Networks), "Communications" or "Data Center(s)"
// (BMW's "Group Data Centers America"). lib/visitors/network-filter.test.ts
// holds the labelled set (≥ 50 real organisations from the dataset) that any
// change must keep passing.

export type NetworkKind = "isp" | "mobile" | "hosting" | "cloud";

export const NETWORK_KINDS: readonly NetworkKind[] = ["isp", "mobile", "hosting", "cloud"];

const ASN_LIST: Record<NetworkKind, number[]> = {
  cloud: [
    16509, 14618, 8987, // Amazon (AWS)
    15169, 396982, 36384, 19527, 36040, 43515, // Google, Google Cloud, YouTube
    8075, 8068, 8069, 8070, 8071, // Microsoft (Azure, Office 365)
    13335, 209242, 14789, // Cloudflare
    31898, 54253, 33517, // Oracle Cloud
    45102, 37963, 134963, // Alibaba Cloud
    45090, 132203, 133478, // Tencent Cloud
    36351, // IBM Cloud (SoftLayer)
    20940, 16625, 35994, 32787, // Akamai
    54113, // Fastly
    22616, 62044, 53813, // Zscaler
    36692, // Cisco OpenDNS
    13238, // Yandex
  ],
  hosting: [
    16276, 35540, // OVH
    24940, 213230, // Hetzner
    14061, 393406, 46652, // DigitalOcean
    63949, 48337, // Linode (Akamai)
    60781, 28753, 395954, 59253, 7203, // Leaseweb
    12876, 29447, // Scaleway
    51167, 40021, 141995, // Contabo
    20473, // Vultr (The Constant Company)
    8560, // IONOS
    26496, // GoDaddy
    46606, // Unified Layer (Bluehost)
    197540, // netcup
    9009, // M247
  ],
  isp: [
    3320, 2773, // Deutsche Telekom
    7922, 7015, 33491, // Comcast
    3215, 5511, // Orange
    3209, 1273, // Vodafone
    701, 702, 2828, // Verizon Business
    7018, 2386, 6389, // AT&T
    20115, 20001, 10796, 11427, 12271, // Charter (Spectrum)
    22773, // Cox
    2856, 5400, 6871, // BT
    3352, // Telefónica España
    12322, // Free
    5432, // Proximus
    1136, // KPN
    3303, // Swisscom
    3301, // Telia
    4134, 4812, 4837, // China Telecom, China Unicom
    2914, 4713, // NTT
    6830, // Liberty Global
    5089, // Virgin Media
    6939, // Hurricane Electric
    3356, // Lumen (Level 3)
    174, // Cogent
    1299, // Arelion
    16591, // Google Fiber
    14593, // SpaceX Starlink
    12389, // Rostelecom
  ],
  mobile: [
    21928, // T-Mobile US
    22394, // Verizon Wireless (Cellco)
    20057, // AT&T Mobility
    12912, 8412, 13036, // T-Mobile PL, AT, CZ
    9605, // NTT DOCOMO
    51207, // Free Mobile
    5410, 12844, 21093, // Bouygues Telecom
    15557, // SFR
  ],
};

const KIND_BY_ASN = new Map<number, NetworkKind>(NETWORK_KINDS.flatMap((kind) => ASN_LIST[kind].map((asn) => [asn, kind] as const)));

// Checked in this order: a "Mobile Telecom" is a mobile carrier; "Cloud Hosting" is hosting.
const TERMS: [NetworkKind, RegExp][] = [
  ["mobile", /\bmobile\b|mobilfunk|mobility|wireless|cellular|\bcellco\b|\bgsm\b|\blte\b|radiotelephone|docomo|t-mobile/],
  ["hosting", /hosting|\bhoster\b|\bvps\b|\bservers?\b|dedicated|datacenter|colocation|\bcolo\b|webhost|\bidc\b/],
  ["cloud", /\bcloud\b|\bcdn\b|content delivery/],
  [
    "isp",
    new RegExp(
      [
        "telecom", "telekom", "telecommunication", "telekomunik", "telecomunica", "telefonica", "telefónica", "telco\\b", "\\btelenor\\b",
        "\\btele2\\b", "\\btelia\\b", "broadband", "\\bcable\\b", "cablevision", "internet", "\\bisp\\b", "fiber", "fibre", "\\bdsl\\b",
        "\\bftth\\b", "vodafone", "\\borange\\b", "comcast", "verizon", "at&t", "swisscom", "proximus", "\\bkpn\\b", "virgin media",
        "liberty global", "\\bsky\\b", "\\bsatellite\\b", "provider", "\\bwisp\\b", "\\bcablecom\\b", "\\bunicom\\b", "\\bchinanet\\b",
      ].join("|"),
    ),
  ],
];

/** What kind of access network this is, or null when it looks like an organisation's own network. */
export function networkKind(asn: number, organisation: string): NetworkKind | null {
  const listed = KIND_BY_ASN.get(asn);
  if (listed) return listed;
  const name = organisation.toLowerCase();
  for (const [kind, pattern] of TERMS) if (pattern.test(name)) return kind;
  return null;
}

/** For the docs and tests: how many ASNs the list names. */
export const LISTED_ASNS = KIND_BY_ASN.size;
