import { describe, expect, it } from "vitest";
import { namesMatch } from "./names";

describe("namesMatch", () => {
  it.each([
    // Case, accents, punctuation and word order do not make another person…
    ["Marie Dupont", "marie dupont", true],
    ["Marie Dupont", "DUPONT, Marie", true],
    ["Hélène Lefèvre", "Helene  LEFEVRE", true],
    ["Jean-Luc Picard", "Jean Luc Picard", true],
    // … a different name, a missing or an extra one do.
    ["Marie Dupont", "Jan Janssens", false],
    ["Marie Dupont", "Marie", false],
    ["Marie Dupont", "Marie Claire Dupont", false],
    ["", "", false],
  ])("%j and %j are the same person: %s", (given, verified, same) => {
    expect(namesMatch(given, verified)).toBe(same);
  });
});
