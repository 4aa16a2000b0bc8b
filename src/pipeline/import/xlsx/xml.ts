/**
 * Just enough XML for the parts of an xlsx file this project reads (workbook,
 * relationships, shared strings, worksheets): start and end tags with their
 * attributes, and text with the five named entities and numeric character
 * references decoded. Namespace prefixes are dropped from element names
 * (some writers use <x:c>). A construct it does not know (a DOCTYPE, an
 * unknown entity, an unclosed tag) throws, and the caller names the file.
 */

export type XmlEvent =
  | { kind: "open"; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: "close"; name: string }
  | { kind: "text"; text: string };

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|&/g, (all, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`a bare "&" in XML text near ${JSON.stringify(s.slice(0, 40))}`);
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const named = ENTITIES[ref];
    if (named === undefined) throw new Error(`unknown XML entity ${all}`);
    return named;
  });
}

const localName = (qname: string) => qname.slice(qname.indexOf(":") + 1);
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The document's tags and text in order. Attribute keys keep their prefix (r:id), element names do not. */
export function* xmlEvents(xml: string): Generator<XmlEvent> {
  let at = 0;
  while (at < xml.length) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) {
      if (xml.slice(at).trim()) yield { kind: "text", text: decodeXmlText(xml.slice(at)) };
      return;
    }
    if (lt > at) yield { kind: "text", text: decodeXmlText(xml.slice(at, lt)) };
    if (xml.startsWith("<?", lt)) at = endOf(xml, "?>", lt);
    else if (xml.startsWith("<!--", lt)) at = endOf(xml, "-->", lt);
    else if (xml.startsWith("<![CDATA[", lt)) {
      const end = endOf(xml, "]]>", lt);
      yield { kind: "text", text: xml.slice(lt + 9, end - 3) };
      at = end;
    } else if (xml.startsWith("<!", lt)) throw new Error(`unsupported XML declaration at offset ${lt}: ${xml.slice(lt, lt + 30)}`);
    else {
      const gt = endOf(xml, ">", lt);
      const body = xml.slice(lt + 1, gt - 1);
      if (body.startsWith("/")) yield { kind: "close", name: localName(body.slice(1).trim()) };
      else {
        const selfClosing = body.endsWith("/");
        const inner = selfClosing ? body.slice(0, -1) : body;
        const nameEnd = inner.search(/[\s]|$/);
        const attrs: Record<string, string> = {};
        for (const m of inner.slice(nameEnd).matchAll(ATTR)) attrs[m[1]!] = decodeXmlText(m[2] ?? m[3] ?? "");
        yield { kind: "open", name: localName(inner.slice(0, nameEnd)), attrs, selfClosing };
      }
      at = gt;
    }
  }
}

function endOf(xml: string, close: string, from: number): number {
  const i = xml.indexOf(close, from);
  if (i < 0) throw new Error(`unclosed XML construct at offset ${from}: ${xml.slice(from, from + 30)}`);
  return i + close.length;
}

/** An attribute by its local name (r:id and id are both "id"); `prefixed` requires a prefix, so sheetId never matches "Id". */
export function attrByLocalName(attrs: Record<string, string>, name: string, prefixed = false): string | undefined {
  for (const [key, value] of Object.entries(attrs)) {
    const colon = key.indexOf(":");
    if ((prefixed ? colon >= 0 : true) && key.slice(colon + 1) === name) return value;
  }
  return undefined;
}
