import { describe, expect, it } from "vitest";
import { csvLine, parseCsv, parseCsvRecords } from "./csv";

describe("csv", () => {
  it("reads quoted commas, doubled quotes and line breaks", () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\r\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"\nthere'],
    ]);
  });
  it("round-trips what it writes", () => {
    const values = ["ERC I, LLC", 'A "quoted" name', "", "plain"];
    expect(parseCsvRecords(`${csvLine(["a", "b", "c", "d"])}\n${csvLine(values)}\n`)).toEqual([{ a: values[0], b: values[1], c: "", d: "plain" }]);
  });
});
