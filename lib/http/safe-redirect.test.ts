import { describe, expect, it } from "vitest";
import { safeRedirectPath, safeRedirectUrl } from "./safe-redirect";

const APP = "http://localhost:3000";

// Each of these, written into a Location header or window.location, would take
// the browser to another site (or run script) if passed through as-is.
const HOSTILE = [
  "//evil.example",
  "//evil.example/settings",
  "///evil.example",
  "/\\evil.example",
  "/%5Cevil.example", // as typed in a link, before the query string is decoded
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "https:evil.example",
  "https:/evil.example",
  "https://evil.example",
  "HTTPS://EVIL.EXAMPLE/",
  "http://localhost:3000@evil.example/",
  "http://localhost:3000.evil.example/",
  "http://localhost:4000/",
  "https://localhost:3000/",
  "ftp://localhost:3000/",
  "javascript:alert(document.cookie)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "http://user:pass@localhost:3000/settings",
  "",
  "x".repeat(5000),
];

describe("safeRedirectPath", () => {
  it.each(HOSTILE)("sends %j to /", (target) => {
    expect(safeRedirectPath(decodeURIComponentSafe(target), APP)).toBe("/");
    expect(safeRedirectPath(target, APP)).toMatch(/^\/(?!\/)/);
  });

  it("refuses what is not a string", () => {
    for (const value of [undefined, null, 42, ["/settings"], { href: "/settings" }]) expect(safeRedirectPath(value, APP)).toBe("/");
  });

  it.each([
    ["/settings", "/settings"],
    ["/settings/iap/3?before=120#history", "/settings/iap/3?before=120#history"],
    ["/contacts?q=%C3%A9t%C3%A9", "/contacts?q=%C3%A9t%C3%A9"],
    ["http://localhost:3000/letters", "/letters"],
    ["settings", "/settings"],
    ["/a/../settings", "/settings"],
    ["/%5Cevil.example", "/%5Cevil.example"], // still encoded: a path on our site, not a host
    ["http:evil.example", "/evil.example"], // same scheme as APP_URL: browsers read a relative path too
  ])("keeps %j on our origin as %j", (target, expected) => {
    expect(safeRedirectPath(target, APP)).toBe(expected);
  });

  it("never returns a protocol-relative path, even when the path itself starts with //", () => {
    expect(safeRedirectPath("/.//evil.example", APP)).toBe("/evil.example");
    expect(safeRedirectPath("http://localhost:3000//evil.example", APP)).toBe("/evil.example");
  });

  it("is judged against APP_URL's own origin", () => {
    expect(safeRedirectPath("https://erp.example.com/settings", "https://erp.example.com")).toBe("/settings");
    expect(safeRedirectPath("http://erp.example.com/settings", "https://erp.example.com")).toBe("/");
    expect(safeRedirectUrl("/letters", "https://erp.example.com")).toBe("https://erp.example.com/letters");
    expect(safeRedirectUrl("//evil.example", "https://erp.example.com")).toBe("https://erp.example.com/");
  });
});

function decodeURIComponentSafe(value: string) {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
