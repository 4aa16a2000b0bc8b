/**
 * Every chart on the site, built from the published data. Pages ask for a
 * chart by what it shows; the CSV endpoint lists them all from here, so each
 * chart's download exists exactly once and matches its table.
 */
import type { Sex } from "../../pipeline/schema";
import { NATIONAL_DATASET, RIKET, areaName, kommun, kommuner, lanAreaOf, lanList, printedTable, series, type AreaRef, type SeriesPoint } from "../data";
import { capitalize, joinSv, formatPeriod } from "../format";
import { KOMMUN_PAGE_MEASURES, POPULATION_16_64_SLUG, measure, type Measure } from "../measures";
import { COMPARE_DEFAULT, compareSpec, type CompareSeriesFile } from "./compare";
import type { ChartMeasure, ChartPoint, ChartSeries, ChartSpec, SeriesRole } from "./spec";

function chartMeasure(m: Measure): ChartMeasure {
  return { name: m.shortName, unit: m.unit, shortUnit: m.shortUnit, decimals: m.decimals };
}

const toPoints = (points: SeriesPoint[]): ChartPoint[] => points.map((p) => ({ year: p.year, value: p.value }));

function areaSeries(m: Measure, area: AreaRef, role: SeriesRole, name = areaName(area), sex: Sex = "T"): { series: ChartSeries; raw: SeriesPoint[] } {
  const raw = series(m.dataset, area, sex);
  return { series: { key: `${area.level}:${area.code}${sex === "T" ? "" : `:${sex}`}`, name, role, points: toPoints(raw) }, raw };
}

/** A sentence about values the source has but we do not use (status source_defect). */
function defectNote(parts: Array<{ series: ChartSeries; raw: SeriesPoint[] }>): string | undefined {
  const notes = parts.flatMap(({ series: s, raw }) => raw.filter((p) => p.status === "source_defect").map((p) => `${s.name} ${p.year}`));
  return notes.length ? `${capitalize(joinSv(notes))}: källans värde är en platshållare och visas inte.` : undefined;
}

/** Trim leading and trailing years where no series has a value (e.g. a KPI's kommun data start later). */
function trimEmptyYears(all: ChartSeries[]): ChartSeries[] {
  const has = (year: number) => all.some((s) => s.points.some((p) => p.year === year && p.value !== null));
  const years = all.flatMap((s) => s.points.map((p) => p.year)).filter(has);
  if (!years.length) return all;
  const [lo, hi] = [Math.min(...years), Math.max(...years)];
  return all.map((s) => ({ ...s, points: s.points.filter((p) => p.year >= lo && p.year <= hi) }));
}

/** A kommun against its län and riket; population 16–64 alone (counts of different size do not share an axis). */
export function kommunChart(kommunkod: string, slug: string): ChartSpec {
  const k = kommun(kommunkod);
  if (!k) throw new Error(`unknown kommun ${kommunkod}`);
  const m = measure(slug);
  const candidates = [areaSeries(m, { level: "kommun", code: kommunkod }, "focus")];
  if (slug !== POPULATION_16_64_SLUG) candidates.push(areaSeries(m, lanAreaOf(kommunkod), "compare"), areaSeries(m, RIKET, "reference"));
  // A comparison line the source never publishes (e.g. sjukpenningtal for län) is left out and said so.
  const parts = candidates.filter((p, i) => i === 0 || p.raw.some((x) => x.value !== null));
  const absent = candidates.filter((p) => !parts.includes(p)).map((p) => p.series.name);
  const all = trimEmptyYears(parts.map((p) => p.series));
  const years = all[0]!.points.map((p) => p.year);
  const span = `${Math.min(...years)}–${Math.max(...years)}`;
  const names = all.map((s) => (s.role === "reference" ? "riket" : s.name));
  const notes = [defectNote(parts), absent.length ? `Källan publicerar inga värden för ${joinSv(absent.map((n) => (n === "Riket" ? "riket" : n)))}.` : undefined].filter(Boolean);
  return {
    id: `kommun-${kommunkod}-${slug}`,
    title: `${m.shortName} i ${joinSv(names)}, ${span}`,
    measure: chartMeasure(m),
    series: all,
    datasets: [m.dataset],
    lead: `${capitalize(m.subject)} i ${k.name}`,
    yZero: true,
    note: notes.length ? notes.join(" ") : undefined,
  };
}

