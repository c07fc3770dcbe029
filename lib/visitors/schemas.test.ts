import { describe, expect, it } from "vitest";
import { toOrigin } from "./schemas";

describe("toOrigin", () => {
  it("keeps the origin of a web address, with or without its scheme", () => {
    expect(toOrigin("https://www.example.com/shop/")).toBe("https://www.example.com");
    expect(toOrigin("www.example.com")).toBe("https://www.example.com");
    expect(toOrigin("http://localhost:3000")).toBe("http://localhost:3000");
    expect(toOrigin("https://[::1]:8443")).toBe("https://[::1]:8443");
    expect(toOrigin("bücher.example")).toBe("https://xn--bcher-kva.example");
  });

  it("refuses what no browser sends as an Origin, though the URL parser takes it as a host", () => {
    for (const text of ["~", "~abc", "a!b.example", "https://a$b.example", "ftp://example.com", "", "https://user:pw@example.com", "x".repeat(64), `${"a".repeat(60)}.`.repeat(5) + "example"]) expect(toOrigin(text), text).toBeNull();
  });
});
