/**
 * A small, strict XML 1.0 well-formedness checker and parser for tests (Node has no DOMParser).
 * It supports what feeds use: an XML declaration, elements, attributes, character data, the five
 * predefined entities and numeric character references. No DTDs, CDATA, comments or PIs beyond
 * the declaration — a feed we generate has none, so meeting one is an error too.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {}

const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** True when `code` is a Char in the XML 1.0 production. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Throws unless every character of `text` is allowed by XML 1.0 (lone surrogates included). */
export function assertXmlChars(text: string): void {
  let offset = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (!isXmlChar(code))
      throw new XmlError(`Character U+${code.toString(16).toUpperCase().padStart(4, "0")} not allowed in XML at ${offset}`);
    offset += ch.length;
  }
}

/** Decodes entity and character references; throws on a bare `&` or an unknown entity. */
export function decodeReferences(raw: string, where: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (match, body: string, at: number) => {
    if (!match.endsWith(";")) throw new XmlError(`Bare "&" at ${where + at}`);
    if (body in ENTITIES) return ENTITIES[body] as string;
    const num = /^#x([0-9a-fA-F]+)$/.exec(body) ?? /^#([0-9]+)$/.exec(body);
    if (num) {
      const code = parseInt(num[1] as string, body.startsWith("#x") ? 16 : 10);
      if (!isXmlChar(code)) throw new XmlError(`Reference to a forbidden character ${match} at ${where + at}`);
      return String.fromCodePoint(code);
    }
    throw new XmlError(`Unknown entity ${match} at ${where + at}`);
  });
}

/** Parses a document; throws XmlError when it is not well-formed. */
export function parseXml(xml: string): XmlElement {
  assertXmlChars(xml);
  let i = 0;
  const fail = (msg: string): never => {
    throw new XmlError(`${msg} at ${i}: ${JSON.stringify(xml.slice(i, i + 40))}`);
  };
  const skipSpace = () => {
    while (i < xml.length && /[ \t\r\n]/.test(xml[i] as string)) i++;
  };

  if (xml.startsWith("<?xml")) {
    const end = xml.indexOf("?>");
    if (end === -1) fail("Unterminated XML declaration");
    const decl = xml.slice(0, end + 2);
    if (
      !/^<\?xml\s+version=(["'])1\.[0-9]+\1(\s+encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone=(["'])(yes|no)\5)?\s*\?>$/.test(
        decl,
      )
    ) {
      fail("Malformed XML declaration");
    }
    i = end + 2;
  }
  skipSpace();

  const readName = (): string => {
    const m = NAME.exec(xml.slice(i));
    if (!m) return fail("Expected a name");
    i += m[0].length;
    return m[0];
  };

  const readElement = (): XmlElement => {
    if (xml[i] !== "<") fail("Expected '<'");
    i++;
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      skipSpace();
      if (xml.startsWith("/>", i)) {
        i += 2;
        return { name, attrs, children: [] };
      }
      if (xml[i] === ">") {
        i++;
        break;
      }
      if (i === before) fail("Expected whitespace before an attribute");
      const attr = readName();
      skipSpace();
      if (xml[i] !== "=") fail("Expected '='");
      i++;
      skipSpace();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") return fail("Expected a quoted attribute value");
      const end = xml.indexOf(quote, i + 1);
      if (end === -1) fail("Unterminated attribute value");
      const raw = xml.slice(i + 1, end);
      if (raw.includes("<")) fail("'<' in an attribute value");
      if (attr in attrs) fail(`Duplicate attribute ${attr}`);
      attrs[attr] = decodeReferences(raw, i + 1);
      i = end + 1;
    }
    const children: XmlNode[] = [];
    for (;;) {
      if (i >= xml.length) fail(`Unclosed element <${name}>`);
      if (xml.startsWith("</", i)) {
        i += 2;
        const closing = readName();
        if (closing !== name) fail(`Mismatched </${closing}> for <${name}>`);
        skipSpace();
        if (xml[i] !== ">") fail("Expected '>'");
        i++;
        return { name, attrs, children };
      }
      if (xml.startsWith("<!", i) || xml.startsWith("<?", i)) fail("Unsupported markup");
      if (xml[i] === "<") {
        children.push(readElement());
        continue;
      }
      const next = xml.indexOf("<", i);
      const end = next === -1 ? xml.length : next;
      const raw = xml.slice(i, end);
      if (raw.includes("]]>")) fail("']]>' in character data");
      children.push(decodeReferences(raw, i));
      i = end;
    }
  };

  const root = readElement();
  skipSpace();
  if (i !== xml.length) fail("Content after the root element");
  return root;
}

/** Child elements named `name`. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === name);
}

/** The single child element named `name`; throws when there is not exactly one. */
export function child(el: XmlElement, name: string): XmlElement {
  const found = childrenNamed(el, name);
  if (found.length !== 1) throw new XmlError(`Expected one <${name}> in <${el.name}>, found ${found.length}`);
  return found[0] as XmlElement;
}

/** The text content of an element (its own and its descendants'). */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}
