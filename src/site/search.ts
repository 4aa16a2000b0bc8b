/** The search index and the matching rule, shared by the build and the /sok/ page's script. */

export interface SearchEntry {
  /** Name as shown: a förbund's current name. */
  name: string;
  /** What kind of page: "kommun" or "förbund". */
  type: string;
  /** Context shown after the name, e.g. the län. */
  context: string;
  url: string;
  /** A kommun's code (4 digits): "1480" finds Göteborg. */
  code?: string;
  /** Other names that find this entry: a förbund's former names. */
  aliases?: string[];
}

/** A result: the entry, and the former name it was found by when it was not its current name. */
export type SearchHit = SearchEntry & { foundBy?: string };

/** Case- and accent-insensitive, so "goteborg" finds Göteborg. */
export function normalize(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
}

/**
 * Best matches first: the exact name (so "Gotland" is Gotland before
 * Östergötland), then names or kommun codes that start with the query, names
 * with a word that starts with it, former names, names that contain it, and
 * last a län that starts with it. Each entry once, in index order within a
 * rank. A query typed with å, ä or ö is matched as typed ("gö" does not find
 * Gotland); one without them ignores accents ("goteborg" finds Göteborg).
 */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 20): SearchHit[] {
  const typed = query.toLowerCase().trim();
  const exact = typed !== normalize(typed);
  const norm = exact ? (s: string) => s.toLowerCase() : normalize;
  const q = exact ? typed : normalize(typed);
  if (!q) return [];
  const wordStart = (n: string) => n.split(/[\s/–-]+/).some((w) => w.startsWith(q));
  const rank = (e: SearchEntry): { rank: number; foundBy?: string } | null => {
    const n = norm(e.name);
    if (n === q || e.code === q) return { rank: 0 };
    if (n.startsWith(q) || (e.code !== undefined && /^\d+$/.test(q) && e.code.startsWith(q))) return { rank: 1 };
    if (wordStart(n)) return { rank: 2 };
    const alias = (e.aliases ?? []).find((a) => wordStart(norm(a)));
    if (alias) return { rank: 3, foundBy: alias };
    if (n.includes(q)) return { rank: 4 };
    const inAlias = (e.aliases ?? []).find((a) => norm(a).includes(q));
    if (inAlias) return { rank: 4, foundBy: inAlias };
    if (norm(e.context).startsWith(q)) return { rank: 5 };
    return null;
  };
  const hits: Array<{ hit: SearchHit; rank: number; i: number }> = [];
  entries.forEach((e, i) => {
    const r = rank(e);
    if (r) hits.push({ hit: r.foundBy ? { ...e, foundBy: r.foundBy } : e, rank: r.rank, i });
  });
  return hits
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .slice(0, limit)
    .map((h) => h.hit);
}
