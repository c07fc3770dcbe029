// A Section is the region a screen reader lists and an e2e spec finds with
// getByRole("region", { name }): its name must be its title, for every look,
// and two sections on one page must not share an id.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Section, type SectionLook } from "./section";

function regions(html: string) {
  return [...html.matchAll(/<section aria-labelledby="([^"]+)"[^>]*>.*?<h2 id="([^"]+)"[^>]*>([^<]*)<\/h2>/g)].map(([, labelledBy, id, title]) => ({ labelledBy, id, title }));
}

describe("Section", () => {
  for (const look of ["plain", "card", "panel"] satisfies SectionLook[]) {
    it(`is named by its title (${look}), with an intro and actions beside it`, () => {
      const html = renderToStaticMarkup(createElement(Section, { look, title: "Failed jobs", intro: "Jobs that gave up.", actions: createElement("button", null, "Run now"), children: "rows" }));
      const [region] = regions(html);
      expect(region).toEqual({ labelledBy: region.id, id: region.id, title: "Failed jobs" });
      expect(html).toContain("Jobs that gave up.");
      expect(html).toContain("Run now");
    });
  }

  it("gives two sections on one page ids of their own", () => {
    const html = renderToStaticMarkup(createElement("div", null, createElement(Section, { title: "Opt-outs", children: "a" }), createElement(Section, { title: "Sender", children: "b" })));
    const [first, second] = regions(html);
    expect(first.id).not.toBe(second.id);
    expect([first.labelledBy, second.labelledBy]).toEqual([first.id, second.id]);
  });
});
