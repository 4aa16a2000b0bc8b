/** Build-time side of search: the entries, from the published data. */
import { foerbundNameRows, foerbundRows, kommuner, lan, type ForbundNamnRow, type ForbundRow } from "./data";
import type { SearchEntry } from "./search";

/**
 * One entry per name a förbund has had (forbund-namn), so an old name finds
 * the förbund too; the context names the current name when it differs,
 * otherwise the län. Pure: rows come in as arguments.
 */
export function foerbundSearchEntries(foerbund: readonly ForbundRow[], names: readonly ForbundNamnRow[], lanName: (code: string) => string): SearchEntry[] {
  const byId = new Map(foerbund.map((f) => [f.id, f]));
  const seen = new Set<string>();
  const out: SearchEntry[] = [];
  const add = (id: string, name: string) => {
    const f = byId.get(id);
    if (!f || seen.has(`${id}|${name}`)) return;
    seen.add(`${id}|${name}`);
    const lanNames = f.lan_codes ? f.lan_codes.split(";").map(lanName).join(", ") : "";
    const context = name === f.foerbund_name ? lanNames : `tidigare namn, nu ${f.foerbund_name}`;
    out.push({ name, type: "förbund", context, url: `/forbund/${id}/` });
  };
  for (const f of foerbund) add(f.id, f.foerbund_name);
  for (const n of names) add(n.foerbund_id, n.name);
  return out;
}

export function searchIndex(): SearchEntry[] {
  return [
    ...kommuner().map((k) => ({ name: k.name, type: "kommun", context: k.lan_name, url: `/kommun/${k.kommunkod}/` })),
    ...foerbundSearchEntries(foerbundRows(), foerbundNameRows(), (c) => lan(c)?.name ?? c),
  ];
}
