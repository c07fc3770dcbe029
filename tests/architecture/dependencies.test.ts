// The module graph keeps its shape: no import circles (type-only imports
// included), and dependencies that point one way (tests/architecture/layers.ts).
// Each failure names the files and the import to change.
import { describe, expect, it } from "vitest";
import { KNOWN_EXCEPTIONS, LAYERS, isProductionFile, layerOf } from "./layers";
import { buildModuleGraph, findCircles, type Edge } from "./module-graph";

const graph = buildModuleGraph();
const production = graph.edges.filter((edge) => isProductionFile(edge.from));
const excepted = (edge: Edge) => KNOWN_EXCEPTIONS.some((exception) => exception.from === edge.from && exception.to === edge.to);
const describeEdge = (edge: Edge) => `${edge.from} imports${edge.typeOnly ? " (a type from)" : ""} ${edge.to}`;

describe("the module graph", () => {
  it("reads every file and resolves every import of ours", () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.edges.length).toBeGreaterThan(500);
    expect(graph.unresolved.map(({ from, specifier }) => `${from}: "${specifier}"`)).toEqual([]);
  });

  it("has no import circles, type-only imports included (move a shared type into its own file)", () => {
    expect(findCircles(graph).map((circle) => circle.join(" → "))).toEqual([]);
  });

  it("places every production file in a layer", () => {
    const unplaced = [...new Set(graph.files.filter((file) => isProductionFile(file) && !layerOf(file)))];
    expect(unplaced, "add the new slice to a layer in tests/architecture/layers.ts").toEqual([]);
  });

  it("points dependencies one way: app → components → delivery → jobs → services → contacts → iap → platform → db", () => {
    const upward = production
      .filter((edge) => !excepted(edge))
      .flatMap((edge) => {
        if (!isProductionFile(edge.to)) return [`${describeEdge(edge)}: production code imports a test file`];
        const from = layerOf(edge.from);
        const to = layerOf(edge.to);
        if (!from || !to || to.index >= from.index) return [];
        return [`${describeEdge(edge)}: "${from.layer.name}" (${from.layer.why}) sits below "${to.layer.name}" — move what both need down, or let the upper layer call`];
      });
    expect(upward).toEqual([]);
  });

  it("has no two slices importing each other", () => {
    const slice = (file: string) => layerOf(file)?.slice ?? file;
    const sliceEdges = production
      .filter((edge) => !excepted(edge) && isProductionFile(edge.to) && slice(edge.from) !== slice(edge.to))
      .map((edge) => ({ ...edge, from: slice(edge.from), to: slice(edge.to) }));
    expect(findCircles({ edges: sliceEdges }).map((circle) => circle.join(" → "))).toEqual([]);
  });

  it("needs every known exception still (remove the ones a change made unnecessary)", () => {
    const unused = KNOWN_EXCEPTIONS.filter((exception) => !graph.edges.some((edge) => edge.from === exception.from && edge.to === exception.to));
    expect(unused).toEqual([]);
  });
});

describe("the checks themselves", () => {
  it("find a circle through a type-only import and name its files in order", () => {
    const edges: Edge[] = [
      { from: "lib/a/x.ts", to: "lib/a/y.ts", specifier: "./y", typeOnly: false },
      { from: "lib/a/y.ts", to: "lib/a/z.ts", specifier: "./z", typeOnly: false },
      { from: "lib/a/z.ts", to: "lib/a/x.ts", specifier: "./x", typeOnly: true },
      { from: "lib/a/z.ts", to: "lib/a/w.ts", specifier: "./w", typeOnly: false },
    ];
    expect(findCircles({ edges })).toEqual([["lib/a/x.ts", "lib/a/y.ts", "lib/a/z.ts", "lib/a/x.ts"]]);
    expect(findCircles({ edges: edges.filter((edge) => edge.from !== "lib/a/z.ts" || edge.to !== "lib/a/x.ts") })).toEqual([]);
  });

  it("place files by the longest path that names them", () => {
    expect(layerOf("lib/iap/ledger.ts")?.layer.name).toBe("credits");
    expect(layerOf("lib/iap/catalogue.ts")?.layer.name).toBe("vocabulary");
    expect(layerOf("app/(app)/contacts/page.tsx")?.layer.name).toBe("app");
    expect(layerOf("lib/unknown/thing.ts")).toBeUndefined();
    expect(LAYERS.findIndex((layer) => layer.name === "services")).toBeLessThan(LAYERS.findIndex((layer) => layer.name === "credits"));
  });
});
