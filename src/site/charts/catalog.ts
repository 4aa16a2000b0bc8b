/**
 * Every chart on the site, built from the published data. Pages ask for a
 * chart by what it shows; the CSV endpoint lists them all from here, so each
 * chart's download exists exactly once and matches its table.
 */
import { DERIVED_LABEL, derivedSentence, firstDerived, labelDerived } from "../derived";
import type { Sex } from "../../pipeline/schema";
import {
  RIKET,
  areaName,
  foerbundRows,
  groupSeries,
  groupValueRows,
  kommun,
  kommuner,
  lanAreaOf,
  lanList,
  series,
  type AreaRef,
  type SeriesPoint,
} from "../data";
import { foerbund, foerbundHref, foerbundList, foerbundValuesByKpi } from "../foerbund/model";
import { foerbundCharts } from "../foerbund/charts";
import { capitalize, formatDate, formatShare, joinSv, yearRanges } from "../format";
import { foerbundAreaLine, kommunMemberYears } from "../kommun";
import { KOMMUN_PAGE_MEASURES, POPULATION_16_64_SLUG, measure, type Measure } from "../measures";
import { COMPARE_DEFAULT, compareSpec, type CompareSeriesFile } from "./compare";
import { groupingSkew, LATER_DATE, type GroupingSkew } from "../analysis/fixed-grouping";
import type { ChartMeasure, ChartPoint, ChartSeries, ChartSpec, SeriesRole } from "./spec";
import { participantPage } from "../participants/page";

function chartMeasure(m: Measure): ChartMeasure {
  return { name: m.shortName, unit: m.unit, shortUnit: m.shortUnit, decimals: m.decimals };
}

const toPoints = (points: SeriesPoint[]): ChartPoint[] => points.map((p) => ({ year: p.year, value: p.value }));

function areaSeries(m: Measure, area: AreaRef, role: SeriesRole, name = areaName(area), sex: Sex = "T"): { series: ChartSeries; raw: SeriesPoint[] } {
  const raw = series(m.dataset, area, sex);
  return { series: { key: `${area.level}:${area.code}${sex === "T" ? "" : `:${sex}`}`, name: labelDerived(name, firstDerived(raw) !== undefined), role, points: toPoints(raw) }, raw };
}

/** The method of values we computed (status derived), for the chart's notes. */
function derivedNote(parts: Array<{ series: ChartSeries; raw: SeriesPoint[] }>): string | undefined {
  const notes = parts.flatMap(({ series: s, raw }) => {
    const d = firstDerived(raw);
    return d ? [derivedSentence(s.name.replace(` (${DERIVED_LABEL})`, ""), d.note)] : [];
  });
  return notes.length ? notes.join(" ") : undefined;
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
  const area = AREA_LINE_MEASURES.includes(slug) ? kommunAreaSeries(kommunkod, m, parts[0]!.series.points.map((p) => p.year)) : null;
  const all = trimEmptyYears([...parts.map((p) => p.series), ...(area ? [area.series] : [])]);
  const years = all[0]!.points.map((p) => p.year);
  const span = `${Math.min(...years)}–${Math.max(...years)}`;
  const names = all.map((s) => (s.role === "reference" ? "riket" : s.role === "area" ? "kommunens förbundsområde" : s.name.replace(` (${DERIVED_LABEL})`, "")));
  const notes = [defectNote(parts), derivedNote(parts), absent.length ? `Källan publicerar inga värden för ${joinSv(absent.map((n) => (n === "Riket" ? "riket" : n)))}.` : undefined, area?.note].filter(Boolean);
  return {
    id: `kommun-${kommunkod}-${slug}`,
    title: `${m.shortName} i ${joinSv(names)}, ${span}`,
    measure: chartMeasure(m),
    series: all,
    datasets: area ? [m.dataset, "forbund-indikatorer"] : [m.dataset],
    lead: `${capitalize(m.subject)} i ${k.name}`,
    yZero: true,
    note: notes.length ? notes.join(" ") : undefined,
  };
}

/** Measures whose kommun chart also shows the kommun's förbund area. */
const AREA_LINE_MEASURES: readonly string[] = ["ohalsotal"];

