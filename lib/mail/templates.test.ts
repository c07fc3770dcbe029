import { describe, expect, it } from "vitest";
import { escapeHtml } from "./templates";

describe("e-mail HTML", () => {
  it("escapeHtml covers the five special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });
});
