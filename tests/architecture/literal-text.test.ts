// Every word a page or component shows comes from the catalogues
// (messages/<locale>/*.json): no literal text in app/ or components/.
import { describe, expect, it } from "vitest";
import { literalTextIn } from "./literal-text";
import { sourceFiles } from "./module-graph";

const uiFiles = sourceFiles()
  .filter((file) => /^(app|components)\//.test(file))
  .filter((file) => !/\.(test|spec|integration\.test)\.tsx?$/.test(file));

describe("literal text in the UI", () => {
  it("finds words written into JSX, user-facing attributes and action results", () => {
    const sample = `export function A() { return <p title="Open it">Hello <b>{n}</b> · —</p>; }\nconst c = { header: "Date", key: "x y" };\nok("Saved.");\n// i18n-ignore: a brand name\nconst brand = <span>Stripe</span>;`;
    expect(literalTextIn("sample.tsx", sample).map((hit) => hit.text)).toEqual(["Open it", "Hello", "Date", "Saved."]);
  });

  it("has none in any page or component", () => {
    const hits = uiFiles.flatMap((file) => literalTextIn(file));
    expect(hits.map((hit) => `${hit.file}:${hit.line}: ${hit.text}`)).toEqual([]);
  });
});

