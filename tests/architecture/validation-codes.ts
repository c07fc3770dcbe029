// Finds the messages a zod schema gives its issues (`.min(1, "…")`,
// `{ message: "…" }`, `idField("…")`) and checks each is a code of the
// validation catalogue (messages/en/validation.json) rather than a sentence:
// the UI words the codes in the reader's language (lib/i18n/issues.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseSync } from "oxc-parser";
import { isNode, walk, type Node } from "./literal-text";
import { root } from "./module-graph";

export interface SchemaMessage {
  file: string;
  line: number;
  /** The literal; a template's expressions as `${…}`. */
  text: string;
  /** A regular expression the code must match (a template's expressions stand for any key part). */
  pattern: RegExp;
}

/** zod methods and factories whose string arguments are messages. */
const MESSAGE_TAKERS = new Set([
  "min", "max", "length", "nonempty", "gt", "gte", "lt", "lte", "positive", "nonnegative", "multipleOf",
  "regex", "refine", "int", "email", "url", "uuid", "file", "enum", "union", "number", "string", "boolean", "array", "object",
  // Our own field helpers, whose argument is the message of their refusal.
  "idField", "formFile",
]);
const MESSAGE_PROPERTIES = new Set(["message", "error"]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function messageOf(node: unknown): { text: string; pattern: RegExp } | null {
  if (!isNode(node)) return null;
  if (node.type === "Literal" && typeof node.value === "string") return { text: node.value, pattern: new RegExp(`^${escape(node.value)}$`) };
  if (node.type === "TemplateLiteral") {
    const quasis = (node.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked);
    return { text: quasis.join("${…}"), pattern: new RegExp(`^${quasis.map(escape).join("[A-Za-z0-9-]+")}$`) };
  }
  return null;
}

function calleeName(callee: Node): string | null {
  if (callee.type === "Identifier") return callee.name as string;
  if (callee.type === "MemberExpression" || callee.type === "StaticMemberExpression") {
    const property = callee.property as Node;
    return property.type === "Identifier" ? (property.name as string) : null;
  }
  return null;
}

export function schemaMessagesIn(file: string, source = readFileSync(path.join(root, file), "utf8")): SchemaMessage[] {
  const { program } = parseSync(file, source);
  const lineOf = (offset: number) => source.slice(0, offset).split("\n").length;
  const found: SchemaMessage[] = [];
  const report = (node: unknown) => {
    const message = messageOf(node);
    if (message && isNode(node)) found.push({ file, line: lineOf(node.start), ...message });
  };
  const visit = (node: Node) => {
    if (node.type === "CallExpression" && MESSAGE_TAKERS.has(calleeName(node.callee as Node) ?? "")) {
      for (const argument of node.arguments as unknown[]) report(argument);
    }
    if ((node.type === "Property" || node.type === "ObjectProperty") && isNode(node.key) && node.key.type === "Identifier" && MESSAGE_PROPERTIES.has(node.key.name as string)) {
      report(node.value);
    }
  };
  walk(program as unknown as Node, visit);
  return found;
}
