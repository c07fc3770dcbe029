import { XMLParser, XMLValidator } from "fast-xml-parser";

// E-invoices are read by local element names: the same CII or UBL element
// comes as `ram:Name`, `cbc:Name` or plain `Name` depending on the producer
// (prefixes are the author's choice, only the namespace URI is fixed), so the
// prefixes are dropped and paths name elements only.

export interface XmlNode {
  /** Local name, without the namespace prefix. */
  name: string;
  attributes: Record<string, string>;
  /** The element's own text (its text children joined), untrimmed. */
  text: string;
  children: XmlNode[];
}

export class XmlError extends Error {}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  // Values stay text: "9.9000" must not become the float 9.9.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // The five XML entities and numeric references (&#252;); fast-xml-parser
  // only decodes the latter with htmlEntities on.
  processEntities: true,
  htmlEntities: true,
});

type Parsed = Record<string, unknown>[];

/**
 * Parses an XML document into a tree of local names. A document type
 * declaration is refused: no e-invoice has one, and it is where entity
 * expansion attacks live.
 */
export function parseXml(text: string): XmlNode {
  if (/<!DOCTYPE/i.test(text)) throw new XmlError("doctype");
  const wellFormed = text.replace(/^\uFEFF/, "");
  // The parser is lenient (an unclosed element is closed for it); an e-invoice must be well-formed.
  const valid = XMLValidator.validate(wellFormed);
  if (valid !== true) throw new XmlError(`${valid.err.msg} (line ${valid.err.line})`);
  let parsed: Parsed;
  try {
    parsed = parser.parse(wellFormed) as Parsed;
  } catch (error) {
    throw new XmlError((error as Error).message);
  }
  const root = toNodes(parsed).find((node) => !node.name.startsWith("?"));
  if (!root) throw new XmlError("no root element");
  return root;
}

function toNodes(items: Parsed): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((key) => key !== ":@");
    if (!name || name === "#text" || name === "#comment") continue;
    const content = (item[name] ?? []) as Parsed;
    const attributes = (item[":@"] ?? {}) as Record<string, string>;
    const text = content.map((child) => (typeof child["#text"] === "string" ? child["#text"] : "")).join("");
    nodes.push({ name, attributes, text, children: toNodes(content) });
  }
  return nodes;
}

/** Children with one of these local names ("A|B" accepts either). */
export function childrenOf(node: XmlNode | undefined, name: string): XmlNode[] {
  if (!node) return [];
  const names = name.split("|");
  return node.children.filter((child) => names.includes(child.name));
}

/** The first node at a path of local names, e.g. "ApplicableHeaderTradeAgreement/SellerTradeParty/Name". */
export function at(node: XmlNode | undefined, path: string): XmlNode | undefined {
  return all(node, path)[0];
}

/** Every node at a path (each step may match several children). */
export function all(node: XmlNode | undefined, path: string): XmlNode[] {
  let current = node ? [node] : [];
  for (const step of path.split("/")) current = current.flatMap((n) => childrenOf(n, step));
  return current;
}

/** Trimmed text at a path, or null when the element is missing or empty. */
export function textAt(node: XmlNode | undefined, path: string): string | null {
  const found = path === "" ? node : at(node, path);
  const text = found?.text.trim();
  return text ? text : null;
}
