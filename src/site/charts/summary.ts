/**
 * A short text summary generated from a chart's data, for readers who do
 * not see the chart and for the chart's aria-description. Pure module.
 * E.g. "Ohälsotalet i Stockholm sjönk från 35,2 dagar år 2005 till 22,1 dagar
 * år 2022. Stockholms län: från 30,1 till 20,2 dagar. Riket: från …"
 */
import { capitalize, formatPeriod, formatWithUnit, yearRanges } from "../format";
import type { ChartPoint, ChartSeries, ChartSpec } from "./spec";

const when = (p: ChartPoint) => (p.period && p.period.length > 4 ? `i ${formatPeriod(p.period)}` : `år ${p.year}`);

function valid(points: readonly ChartPoint[]): ChartPoint[] {
  return points.filter((p) => p.value !== null && Number.isFinite(p.value));
}

/** Years inside a series' span without a value: these are gaps in the line. */
export function gapYears(points: readonly ChartPoint[]): number[] {
  const v = valid(points);
  if (v.length === 0) return [];
  const first = v[0]!.year;
  const last = v[v.length - 1]!.year;
  return points.filter((p) => p.year > first && p.year < last && (p.value === null || !Number.isFinite(p.value))).map((p) => p.year);
}

function lead(spec: ChartSpec, s: ChartSeries): string {
  const { decimals, shortUnit } = spec.measure;
  const fmt = (p: ChartPoint) => formatWithUnit(p.value, decimals, shortUnit);
  const v = valid(s.points);
  if (v.length === 0) return `${spec.lead}: uppgift saknas för alla år.`;
  const first = v[0]!;
  const last = v[v.length - 1]!;
  if (v.length === 1) return `${spec.lead} var ${fmt(last)} ${when(last)}.`;
  if (fmt(first) === fmt(last)) return `${spec.lead} var ${fmt(first)} både ${when(first)} och ${when(last)}.`;
  const verb = last.value! > first.value! ? "steg" : "sjönk";
  return `${spec.lead} ${verb} från ${fmt(first)} ${when(first)} till ${fmt(last)} ${when(last)}.`;
}

function comparison(spec: ChartSpec, s: ChartSeries, focus: ChartPoint[]): string {
  const { decimals, shortUnit } = spec.measure;
  const v = valid(s.points);
  if (v.length === 0) return `${capitalize(s.name)}: uppgift saknas.`;
  const first = v[0]!;
  const last = v[v.length - 1]!;
  const sameSpan = focus.length > 0 && first.year === focus[0]!.year && last.year === focus[focus.length - 1]!.year;
  if (v.length === 1) return `${capitalize(s.name)}: ${formatWithUnit(last.value, decimals, shortUnit)} ${when(last)}.`;
  // Same years as the lead sentence: the reader already knows them, and the unit once is enough.
  if (sameSpan) return `${capitalize(s.name)}: från ${formatWithUnit(first.value, decimals, "")} till ${formatWithUnit(last.value, decimals, shortUnit)}.`;
  return `${capitalize(s.name)}: från ${formatWithUnit(first.value, decimals, shortUnit)} ${when(first)} till ${formatWithUnit(last.value, decimals, shortUnit)} ${when(last)}.`;
}

export function summarizeChart(spec: ChartSpec): string {
  const [focus, ...others] = spec.series;
  if (!focus) return "Diagrammet har inga data.";
  const sentences = [lead(spec, focus)];
  const focusValid = valid(focus.points);
  for (const s of others) sentences.push(comparison(spec, s, focusValid));
  const gaps = gapYears(focus.points);
  if (gaps.length) sentences.push(`För ${focus.name} saknas värde ${yearRanges(gaps)}.`);
  for (const s of spec.series) {
    const bounded = s.points.filter((p) => p.bounded && p.value !== null).map((p) => p.year);
    if (bounded.length) sentences.push(`${capitalize(s.name)} ${yearRanges(bounded)}: området vilar på datumgränser, någon medlem är bara möjlig (streckad linje, ofyllda punkter).`);
  }
  if (spec.note) sentences.push(spec.note);
  return sentences.join(" ");
}
