// Every badge tone is readable: its text colour on its background reaches the
// WCAG AA contrast for small text (4.5:1), computed from the colours Tailwind
// actually ships (theme.css), so a palette change or a new tone is checked too.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { wcagContrast } from "culori";
import { describe, expect, it } from "vitest";
import { TONE_CLASSES } from "./status-badge";

const theme = readFileSync(createRequire(import.meta.url).resolve("tailwindcss/theme.css"), "utf8");

function color(utility: string, prefix: "bg" | "text"): string {
  const name = utility.slice(prefix.length + 1);
  const value = new RegExp(`--color-${name}:\\s*([^;]+);`).exec(theme)?.[1];
  if (!value) throw new Error(`No --color-${name} in Tailwind's theme`);
  return value.trim();
}

describe("StatusBadge tones", () => {
  for (const [tone, classes] of Object.entries(TONE_CLASSES)) {
    it(`${tone}: text on background ≥ 4.5:1`, () => {
      const utilities = classes.split(/\s+/);
      const background = color(utilities.find((c) => c.startsWith("bg-"))!, "bg");
      const text = color(utilities.find((c) => c.startsWith("text-"))!, "text");
      expect(wcagContrast(text, background)).toBeGreaterThanOrEqual(4.5);
    });
  }
});