export function kommunCharts(kommunkod: string): ChartSpec[] {
  return KOMMUN_PAGE_MEASURES.map((slug) => kommunChart(kommunkod, slug));
}

/** Tabell 1 of the Riksdag's 2015 follow-up: förbund and member kommuner 2008–maj 2015. */
export function nationalCountsChart(): ChartSpec {
  const rows = printedTable("T01");
  const line = (measureId: string, key: string, name: string, role: SeriesRole): ChartSeries => ({
    key,
    name,
    role,
    points: rows
      .filter((r) => r.measure === measureId)
      .map((r) => {
        const month = r.period.length > 4 ? Number(r.period.slice(5, 7)) : 0;
        // A month sits inside its year on the x axis ("2015-05" ≈ 2015,33).
        return { year: Number(r.period.slice(0, 4)) + (month ? (month - 1) / 12 : 0), value: r.value, ...(month ? { period: r.period } : {}) };
      }),
  });
  return {
    id: "nationellt-forbund-och-kommuner",
    title: "Samordningsförbund och kommuner i samordningsförbund, 2008–maj 2015",
    measure: { name: "Antal", unit: "antal förbund respektive kommuner", shortUnit: "", decimals: 0 },
    series: [
      line("antal_samordningsforbund", "forbund", "Samordningsförbund", "focus"),
      line("antal_kommuner_i_forbund", "kommuner", "Kommuner i samordningsförbund", "compare"),
    ],
    datasets: [NATIONAL_DATASET],
    printedTables: ["T01"],
    lead: "Antalet samordningsförbund",
    yZero: true,
    note: `Uppgiften för ${formatPeriod("2015-05")} står i samma tabell; rapporten daterar samma siffror till april 2015 i en bilaga.`,
  };
}

/** A measure for riket: totalt, kvinnor and män. */
export function riketChart(slug: string): ChartSpec {
  const m = measure(slug);
  const parts = [
    areaSeries(m, RIKET, "focus", "Totalt", "T"),
    areaSeries(m, RIKET, "compare", "Kvinnor", "K"),
    areaSeries(m, RIKET, "reference", "Män", "M"),
  ];
  const all = trimEmptyYears(parts.map((p) => p.series));
  const years = all[0]!.points.map((p) => p.year);
  return {
    id: `riket-${slug}`,
    title: `${m.shortName} i riket, kvinnor och män, ${Math.min(...years)}–${Math.max(...years)}`,
    measure: chartMeasure(m),
    series: all,
    datasets: [m.dataset],
    lead: `${capitalize(m.subject)} i riket`,
    yZero: true,
    note: defectNote(parts),
  };
}

/** The compare page's series file for one measure: riket, every län, every kommun. */
export function compareSeriesFile(slug: string): CompareSeriesFile {
  const m = measure(slug);
  const areas: CompareSeriesFile["areas"] = {};
  const add = (a: AreaRef) => (areas[a.code] = { name: areaName(a), values: series(m.dataset, a).map((p) => [p.year, p.value]) });
  add(RIKET);
  for (const l of lanList()) add({ level: "lan", code: l.lanskod });
  for (const k of kommuner()) add({ level: "kommun", code: k.kommunkod });
  return {
    indicator: { slug: m.slug, name: m.shortName, unit: m.unit, shortUnit: m.shortUnit, decimals: m.decimals, subject: m.subject, dataset: m.dataset },
    areas,
  };
}

/** The compare page without JavaScript: the default view, rendered at build time from the same file the browser reads. */
export function compareDefaultChart(): ChartSpec {
  return compareSpec(compareSeriesFile(COMPARE_DEFAULT.indicator), COMPARE_DEFAULT.areas, "jamfor-standard");
}

/** Every chart with a CSV download. */
export function allCharts(): ChartSpec[] {
  return [
    nationalCountsChart(),
    riketChart("ohalsotal"),
    compareDefaultChart(),
    ...kommuner().flatMap((k) => kommunCharts(k.kommunkod)),
  ];
}
