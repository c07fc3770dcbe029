// Which messages each page's client components need, and which its
// <ClientMessages> provider passes (lib/i18n/client-messages.ts explains why
// providers pass only some). Read from the module graph: from each page,
// layout or other route file, every file it imports at run time; past a
// "use client" file everything imported is client code, whose
// `useTranslations("ns")` reads the nearest provider's messages.
import path from "node:path";
import type { Edge } from "./module-graph";

/** A route file Next renders: its client components see the nearest provider above (or in) it. */
export const ROUTE_FILE = /^app\/(.*\/)?(page|layout|not-found|error|global-error|loading|template|default)\.tsx$/;

export interface Sources {
  files: string[];
  edges: Edge[];
  source(file: string): string;
}

export function isClientModule(source: string): boolean {
  const start = source.replace(/^(\s+|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use client["']/.test(start);
}

const KEY_CALL = String.raw`(?:\.(?:rich|has|markup|raw))?\(\s*`;

/**
 * The message paths a file's `useTranslations` calls need: with one literal
 * namespace and every key its translator is called with written in the file
 * (`t("a.b")`, or `t(\`services.\${name}.name\`)`, which needs all of
 * `services`), those keys' paths; otherwise the whole namespace. The
 * translator may be handed to a function of the same file (which calls it
 * `t`); handed anywhere else, its keys are unknown and the whole namespace is
 * needed. `*` for a call without a literal namespace (it needs every message).
 */
export function translationNamespaces(source: string): string[] {
  const calls = [...source.matchAll(/\b(?:const|let)\s+(\w+)(?:\s*:\s*\w+)?\s*=\s*useTranslations\s*\(([^)]*)\)|\buseTranslations\s*\(([^)]*)\)/g)];
  const namespaces = calls.map((call) => /^\s*(["'])([^"'`]+)\1\s*$/.exec(call[2] ?? call[3])?.[2] ?? "*");
  if (namespaces.includes("*")) return ["*"];
  if (calls.length !== 1 || !calls[0][1]) return namespaces;
  const [namespace] = namespaces;
  const names = [...new Set([calls[0][1], "t"])];
  const localFunctions = new Set([...source.matchAll(/\bfunction\s+(\w+)|\bconst\s+(\w+)\s*=\s*(?:async\s*)?\(/g)].map((match) => match[1] ?? match[2]));
  const paths: string[] = [];
  for (const name of names) {
    for (const use of source.matchAll(new RegExp(String.raw`\b${name}\b(?!\s*[:=](?!=))`, "g"))) {
      const after = source.slice(use.index! + name.length);
      const before = source.slice(Math.max(0, use.index! - 200), use.index!);
      // Its declaration, a property name (`x.t`, `{ t: … }`) or a parameter: not a use.
      if (/(const|let|\.)\s*$/.test(before) || /^\s*\??:/.test(after)) continue;
      // Destructured from an object (`const { t, locale } = words`): a new name for what the function was handed.
      if (/(const|let)\s*\{[^{}]*$/.test(before) && /^[^{};]*\}\s*=/.test(after)) continue;
      const key = new RegExp(String.raw`^${KEY_CALL}(["'\`])((?:(?!\1).)*)\1`).exec(after);
      if (key) {
        const text = key[2];
        const fixed = text.includes("\${") ? text.slice(0, text.indexOf("\${")).split(".").slice(0, -1).join(".") : text;
        if (!fixed) return [namespace];
        paths.push(`${namespace}.${fixed}`);
        continue;
      }
      if (new RegExp(`^${KEY_CALL}`).test(after)) return [namespace]; // a key computed at run time
      // Handed on: fine only to a function written in this file (its keys are read above, as `t`).
      const callee = /(\w+)\s*\([^()]*$/.exec(before.replace(/\{[^{}]*$/, ""))?.[1];
      if (!callee || !localFunctions.has(callee)) return [namespace];
    }
  }
  return paths.length > 0 ? [...new Set(paths)] : [namespace];
}

/** The literal list a layout's `<ClientMessages namespaces={[…]}>` names, or `undefined` when it has no provider. */
export function providedNamespaces(source: string): string[] | undefined {
  const provider = /<ClientMessages\s+namespaces=\{\s*\[([^\]]*)\]\s*\}/.exec(source);
  if (!provider) return undefined;
  return [...provider[1].matchAll(/(["'])([^"']+)\1/g)].map((match) => match[2]);
}

export const covers = (provided: readonly string[], namespace: string) =>
  provided.some((path) => namespace === path || namespace.startsWith(`${path}.`));

/** Namespaces used by client code reachable from `entry` at run time, each with the client file that uses it. */
export function clientNeeds(entry: string, sources: Sources): { namespace: string; file: string }[] {
  const next = new Map<string, string[]>();
  for (const edge of sources.edges) if (!edge.typeOnly) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const seen = new Set<string>();
  const needs: { namespace: string; file: string }[] = [];
  const visit = (file: string, inClient: boolean) => {
    const client = inClient || isClientModule(sources.source(file));
    const key = `${file}|${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (client) for (const namespace of translationNamespaces(sources.source(file))) needs.push({ namespace, file });
    for (const to of next.get(file) ?? []) visit(to, client);
  };
  visit(entry, false);
  return needs;
}

/**
 * The provider a route file's client components read: a layout with its own
 * <ClientMessages> wraps what it renders (so its own client components too);
 * otherwise the nearest layout above with one, up to the root layout.
 */
export function providerFor(entry: string, sources: Sources): { layout: string; namespaces: string[] } | undefined {
  for (let dir = path.posix.dirname(entry); ; dir = path.posix.dirname(dir)) {
    const layout = `${dir}/layout.tsx`;
    const namespaces = sources.files.includes(layout) ? providedNamespaces(sources.source(layout)) : undefined;
    if (namespaces) return { layout, namespaces };
    if (dir === "app" || dir === ".") return undefined;
  }
}

/** One line per client namespace a route file's provider does not pass: the route, the component, the namespace, the provider. */
export function missingClientMessages(sources: Sources, shared: readonly string[]): string[] {
  const problems: string[] = [];
  for (const entry of sources.files.filter((file) => ROUTE_FILE.test(file))) {
    const provider = providerFor(entry, sources);
    const provided = [...shared, ...(provider?.namespaces ?? [])];
    for (const { namespace, file } of clientNeeds(entry, sources)) {
      if (namespace !== "*" && covers(provided, namespace)) continue;
      problems.push(
        namespace === "*"
          ? `${entry}: ${file} calls useTranslations without a literal namespace (name one, so its provider can pass it)`
          : `${entry}: ${file} uses "${namespace}", which ${provider ? provider.layout : "no provider"} does not pass — add it to the <ClientMessages namespaces={[…]}> of ${provider?.layout ?? "a layout above it"}`,
      );
    }
  }
  return [...new Set(problems)];
}
