import { afterEach, describe, expect, it } from "vitest";
import { reloadEnv } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, clientAddress, markClientAddressTrusted, normalizeAddress, resolveClientAddress } from "./client-address";

describe("resolveClientAddress (our HTTP server, from the socket)", () => {
  it("with no trusted proxy, is the socket's address whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.7", undefined, 0)).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", 0)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:203.0.113.7", "1.2.3.4, 5.6.7.8", 0)).toBe("203.0.113.7");
  });

  it("believes exactly as many hops as TRUST_PROXY_HOPS, counted from the socket", () => {
    // client 198.51.100.9 → proxy 10.0.0.2 (adds the client) → app
    expect(resolveClientAddress("10.0.0.2", "198.51.100.9", 1)).toBe("198.51.100.9");
    // the client sent its own X-Forwarded-For first: the entry it typed is not reached
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.9", 1)).toBe("198.51.100.9");
    // two proxies: CDN 10.0.0.1 then load balancer 10.0.0.2
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.1", 2)).toBe("198.51.100.9");
    // fewer hops than trusted: the furthest one there is
    expect(resolveClientAddress("10.0.0.2", "198.51.100.9", 3)).toBe("198.51.100.9");
  });

  it("skips a hop that is not an address (a broken proxy) towards the socket", () => {
    expect(resolveClientAddress("10.0.0.2", "not-an-ip", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "<script>, 198.51.100.9", 2)).toBe("198.51.100.9");
  });

  it("normalises IPv6 and IPv4-mapped forms and refuses garbage", () => {
    expect(normalizeAddress("[2001:DB8::1]")).toBe("2001:db8::1");
    expect(normalizeAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeAddress("::1")).toBe("::1");
    expect(normalizeAddress("192.0.2.1:8080")).toBeNull();
    expect(normalizeAddress("x".repeat(300))).toBeNull();
  });
});

describe("clientAddress (route handlers, actions)", () => {
  afterEach(() => {
    delete process.env.TRUST_PROXY_HOPS;
    reloadEnv();
  });

  it("without our server in front and no trusted proxy, does not believe a client-set header", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6", [CLIENT_ADDRESS_HEADER]: "6.6.6.6" });
    expect(clientAddress(headers)).toBeNull();
  });

  it("without our server but behind TRUST_PROXY_HOPS proxies, takes their entry", () => {
    process.env.TRUST_PROXY_HOPS = "1";
    reloadEnv();
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.9" }))).toBe("198.51.100.9");
    expect(clientAddress({ "x-forwarded-for": "198.51.100.9" })).toBe("198.51.100.9");
    expect(clientAddress(new Headers())).toBeNull();
  });

  it("behind our server, reads the header it set (it drops any incoming copy)", () => {
    markClientAddressTrusted();
    expect(clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7", "x-forwarded-for": "6.6.6.6" }))).toBe("203.0.113.7");
    expect(clientAddress({ [CLIENT_ADDRESS_HEADER]: "203.0.113.7" })).toBe("203.0.113.7");
  });
});
