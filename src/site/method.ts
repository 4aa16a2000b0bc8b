/**
 * Facts for the methods page, computed from the published data so the page
 * cannot drift from it: how close our län/riket recomputation comes to the
 * publisher's totals, and which values are missing.
 */
import { INDICATORS, indicatorInfo } from "../pipeline/indicators";
import { kommuner, totalChecks, valueRows, yearSpan, type KontrollLanRiketRow } from "./data";
import { measure, type Measure } from "./measures";

export interface CheckSummary {
  kpi: string;
  name: string;
  aggregation: string;
  comparisons: number;
  withinTolerance: number;
  tolerance: number;
  /** The comparison with the largest relative difference. */
  largest: KontrollLanRiketRow;
}

export function checkSummaries(): CheckSummary[] {
  const byKpi = new Map<string, KontrollLanRiketRow[]>();
  for (const c of totalChecks()) {
    const list = byKpi.get(c.kpi) ?? [];
    list.push(c);
    byKpi.set(c.kpi, list);
  }
  return INDICATORS.filter((i) => byKpi.has(i.kpi)).map((i) => {
    const rows = byKpi.get(i.kpi)!;
    const largest = rows.reduce((a, b) => (Math.abs(b.relative_difference) > Math.abs(a.relative_difference) ? b : a));
    return {
      kpi: i.kpi,
      name: i.shortName,
      aggregation: indicatorInfo(i.kpi).aggregationNote,
      comparisons: rows.length,
      withinTolerance: rows.filter((r) => r.within_tolerance).length,
      tolerance: rows[0]!.tolerance,
      largest,
    };
  });
}

export interface MissingSummary {
  measure: Measure;
  first: number;
  last: number;
  /** Years no kommun has a value for. */
  allMissing: number[];
  /** Other gaps, per kommun (totals, both sexes). */
  byKommun: Array<{ kommunkod: string; name: string; years: number[] }>;
  /** Values the source has but we do not use, with the reason. */
  defects: Array<{ name: string; year: number; sex: string; note: string }>;
}

export function missingSummary(slug: string): MissingSummary {
  const m = measure(slug);
  const rows = valueRows(m.dataset);
  const span = yearSpan(m.dataset);
  const missing = new Map<string, Set<number>>();
  // Kommun rows for the first year any kommun has a value, so years before a KPI starts are not "missing".
  const kommunYears = rows.filter((r) => r.level === "kommun" && r.value !== null).map((r) => r.year);
  const firstKommunYear = Math.min(...kommunYears);
  const lastKommunYear = Math.max(...kommunYears);
  for (const k of kommuner()) missing.set(k.kommunkod, new Set());
  const have = new Set(rows.filter((r) => r.level === "kommun" && r.sex === "T" && r.value !== null).map((r) => `${r.code}|${r.year}`));
  for (const k of kommuner()) for (let y = firstKommunYear; y <= lastKommunYear; y++) if (!have.has(`${k.kommunkod}|${y}`)) missing.get(k.kommunkod)!.add(y);
  const allMissing: number[] = [];
  for (let y = firstKommunYear; y <= lastKommunYear; y++) if (kommuner().every((k) => missing.get(k.kommunkod)!.has(y))) allMissing.push(y);
  const byKommun = kommuner()
    .map((k) => ({ kommunkod: k.kommunkod, name: k.name, years: [...missing.get(k.kommunkod)!].filter((y) => !allMissing.includes(y)).sort((a, b) => a - b) }))
    .filter((k) => k.years.length > 0);
  const defects = rows.filter((r) => r.status === "source_defect").map((r) => ({ name: r.name, year: r.year, sex: r.sex, note: r.note }));
  return { measure: m, first: span.first, last: span.last, allMissing, byKommun, defects };
}