/** The förbund area around a kommun as a chart line, or null when the kommun has no area with a value (alone in its förbund, or no förbund). */
function kommunAreaSeries(kommunkod: string, m: Measure, years: number[]): { series: ChartSeries; note: string } | null {
  const values = foerbundValuesByKpi(m.kpi!);
  const line = foerbundAreaLine(years, kommunMemberYears(kommunkod), (id, year) => values.get(id)?.get(year));
  if (!line.points.some((p) => p.value !== null)) return null;
  const which = joinSv(line.foerbund.map((f) => `${foerbund(f.id).name} ${yearRanges(f.years)}`));
  const sentences = [
    `Förbundsområdet är alla medlemskommuner i det förbund kommunen var med i den 31 december, sammanvägt med befolkningen (${which}).`,
    line.possibleYears.length ? `${capitalize(yearRanges(line.possibleYears))} är medlemskapet bara möjligt enligt förbundsregistret.` : "",
    line.ownAreaYears.length ? `${capitalize(yearRanges(line.ownAreaYears))} var kommunen ensam i sitt förbund, och förbundets värde är kommunens.` : "",
    line.ambiguousYears.length ? `${capitalize(yearRanges(line.ambiguousYears))} tillåter registret mer än ett förbund, så inget förbundsvärde visas.` : "",
  ];
  return { series: { key: `forbundsomrade:${kommunkod}`, name: "Kommunens förbundsområde", role: "area", points: line.points }, note: sentences.filter(Boolean).join(" ") };
}

export function kommunCharts(kommunkod: string): ChartSpec[] {
  return KOMMUN_PAGE_MEASURES.map((slug) => kommunChart(kommunkod, slug));
}

/**
 * A measure in two fixed groups of kommuner, members and non-members of a
 * förbund in April 2015 (the only complete list), beside riket. The groups
 * never change, so the lines show how the groups moved, not an effect.
 */
export function withWithoutChart(slug: string): ChartSpec {
  const m = measure(slug);
  const riket = series(m.dataset, RIKET);
  const med = groupSeries("med-forbund-2015", m.kpi!);
  const utan = groupSeries("utan-forbund-2015", m.kpi!);
  const years = [...new Set([...riket, ...med, ...utan].map((p) => p.year))].sort((a, b) => a - b);
  const at = (points: SeriesPoint[]) => years.map((year) => ({ year, value: points.find((p) => p.year === year)?.value ?? null }));
  const size = (group: string) => groupValueRows().find((r) => r.group === group && r.kpi === m.kpi)?.members ?? null;
  const all = trimEmptyYears([
    { key: "med-forbund-2015", name: "Kommuner med förbund i april 2015", role: "focus", points: at(med) },
    { key: "utan-forbund-2015", name: "Kommuner utan förbund i april 2015", role: "compare", points: at(utan) },
    { key: "riket:00", name: "Riket", role: "reference", points: at(riket) },
  ]);
  const ys = all[0]!.points.map((p) => p.year);
  return {
    id: `med-och-utan-forbund-${slug}`,
    title: `${m.shortName} i kommuner med och utan samordningsförbund i april 2015, och riket, ${Math.min(...ys)}–${Math.max(...ys)}`,
    measure: chartMeasure(m),
    series: all,
    datasets: ["med-och-utan-forbund", m.dataset],
    lead: `${capitalize(m.subject)} i de ${size("med-forbund-2015") ?? "–"} kommuner som var med i ett förbund i april 2015`,
    yZero: true,
    note:
      `Grupperna är fasta: de ${size("med-forbund-2015") ?? "–"} kommuner som var med i ett samordningsförbund i april 2015 och de ${size("utan-forbund-2015") ?? "–"} som inte var det, enligt den enda fullständiga förteckningen (riksdagens uppföljning 2015, Bilaga 4). ` +
      "Samma kommuner ingår alla år, också före och efter 2015. Diagrammet visar hur grupperna har utvecklats, inte vilken effekt ett förbund har. Grupperna är vägda med befolkningen 16–64 år." +
      skewSentence(groupingSkew()),
  };
}

/** The fixed grouping's skew in words (start page chart note), from the published numbers. */
export function skewSentence(k: GroupingSkew): string {
  const parts: string[] = [];
  if (k.topLan)
    parts.push(` Gruppen utan förbund är sned: ${formatShare(k.topLan.share, 0)} av dess invånare 16–64 år (${k.populationYear}) bor i ${k.topLan.name} (${k.topLan.kommuner} av ${k.nonMembers} kommuner).`);
  const later = k.laterMembers.certain + k.laterMembers.possible;
  parts.push(
    ` ${later} av de ${k.nonMembers} kommunerna var säkert (${k.laterMembers.certain}) eller kanske (${k.laterMembers.possible}) med i ett förbund den ${formatDate(LATER_DATE)}` +
      (k.laterMembers.share === null ? "" : `, med ${formatShare(k.laterMembers.share, 0)} av gruppens invånare 16–64 år`) +
      (k.laterMembers.unknown ? `; för ${k.laterMembers.unknown} vet registret inte.` : "."),
  );
  parts.push(" Händelsestudien på /analys/med-och-utan-forbund/ jämför i stället varje kommun med kommuner som ännu inte hade gått med.");
  return parts.join("");
}

