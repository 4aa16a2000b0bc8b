/** Build-time side of search: the entries, from the published data. */
import { foerbundNameRows, foerbundRows, kommuner, lan, type ForbundNamnRow, type ForbundRow } from "./data";
import type { SearchEntry } from "./search";

/**
 * One entry per förbund under its current name, with every other name it has
 * had (forbund-namn) as an alias, so an old name finds the förbund under the
 * name it has now. The context is the län. Pure: rows come in as arguments.
 */
export function foerbundSearchEntries(foerbund: readonly ForbundRow[], names: readonly ForbundNamnRow[], lanName: (code: string) => string): SearchEntry[] {
  const aliases = new Map<string, string[]>();
  for (const n of names) {
    const list = aliases.get(n.foerbund_id) ?? [];
    if (!list.includes(n.name)) list.push(n.name);
    aliases.set(n.foerbund_id, list);
  }
  return foerbund.map((f) => {
    const former = (aliases.get(f.id) ?? []).filter((n) => n !== f.foerbund_name);
    const context = f.lan_codes ? f.lan_codes.split(";").map(lanName).join(", ") : "";
    return { name: f.foerbund_name, type: "förbund", context, url: `/forbund/${f.id}/`, ...(former.length ? { aliases: former } : {}) };
  });
}

export function searchIndex(): SearchEntry[] {
  return [
    ...kommuner().map((k) => ({ name: k.name, type: "kommun", context: k.lan_name, url: `/kommun/${k.kommunkod}/`, code: k.kommunkod })),
    ...foerbundSearchEntries(foerbundRows(), foerbundNameRows(), (c) => lan(c)?.name ?? c),
  ];
}
