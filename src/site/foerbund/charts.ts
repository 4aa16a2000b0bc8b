/**
 * Indicator charts for a förbund area against its län and riket, as data:
 * the chart's spec (charts/spec.ts, so the table and the summary are made as
 * elsewhere), the certainty of each year's area, the words about it and the
 * CSV. Drawing is charts/foerbund-line.ts: a year whose membership rests on
 * date bounds is dashed with an open point; a year without a value is a gap.
 */
import { derivedSentence, firstDerived, labelDerived } from "../derived";
import { series } from "../data";
import { summarizeChart } from "../charts/summary";
import type { ChartSeries, ChartSpec } from "../charts/spec";
import { csvNumber, csvText } from "../csv";
import { capitalize, yearRanges, joinSv } from "../format";
import type { Measure } from "../measures";
import type { ForbundIndikatorerRow } from "../data";
import { RIKET, areaValue, foerbund, kommunName, koladaValue, kpiYears, lanArea, lanName } from "./model";

export interface FoerbundChart {
  spec: ChartSpec;
  /** Per year of the focus series: how sure the area is; null = no area that year. */
  years: Array<{ year: number; membership: "certain" | "bounded" | null; status: ForbundIndikatorerRow["status"] | "no_area"; missing: string[]; members?: number }>;
  summary: string;
  /** Where the chart's CSV is served. */
  csvHref: string;
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
  const focus: ChartSeries = { key: `forbund:${id}`, name: f.name, role: "focus", points: inSpan.map((r) => ({ year: r.year, value: r.row?.value ?? null })) };
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
  };
  spec.note = [certaintyNote(years), ...f.lanCodes.flatMap((c, i) => (lanDerived[i] ? [derivedSentence(lanName(c), lanDerived[i]!.note)] : []))].filter(Boolean).join(" ");
  return { spec, years, summary: summarizeChart(spec), csvHref: `/forbund/${id}/diagram/${m.slug}.csv`, slug: m.slug };
}

/** Sentences on which years rest on date bounds and why some years have no value. */
export function certaintyNote(years: FoerbundChart["years"]): string {
  const out: string[] = [];
  const withValue = years.filter((y) => y.status === "aggregated");
  const bounded = withValue.filter((y) => y.membership === "bounded").map((y) => y.year);
  const certain = withValue.filter((y) => y.membership === "certain").map((y) => y.year);
  if (bounded.length && certain.length)
    out.push(`Medlemmarna är belagda ${yearRanges(certain)}; ${yearRanges(bounded)} vilar området på datumgränser (streckad linje, ofyllda punkter).`);
  else if (bounded.length) out.push(`Alla år vilar området på datumgränser: någon medlem är bara möjlig (streckad linje, ofyllda punkter).`);
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

/** Exactly the chart's data: one row per year, a column per line, and the area's certainty and status. */
export function foerbundChartCsv(c: FoerbundChart): string {
  return csvText(
    ["year", ...c.spec.series.map((s) => s.name), "membership", "status"],
    c.years.map((y, i) => [String(y.year), ...c.spec.series.map((s) => csvNumber(s.points[i]?.value)), y.membership ?? "", y.status]),
  );
}


