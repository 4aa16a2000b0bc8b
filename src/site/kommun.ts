/** What a kommun page shows, assembled from the data: thin pages, no wrangling in .astro. */
import { RIKET, kommun, kommunArea, lanAreaOf, valueAt, latest } from "./data";
import { KOMMUN_PAGE_MEASURES, POPULATION_16_64_SLUG, measure, type Measure } from "./measures";

export interface KeyFigure {
  measure: Measure;
  /** The kommun's latest year with a value; null when it has none. */
  year: number | null;
  kommun: number | null;
  /** Län and riket the same year (null for population, where a comparison says nothing). */
  lan: number | null;
  riket: number | null;
  comparable: boolean;
}

export function kommunKeyFigures(kommunkod: string): KeyFigure[] {
  if (!kommun(kommunkod)) throw new Error(`unknown kommun ${kommunkod}`);
  return KOMMUN_PAGE_MEASURES.map((slug) => {
    const m = measure(slug);
    const last = latest(m.dataset, kommunArea(kommunkod));
    const comparable = slug !== POPULATION_16_64_SLUG;
    const at = (area: typeof RIKET) => (last && comparable ? (valueAt(m.dataset, area, last.year)?.value ?? null) : null);
    return { measure: m, year: last?.year ?? null, kommun: last?.value ?? null, lan: at(lanAreaOf(kommunkod)), riket: at(RIKET), comparable };
  });
}
