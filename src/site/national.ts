/**
 * National figures from the Riksdag's 2015 follow-up of Finsam, by year, for
 * the year pages. Labels are the site's plain-language names for the
 * measures; values, units and sources come from the published dataset.
 */
import { NATIONAL_DATASET, periodYear, printedTable, registryYears, yearSpan, type PrintedTableRow } from "./data";
import { printedTableSource, type SourceNote } from "./sources";

/** The tables a year page shows, in this order, with a plain heading for each. */
export const YEAR_PAGE_TABLES: ReadonlyArray<{ table: string; heading: string }> = [
  { table: "T01", heading: "Samordningsförbund och kommuner" },
  { table: "T03", heading: "Deltagare i insatser" },
  { table: "T09", heading: "Deltagare som avslutat en insats" },
  { table: "T11", heading: "Arbete eller studier efter avslutad insats" },
  { table: "T17", heading: "Statliga medel till Finsam" },
];

const MEASURE_LABELS: Record<string, string> = {
  antal_samordningsforbund: "Samordningsförbund",
  antal_kommuner_i_forbund: "Kommuner i samordningsförbund",
  registrerade_med_personuppgift: "Deltagare i individinriktade insatser, registrerade med personuppgift",
  avslutade: "Deltagare som avslutat insatsen under året",
  avslutade_andel_av_registrerade: "Andel som avslutat, av de registrerade",
  tilldelade_medel: "Tilldelade statliga medel",
  utfall: "Använda statliga medel (utfall)",
};

/** Short units after a number; the dataset's units are codes. */
export const UNIT_LABELS: Record<string, string> = {
  count: "",
  persons: "personer",
  percent: "%",
  MSEK: "mnkr",
  TSEK: "tkr",
};

export interface NationalFigure {
  label: string;
  period: string;
  value: number | null;
  decimals: number;
  unit: string;
}

export interface NationalTable {
  table: string;
  heading: string;
  title: string;
  figures: NationalFigure[];
  source: SourceNote | null;
}

function label(r: PrintedTableRow): string {
  const base = MEASURE_LABELS[r.measure] ?? r.measure;
  if (r.breakdown === "%") return `${base}, andel`;
  if (r.breakdown === "Antal") return `${base}, antal`;
  return r.breakdown ? `${base}, ${r.breakdown}` : base;
}

export function nationalTablesForYear(year: number): NationalTable[] {
  return YEAR_PAGE_TABLES.map(({ table, heading }) => {
    const rows = printedTable(table).filter((r) => periodYear(r) === year);
    return {
      table,
      heading,
      title: rows[0]?.table_title ?? "",
      figures: rows.map((r) => ({
        label: label(r),
        period: r.period,
        value: r.value,
        decimals: r.value !== null && !Number.isInteger(r.value) ? 1 : 0,
        unit: UNIT_LABELS[r.unit] ?? r.unit,
      })),
      source: printedTableSource(NATIONAL_DATASET, table),
    };
  });
}

/** Years with at least one national figure. */
export function yearsWithNationalFigures(): number[] {
  const years = new Set<number>();
  for (const { table } of YEAR_PAGE_TABLES) for (const r of printedTable(table)) if (periodYear(r) !== null) years.add(periodYear(r)!);
  return [...years].sort((a, b) => a - b);
}

/** The year pages start 2004, the first year förbund could exist under the Finsam law (2003:1210). */
export const FIRST_PAGE_YEAR = 2004;

/** The last year with Kolada values (the archive ends 2022). */
export function lastValueYear(): number {
  return yearSpan("ohalsotal").last;
}

/** 2004 to the registry's last year (2024); Kolada values end earlier (lastValueYear). */
export function pageYears(): number[] {
  const last = Math.max(lastValueYear(), registryYears().last);
  return Array.from({ length: last - FIRST_PAGE_YEAR + 1 }, (_, i) => FIRST_PAGE_YEAR + i);
}
