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
  if (!s.includes("&")) return s; // the common case, and a sheet has millions of texts
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
/** One start or end tag at a position (sticky): a sheet is millions of tags, so one regex match each. */
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;

/** The document's tags and text in order. Attribute keys keep their prefix (r:id), element names do not. */
export function* xmlEvents(xml: string): Generator<XmlEvent> {
  let at = 0;
  while (at < xml.length) {
    if (xml.charCodeAt(at) !== 60 /* < */) {
      const lt = xml.indexOf("<", at);
      const end = lt < 0 ? xml.length : lt;
      yield { kind: "text", text: decodeXmlText(xml.slice(at, end)) };
      at = end;
      continue;
    }
    const next = xml.charCodeAt(at + 1);
    if (next === 63 /* ? */) at = endOf(xml, "?>", at);
    else if (next === 33 /* ! */) {
      if (xml.startsWith("<!--", at)) at = endOf(xml, "-->", at);
      else if (xml.startsWith("<![CDATA[", at)) {
        const end = endOf(xml, "]]>", at);
        yield { kind: "text", text: xml.slice(at + 9, end - 3) };
        at = end;
      } else throw new Error(`unsupported XML declaration at offset ${at}: ${xml.slice(at, at + 30)}`);
    } else {
      TAG.lastIndex = at;
      const m = TAG.exec(xml);
      if (!m) throw new Error(`not a well-formed tag at offset ${at}: ${xml.slice(at, at + 40)}`);
      const name = localName(m[2]!);
      if (m[1]) yield { kind: "close", name };
      else {
        const attrs: Record<string, string> = {};
        if (m[3]) for (const a of m[3].matchAll(ATTR)) attrs[a[1]!] = decodeXmlText(a[2] ?? a[3] ?? "");
        yield { kind: "open", name, attrs, selfClosing: m[4] === "/" };
      }
      at = TAG.lastIndex;
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
