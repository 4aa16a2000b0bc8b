/** The search index and the matching rule, shared by the build and the /sok/ page's script. */

export interface SearchEntry {
  /** Name as shown. */
  name: string;
  /** What kind of page: "kommun" or "förbund". */
  type: string;
  /** Context shown after the name, e.g. the län. */
  context: string;
  url: string;
}

/** Case- and accent-insensitive, so "goteborg" finds Göteborg. */
export function normalize(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}

/**
 * Names that start with the query first, then names that contain it.
 * A query typed with å, ä or ö is matched as typed ("gö" does not find Gotland);
 * one without them ignores accents ("goteborg" finds Göteborg).
 */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 20): SearchEntry[] {
  const typed = query.toLowerCase().trim();
  const exact = typed !== normalize(typed);
  const normalizeName = exact ? (s: string) => s.toLowerCase() : normalize;
  const q = exact ? typed : normalize(typed);
  if (!q) return [];
  const starts: SearchEntry[] = [];
  const contains: SearchEntry[] = [];
  for (const e of entries) {
    const n = normalizeName(e.name);
    if (n.startsWith(q)) starts.push(e);
    else if (n.includes(q) || normalizeName(e.context).startsWith(q)) contains.push(e);
  }
  return [...starts, ...contains].slice(0, limit);
}
