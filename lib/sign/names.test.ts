import { describe, expect, it } from "vitest";
import { namesMatch } from "./names";

describe("namesMatch", () => {
  it("ignores case, accents, punctuation and word order", () => {
    expect(namesMatch("Marie Dupont", "marie dupont")).toBe(true);
    expect(namesMatch("Marie Dupont", "DUPONT, Marie")).toBe(true);
    expect(namesMatch("Hélène Lefèvre", "Helene  LEFEVRE")).toBe(true);
    expect(namesMatch("Jean-Luc Picard", "Jean Luc Picard")).toBe(true);
  });

  it("flags a different person, a missing or an extra name", () => {
    expect(namesMatch("Marie Dupont", "Jan Janssens")).toBe(false);
    expect(namesMatch("Marie Dupont", "Marie")).toBe(false);
    expect(namesMatch("Marie Dupont", "Marie Claire Dupont")).toBe(false);
    expect(namesMatch("", "")).toBe(false);
  });
});
