// Every word a page or component shows comes from the catalogues
// (messages/<locale>/*.json): no literal text in app/ or components/.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { literalTextIn } from "./literal-text";
import { sourceFiles } from "./module-graph";

const uiFiles = sourceFiles()
  .filter((file) => /^(app|components)\//.test(file))
  .filter((file) => !/\.(test|spec|integration\.test)\.tsx?$/.test(file));

/**
 * Files not yet moved onto the catalogues while the localisation lands, area
 * by area. Each entry goes when its file is converted; the list must end empty.
 */
const pending: string[] = JSON.parse(readFileSync(path.join(import.meta.dirname, "literal-text-pending.json"), "utf8"));

describe("literal text in the UI", () => {
  it("finds words written into JSX, user-facing attributes and action results", () => {
    const sample = `export function A() { return <p title="Open it">Hello <b>{n}</b> · —</p>; }\nconst c = { header: "Date", key: "x y" };\nok("Saved.");\n// i18n-ignore: a brand name\nconst brand = <span>Stripe</span>;`;
    expect(literalTextIn("sample.tsx", sample).map((hit) => hit.text)).toEqual(["Open it", "Hello", "Date", "Saved."]);
  });

  it("has none outside the files still pending", () => {
    const hits = uiFiles.filter((file) => !pending.includes(file)).flatMap((file) => literalTextIn(file));
    expect(hits.map((hit) => `${hit.file}:${hit.line}: ${hit.text}`)).toEqual([]);
  });

  it("lists as pending only files that still have literal text", () => {
    const stale = pending.filter((file) => !uiFiles.includes(file) || literalTextIn(file).length === 0);
    expect(stale, "remove these from tests/architecture/literal-text-pending.json").toEqual([]);
  });
});

