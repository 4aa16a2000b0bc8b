/** Build-time side of search: the entries, from the published data. */
import { kommuner } from "./data";
import type { SearchEntry } from "./search";

export function searchIndex(): SearchEntry[] {
  return kommuner().map((k) => ({ name: k.name, type: "kommun", context: k.lan_name, url: `/kommun/${k.kommunkod}/` }));
}
