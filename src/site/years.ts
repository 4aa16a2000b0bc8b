/** What a year page shows: the national printed figures and riket's indicator values that year. */
import { RIKET, valueAt } from "./data";
import { KOMMUN_PAGE_MEASURES, measure, type Measure } from "./measures";
import { nationalTablesForYear, pageYears, type NationalTable } from "./national";

export interface YearPage {
  year: number;
  previous: number | null;
  next: number | null;
  national: NationalTable[];
  riket: Array<{ measure: Measure; value: number | null }>;
}

export function yearPage(year: number): YearPage {
  const years = pageYears();
  const i = years.indexOf(year);
  if (i < 0) throw new Error(`no year page for ${year}`);
  return {
    year,
    previous: years[i - 1] ?? null,
    next: years[i + 1] ?? null,
    national: nationalTablesForYear(year),
    riket: KOMMUN_PAGE_MEASURES.map((slug) => {
      const m = measure(slug);
      return { measure: m, value: valueAt(m.dataset, RIKET, year)?.value ?? null };
    }),
  };
}
