// Finds words written into the UI instead of taken from the catalogues
// (messages/<locale>/*.json): text between JSX tags, user-facing attributes
// (title, placeholder, aria-label, alt, label…), user-facing properties of
// plain objects (a column's header, a link's label, a page's metadata title)
// and the sentence given to an action's ok()/refuse(). What is not words
// (punctuation, numbers, symbols such as "—" or "·") passes.
//
// Our own rather than eslint-plugin-i18next's no-literal-string: the project
// runs no ESLint (TypeScript 7 has no JavaScript API for typescript-eslint),
// and oxc-parser already reads every TS/TSX file for the module graph.
//
// A line may opt out with a comment `i18n-ignore: <why>` on it or on the line
// above (a brand name, a code sample): the reason is required.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseSync } from "oxc-parser";
import { root } from "./module-graph";

export interface LiteralText {
  file: string;
  line: number;
  text: string;
}

/** Attributes and object properties whose string value a person reads. */
const USER_FACING = new Set([
  "title", "placeholder", "aria-label", "aria-description", "aria-valuetext", "alt", "label", "description", "heading", "header",
  "caption", "hint", "legend", "summary", "message", "empty", "emptyText", "emptyState", "confirm", "confirmation", "text", "subtitle",
]);
const USER_FACING_SUFFIX = /(Label|Text|Title|Message|Hint|Heading|Description|Placeholder|Confirmation)$/;

/** Words: at least one letter of any script. */
const WORDS = /\p{L}/u;
const OPT_OUT = /i18n-ignore:\s*\S/;

function isUserFacing(name: string): boolean {
  return USER_FACING.has(name) || USER_FACING_SUFFIX.test(name);
}

export type Node = { type: string; start: number; end: number; [key: string]: unknown };

export function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}

function keyName(key: unknown): string | null {
  if (!isNode(key)) return null;
  if (key.type === "Identifier" || key.type === "JSXIdentifier") return key.name as string;
  if (key.type === "Literal" && typeof key.value === "string") return key.value;
  if (key.type === "JSXNamespacedName") return null;
  return null;
}

function stringValue(node: unknown): string | null {
  if (!isNode(node)) return null;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral") {
    const quasis = node.quasis as { value: { cooked: string } }[];
    return quasis.map((q) => q.value.cooked).join(" ");
  }
  if (node.type === "JSXExpressionContainer") return stringValue(node.expression);
  return null;
}

export function literalTextIn(file: string, source = readFileSync(path.join(root, file), "utf8")): LiteralText[] {
  const { program } = parseSync(file, source);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") lineStarts.push(i + 1);
  const lines = source.split("\n");
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const found: LiteralText[] = [];
  const report = (node: Node, text: string) => {
    const trimmed = text.replace(/\s+/g, " ").trim();
    if (!WORDS.test(trimmed)) return;
    const line = lineOf(node.start);
    if (OPT_OUT.test(lines[line - 1] ?? "") || OPT_OUT.test(lines[line - 2] ?? "")) return;
    found.push({ file, line, text: trimmed.slice(0, 80) });
  };

  const visit = (node: Node) => {
    switch (node.type) {
      case "JSXText":
        report(node, node.value as string);
        break;
      case "JSXAttribute": {
        const name = keyName(node.name);
        const value = stringValue(node.value);
        if (name && value !== null && isUserFacing(name)) report(node, value);
        break;
      }
      case "Property": {
        const name = keyName(node.key);
        const value = stringValue(node.value);
        if (name && value !== null && isUserFacing(name)) report(node, value);
        break;
      }
      case "CallExpression": {
        const callee = node.callee as Node;
        const name = callee.type === "Identifier" ? (callee.name as string) : null;
        const first = (node.arguments as unknown[])[0];
        const value = stringValue(first);
        if ((name === "ok" || name === "refuse") && value !== null) report(node, value);
        break;
      }
    }
  };
  walk(program as unknown as Node, visit);
  return found;
}

/** Calls `visit` on `node` and every node below it, parents first. */
export function walk(node: Node, visit: (node: Node) => void) {
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) walk(child, visit);
    } else if (isNode(value)) walk(value, visit);
  }
}