/** The compare page's series file for one measure: riket, every län, every kommun. */
export function compareSeriesFile(slug: string): CompareSeriesFile {
  const m = measure(slug);
  const areas: CompareSeriesFile["areas"] = {};
  const add = (a: AreaRef) => (areas[a.code] = { name: areaName(a), values: series(m.dataset, a).map((p) => [p.year, p.value]) });
  add(RIKET);
  for (const l of lanList()) add({ level: "lan", code: l.lanskod });
  for (const k of kommuner()) add({ level: "kommun", code: k.kommunkod });
  // Förbund areas, keyed by their id (a lowercase slug, never a number).
  const years = series(m.dataset, RIKET).map((p) => p.year);
  const values = m.kpi ? foerbundValuesByKpi(m.kpi) : new Map();
  for (const f of foerbundRows()) {
    const v = values.get(f.id);
    const bounded = years.filter((y) => v?.get(y)?.membership === "bounded" && v.get(y)?.value != null);
    areas[f.id] = { name: f.foerbund_name, values: years.map((y) => [y, v?.get(y)?.value ?? null]), ...(bounded.length ? { bounded } : {}) };
  }
  return {
    indicator: { slug: m.slug, name: m.shortName, unit: m.unit, shortUnit: m.shortUnit, decimals: m.decimals, subject: m.subject, dataset: m.dataset },
    areas,
  };
}

/** The compare page's list of areas, grouped as the select shows them: Riket, Län, Förbund, Kommuner (names in Swedish order). */
export function compareAreaGroups(): Array<{ label: string; options: Array<{ code: string; name: string }> }> {
  const collator = new Intl.Collator("sv");
  const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
  return [
    { label: "Riket", options: [{ code: RIKET.code, name: "Riket" }] },
    { label: "Län", options: lanList().map((l) => ({ code: l.lanskod, name: l.name })).sort(byName) },
    { label: "Förbund", options: foerbundRows().map((f) => ({ code: f.id, name: f.foerbund_name })).sort(byName) },
    { label: "Kommuner", options: kommuner().map((k) => ({ code: k.kommunkod, name: k.name })).sort(byName) },
  ];
}

/** The compare page without JavaScript: the default view, rendered at build time from the same file the browser reads. */
export function compareDefaultChart(): ChartSpec {
  return compareSpec(compareSeriesFile(COMPARE_DEFAULT.indicators[0]!), COMPARE_DEFAULT.areas, "jamfor-standard");
}

/** Every chart with a CSV download and an image file (/diagram/<id>.csv, .svg). */
export function allCharts(): ChartSpec[] {
  return embeddableCharts().map((e) => e.chart);
}

/** A chart that can be embedded, with the page it appears on (the embed page links back to it). */
export interface EmbeddableChart {
  chart: ChartSpec;
  home: { href: string; title: string };
}

/**
 * Every chart on the site with its home page: the list behind the chart
 * files (allCharts) and the chart-only pages /diagram/<id>/ that other
 * sites frame. Built once per build: the same specs serve every route.
 */
export function embeddableCharts(): EmbeddableChart[] {
  catalogue ??= [
    { chart: withWithoutChart("ohalsotal"), home: { href: "/", title: "startsidan" } },
    { chart: compareDefaultChart(), home: { href: "/jamfor/", title: "Jämför" } },
    ...kommuner().flatMap((k) => kommunCharts(k.kommunkod).map((chart) => ({ chart, home: { href: `/kommun/${k.kommunkod}/`, title: k.name } }))),
    ...participantPage().charts.map((chart) => ({ chart, home: { href: "/deltagare/", title: "Deltagare" } })),
    ...foerbundList().flatMap((f) => foerbundCharts(f.id).map((c) => ({ chart: c.spec, home: { href: foerbundHref(f.id), title: f.name } }))),
  ];
  return catalogue;
}
let catalogue: EmbeddableChart[] | undefined;

let embeddableIds: ReadonlySet<string> | undefined;
/** Whether /diagram/<id>/ exists (computed once per build). */
export function isEmbeddable(id: string): boolean {
  embeddableIds ??= new Set(embeddableCharts().map((e) => e.chart.id));
  return embeddableIds.has(id);
}

/** The snippet a reader pastes into another site: an iframe of the chart-only page. */
export function embedSnippet(spec: Pick<ChartSpec, "id" | "title">, site: URL | string): string {
  const src = new URL(`/diagram/${spec.id}/`, site).href;
  const title = spec.title.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return `<iframe src="${src}" title="${title}" width="680" height="560" style="border:0;max-width:100%" loading="lazy"></iframe>`;
}
