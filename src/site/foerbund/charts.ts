/**
 * Indicator charts for a förbund area against its län and riket, as data:
 * the chart's spec (charts/spec.ts, so the drawing, table, summary and CSV
 * are made as for every other chart on the site), the certainty of each
 * year's area and the words about it. A year whose membership rests on date
 * bounds is marked `bounded` on the area's points (dashed with an open point
 * wherever the chart is drawn: page, embed page, image file); a year without
 * a value is a gap. The CSV also carries each year's certainty and status.
 */
import { derivedSentence, firstDerived, labelDerived } from "../derived";
import { series } from "../data";
import type { ChartSeries, ChartSpec } from "../charts/spec";
import { capitalize, yearRanges, joinSv } from "../format";
import type { Measure } from "../measures";
import type { ForbundIndikatorerRow } from "../data";
import { RIKET, areaValue, foerbund, foerbundMeasures, kommunName, koladaValue, kpiYears, lanArea, lanName } from "./model";

export interface FoerbundChart {
  spec: ChartSpec;
  /** Per year of the focus series: how sure the area is; null = no area that year. */
  years: Array<{ year: number; membership: "certain" | "bounded" | null; status: ForbundIndikatorerRow["status"] | "no_area"; missing: string[]; members?: number }>;
  slug: string;
}

export function foerbundChart(id: string, m: Measure): FoerbundChart | null {
  const f = foerbund(id);
  const kpi = m.kpi!;
  const span = kpiYears(kpi);
  const rows: Array<{ year: number; row: ForbundIndikatorerRow | null }> = [];
  for (let y = span.first; y <= span.last; y++) rows.push({ year: y, row: areaValue(id, kpi, y) });
  const withRow = rows.filter((r) => r.row !== null);
  if (withRow.length === 0) return null;
  const first = withRow[0]!.year;
  const last = withRow[withRow.length - 1]!.year;
  const inSpan = rows.filter((r) => r.year >= first && r.year <= last);
  const focus: ChartSeries = {
    key: `forbund:${id}`,
    name: f.name,
    role: "focus",
    points: inSpan.map((r) => (r.row?.membership === "bounded" && r.row.value !== null ? { year: r.year, value: r.row.value, bounded: true } : { year: r.year, value: r.row?.value ?? null })),
  };
  // A län value we computed from the kommuner (sjukpenningtal) is labelled so and its method given in the note.
  const lanDerived = f.lanCodes.map((c) => firstDerived(series(m.dataset, lanArea(c)).filter((p) => inSpan.some((r) => r.year === p.year))));
  const lanSeries: ChartSeries[] = f.lanCodes.map((c, i) => ({
    key: `lan:${c}`,
    name: labelDerived(lanName(c), lanDerived[i] !== undefined),
    role: "compare",
    points: inSpan.map((r) => ({ year: r.year, value: koladaValue(m.dataset, lanArea(c), r.year) })),
  }));
  const riket: ChartSeries = { key: "riket:00", name: "Riket", role: "reference", points: inSpan.map((r) => ({ year: r.year, value: koladaValue(m.dataset, RIKET, r.year) })) };
  const years = inSpan.map((r) => ({
    year: r.year,
    membership: r.row ? r.row.membership : null,
    status: r.row ? r.row.status : ("no_area" as const),
    missing: r.row?.missing_codes ? r.row.missing_codes.split(";") : [],
    members: r.row?.members,
  }));
  const spec: ChartSpec = {
    id: `forbund-${id}-${m.slug}`,
    title: `${m.shortName}: ${f.name}, ${joinSv(f.lanCodes.map(lanName))} och riket, ${first}–${last}`,
    measure: { name: m.shortName, unit: m.unit, shortUnit: m.shortUnit, decimals: m.decimals },
    series: [focus, ...lanSeries, riket],
    datasets: ["forbund-indikatorer", m.dataset],
    lead: `${capitalize(m.subject)} i förbundets område`,
    yZero: true,
    csvColumns: [
      { name: "membership", byPeriod: Object.fromEntries(years.map((y) => [String(y.year), y.membership ?? ""])) },
      { name: "status", byPeriod: Object.fromEntries(years.map((y) => [String(y.year), y.status])) },
    ],
  };
  spec.note = [certaintyNote(years), ...f.lanCodes.flatMap((c, i) => (lanDerived[i] ? [derivedSentence(lanName(c), lanDerived[i]!.note)] : []))].filter(Boolean).join(" ");
  return { spec, years, slug: m.slug };
}

/** The indicator charts of a förbund page: none for stadsdel förbund or without any area value. */
export function foerbundCharts(id: string): FoerbundChart[] {
  if (foerbund(id).kind === "stadsdelar") return [];
  return foerbundMeasures()
    .map((m) => foerbundChart(id, m))
    .filter((c): c is FoerbundChart => c !== null && c.spec.series[0]!.points.some((p) => p.value !== null));
}

/**
 * Sentences on which years' members are proven and why some years have no
 * value. The years resting on date bounds are named by the chart's generated
 * summary (charts/summary.ts, from the points marked `bounded`), not here.
 */
export function certaintyNote(years: FoerbundChart["years"]): string {
  const out: string[] = [];
  const withValue = years.filter((y) => y.status === "aggregated");
  const bounded = withValue.filter((y) => y.membership === "bounded").map((y) => y.year);
  const certain = withValue.filter((y) => y.membership === "certain").map((y) => y.year);
  if (bounded.length && certain.length) out.push(`Medlemmarna är belagda ${yearRanges(certain)}.`);
  else if (certain.length) out.push("Medlemmarna är belagda alla år med värde.");
  const incomplete = years.filter((y) => y.status === "incomplete");
  const allMissing = incomplete.filter((y) => y.members !== undefined && y.missing.length >= y.members);
  const someMissing = incomplete.filter((y) => !allMissing.includes(y));
  if (allMissing.length) out.push(`${yearRanges(allMissing.map((y) => y.year))} saknas värden för alla medlemskommuner.`);
  if (someMissing.length)
    out.push(
      `${yearRanges(someMissing.map((y) => y.year))} saknas värde för ${joinSv([...new Set(someMissing.flatMap((y) => y.missing))].map(kommunName))}, så området får inget värde.`,
    );
  const stadsdel = years.filter((y) => y.status === "stadsdel_members");
  if (stadsdel.length) out.push(`${yearRanges(stadsdel.map((y) => y.year))} är medlemmarna stadsdelar; Kolada har bara värden för hela kommuner, så området får inget värde.`);
  const none = years.filter((y) => y.status === "no_area");
  if (none.length) out.push(`${yearRanges(none.map((y) => y.year))} hade förbundet inga kända medlemmar.`);
  return out.join(" ");
}
