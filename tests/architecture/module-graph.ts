// The project's module graph as the TypeScript sources declare it: every
// `import`, `import type`, `export … from` and literal `import()` of every
// .ts/.tsx file, resolved the way tsconfig.json resolves them (`@/` is the
// project root; relative paths; extensionless; index files).
//
// Why our own and not madge or dependency-cruiser: both read TypeScript with
// the TypeScript 5 compiler API (madge through typescript-estree, a peer
// dependency on typescript ^5 that npm refuses next to our TypeScript 7,
// which has no JavaScript API), and dependency-cruiser's other parser (swc)
// is called without JSX, so it cannot read our .tsx files. oxc-parser reads
// TS and TSX and marks type-only imports; resolving our one path alias is a
// few lines.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseSync } from "oxc-parser";

export const root = path.resolve(import.meta.dirname, "../..");

/** Folders never read: dependencies, build output, Prisma's generated client (its own circles are Prisma's). */
const SKIPPED = new Set(["node_modules", ".next", ".data", ".git", "test-results", "playwright-report", "generated", "docs", "public"]);

export interface Edge {
  from: string;
  to: string;
  /** As written in the source. */
  specifier: string;
  typeOnly: boolean;
}

export interface ModuleGraph {
  files: string[];
  edges: Edge[];
  /** `@/…` or relative specifiers that name no file: a broken import would hide an edge. */
  unresolved: { from: string; specifier: string }[];
}

export function sourceFiles(dir = root): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIPPED.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith(".d.ts")) found.push(path.relative(root, full));
  }
  return found.sort();
}

const EXTENSIONS = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"];

/** The project file a specifier names, `null` for a package (or Prisma's generated client), `undefined` when nothing matches. */
export function resolveSpecifier(from: string, specifier: string): string | null | undefined {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith("./") || specifier.startsWith("../")) base = path.join(path.dirname(from), specifier);
  else return null;
  if (base.startsWith("lib/generated/")) return null;
  const withoutJs = base.replace(/\.(m?js)$/, "");
  for (const candidate of new Set([base, withoutJs])) {
    for (const extension of EXTENSIONS) {
      const file = candidate + extension;
      try {
        if (statSync(path.join(root, file)).isFile()) return path.normalize(file);
      } catch {
        // try the next form
      }
    }
  }
  return undefined;
}

export function moduleImports(file: string, source: string): { specifier: string; typeOnly: boolean }[] {
  const parsed = parseSync(file, source);
  if (parsed.errors.length > 0) throw new Error(`${file} does not parse: ${parsed.errors[0].message}`);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const statement of parsed.module.staticImports) {
    // `import "x"` has no entries and is a real (side-effect) import.
    const typeOnly = statement.entries.length > 0 && statement.entries.every((entry) => entry.isType);
    found.push({ specifier: statement.moduleRequest.value, typeOnly });
  }
  for (const statement of parsed.module.staticExports) {
    const requests = statement.entries.filter((entry) => entry.moduleRequest);
    if (requests.length === 0) continue;
    found.push({ specifier: requests[0].moduleRequest!.value, typeOnly: requests.every((entry) => entry.isType) });
  }
  for (const dynamic of parsed.module.dynamicImports) {
    const text = source.slice(dynamic.moduleRequest.start, dynamic.moduleRequest.end);
    const literal = /^(["'`])([^"'`$]+)\1$/.exec(text.trim());
    if (literal) found.push({ specifier: literal[2], typeOnly: false });
  }
  return found;
}

export function buildModuleGraph(files = sourceFiles()): ModuleGraph {
  const edges: Edge[] = [];
  const unresolved: ModuleGraph["unresolved"] = [];
  for (const file of files) {
    const source = readFileSync(path.join(root, file), "utf8");
    for (const { specifier, typeOnly } of moduleImports(file, source)) {
      const to = resolveSpecifier(file, specifier);
      if (to === undefined) unresolved.push({ from: file, specifier });
      else if (to !== null && to !== file) edges.push({ from: file, to, specifier, typeOnly });
    }
  }
  return { files, edges, unresolved };
}

/**
 * Every import circle, one per strongly connected component (Tarjan), each
 * written as a path that comes back to its start: `a → b → a`.
 */
export function findCircles(graph: Pick<ModuleGraph, "edges">): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;

  function connect(node: string) {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component);
    }
  }
  for (const node of [...next.keys()].sort()) if (!index.has(node)) connect(node);

  // A readable witness per component: the shortest way from its first file back to itself.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0];
    const previous = new Map<string, string>();
    const queue = [start];
    while (queue.length > 0) {
      const node = queue.shift()!;
      for (const target of next.get(node) ?? []) {
        if (!members.has(target)) continue;
        if (target === start) {
          const cycle = [node];
          while (cycle[0] !== start) cycle.unshift(previous.get(cycle[0])!);
          return [...cycle, start];
        }
        if (!previous.has(target)) {
          previous.set(target, node);
          queue.push(target);
        }
      }
    }
    return [...component, component[0]];
  });
}
