// The range index on the real dataset shipped by @ip-location-db/asn: known
// rows of its CSV files, the first and last address of a range, addresses
// between ranges, and input that is not an address.
import { beforeAll, describe, expect, it } from "vitest";
import { buildIpIndex, ipIndex, type IpIndex } from "./ip-index";

let index: IpIndex;
beforeAll(async () => {
  index = await ipIndex();
}, 60_000);

describe("IPv4", () => {
  it("finds the organisation of known rows of asn-ipv4.csv", () => {
    // 1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc." (a quoted name with a comma)
    expect(index.lookup("1.0.0.1")).toEqual({ asn: 13335, organisation: "Cloudflare, Inc." });
    // 17.0.0.0,17.253.1.255,714,Apple Inc.
    expect(index.lookup("17.1.2.3")).toEqual({ asn: 714, organisation: "Apple Inc." });
    // 139.23.204.0,139.23.207.255,15465,SIEMENS AG
    expect(index.lookup("139.23.205.17")).toEqual({ asn: 15465, organisation: "SIEMENS AG" });
    // 2.160.0.0,2.175.255.255,3320,Deutsche Telekom AG
    expect(index.lookup("2.171.4.5")).toEqual({ asn: 3320, organisation: "Deutsche Telekom AG" });
  });

  it("includes the first and the last address of a range", () => {
    expect(index.lookup("1.0.0.0")?.asn).toBe(13335);
    expect(index.lookup("1.0.0.255")?.asn).toBe(13335);
    // 17.253.1.255 ends AS714's range; 17.253.2.0 starts AS6185's.
    expect(index.lookup("17.253.1.255")?.asn).toBe(714);
    expect(index.lookup("17.253.2.0")?.asn).toBe(6185);
    // The dataset's last row: 223.255.254.0,223.255.254.255,55415,Marina Bay Sands Pte Ltd
    expect(index.lookup("223.255.254.255")).toEqual({ asn: 55415, organisation: "Marina Bay Sands Pte Ltd" });
  });

  it("answers null between ranges, before the first one and for non-public addresses", () => {
    // 1.0.0.255 ends one range, 1.0.4.0 starts the next.
    expect(index.lookup("1.0.1.0")).toBeNull();
    expect(index.lookup("1.0.3.255")).toBeNull();
    expect(index.lookup("1.0.4.0")?.asn).toBe(38803);
    expect(index.lookup("0.0.0.1")).toBeNull();
    expect(index.lookup("10.1.2.3")).toBeNull();
    expect(index.lookup("127.0.0.1")).toBeNull();
    expect(index.lookup("255.255.255.255")).toBeNull();
  });

  it("reads IPv4-mapped IPv6 addresses (dual-stack sockets) as IPv4", () => {
    expect(index.lookup("::ffff:17.1.2.3")?.asn).toBe(714);
  });
});

describe("IPv6", () => {
  it("finds the organisation of known rows of asn-ipv6.csv", () => {
    // 2001:200::,2001:200:1b9:ffff:ffff:ffff:ffff:ffff,2500,WIDE Project
    expect(index.lookup("2001:200:12::1")).toEqual({ asn: 2500, organisation: "WIDE Project" });
    // 2001:506:204::,2001:506:207:ffff:ffff:ffff:ffff:ffff,714,Apple Inc.
    expect(index.lookup("2001:506:205:1::42")?.organisation).toBe("Apple Inc.");
  });

  it("includes the first and last address of a range, also of ranges that are not /64-aligned", () => {
    expect(index.lookup("2001:200::")?.asn).toBe(2500);
    expect(index.lookup("2001:200:1b9:ffff:ffff:ffff:ffff:ffff")?.asn).toBe(2500);
    // The next row, 2001:200:1ba::/48, is another organisation.
    expect(index.lookup("2001:200:1ba::")).toEqual({ asn: 24047, organisation: "Internet Systems Consortium, Inc." });
    expect(index.lookup("2001::")?.asn).toBe(6939);
    expect(index.lookup("2001::ffff:ffff:ffff:ffff:ffff:ffff")?.asn).toBe(6939);
    expect(index.lookup("2c0f:fff0:ffff:ffff:ffff:ffff:ffff:ffff")?.asn).toBe(37125);
  });

  it("answers null between ranges and outside them", () => {
    // 2001::/32 (Hurricane Electric) ends at 2001:0:ffff:…; 2001:4:112:: starts the next row.
    expect(index.lookup("2001:1::1")).toBeNull();
    expect(index.lookup("2001:4:111:ffff:ffff:ffff:ffff:ffff")).toBeNull();
    expect(index.lookup("::1")).toBeNull();
    expect(index.lookup("fe80::1")).toBeNull();
    expect(index.lookup("ffff::1")).toBeNull();
  });
});

it("answers null for anything that is not an address", () => {
  for (const text of ["", "example.com", "1.2.3", "1.2.3.4.5", "300.1.1.1", "2001:::1", "1.2.3.4; DROP TABLE"]) expect(index.lookup(text)).toBeNull();
});

it("holds every range of the dataset in a few megabytes of typed arrays", () => {
  const stats = index.stats();
  expect(stats.ipv4Ranges).toBeGreaterThan(400_000);
  expect(stats.ipv6Ranges).toBeGreaterThan(100_000);
  expect(stats.ipv4Bytes).toBe(stats.ipv4Ranges * 12);
  expect(stats.ipv6Bytes).toBe(stats.ipv6Ranges * 36);
});

it("a range that overlaps its predecessor wins the addresses they share", () => {
  const small = buildIpIndex("100,200,1,Outer\n150,160,2,Inner\n161,170,3,After\n", "");
  expect(small.lookup("0.0.0.149")?.asn).toBe(1);
  expect(small.lookup("0.0.0.150")?.asn).toBe(2);
  expect(small.lookup("0.0.0.171")).toBeNull();
});
