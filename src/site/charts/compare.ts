/**
 * The compare page's model, shared by the build (default view, series files)
 * and the browser (any view). Pure module: no node:fs, no Plot.
 */
import { capitalize, joinSv } from "../format";
import type { ChartSpec } from "./spec";

/** /jamfor/serier/<indicator>.json: one measure for riket, every län, every förbund and every kommun. */
export interface CompareSeriesFile {
  indicator: { slug: string; name: string; unit: string; shortUnit: string; decimals: number; subject: string; dataset: string };
  /** Keyed by code: "00" riket, 2 digits län, 4 digits kommun, a lowercase slug for a förbund (see areaGroup). */
  areas: Record<string, { name: string; values: Array<[number, number | null]> }>;
}

export interface CompareState {
  indicator: string;
  areas: string[];
}

/** The default view; the URL records only what differs from it, so shared links stay short. */
export const COMPARE_DEFAULT: CompareState = { indicator: "ohalsotal", areas: ["0180", "1480", "1280", "00"] };
export const MAX_COMPARE_AREAS = 8;

const RIKET = "00";

/** A code the URL may carry: riket/län (2 digits), kommun (4 digits) or a förbund id (lowercase slug with a letter). */
const AREA_CODE = /^(\d{2}|\d{4}|(?=[a-z0-9-]*[a-z])[a-z0-9]+(-[a-z0-9]+)*)$/;

export type AreaGroup = "riket" | "lan" | "forbund" | "kommun";

/** Which kind of area a code is; the selection list is grouped this way. */
export function areaGroup(code: string): AreaGroup {
  if (code === RIKET) return "riket";
  if (/^\d{2}$/.test(code)) return "lan";
  if (/^\d{4}$/.test(code)) return "kommun";
  return "forbund";
}

export function parseCompareQuery(search: string, validIndicators: readonly string[]): CompareState {
  const q = new URLSearchParams(search);
  const indicator = q.get("indikator");
  const areas = (q.get("omraden") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => AREA_CODE.test(s));
  return {
    indicator: indicator && validIndicators.includes(indicator) ? indicator : COMPARE_DEFAULT.indicator,
    areas: areas.length ? [...new Set(areas)].slice(0, MAX_COMPARE_AREAS) : [...COMPARE_DEFAULT.areas],
  };
}

/** "?indikator=…&omraden=…" with only the parts that differ from the default; "" for the default view. */
export function compareQuery(state: CompareState): string {
  const q = new URLSearchParams();
  if (state.indicator !== COMPARE_DEFAULT.indicator) q.set("indikator", state.indicator);
  if (state.areas.join(",") !== COMPARE_DEFAULT.areas.join(",")) q.set("omraden", state.areas.join(","));
  const s = q.toString().replace(/%2C/g, ",");
  return s ? `?${s}` : "";
}

/** The datasets behind a view: the measure's, and the förbund areas' when a förbund is chosen. */
export function compareDatasets(dataset: string, codes: readonly string[]): string[] {
  return codes.some((c) => areaGroup(c) === "forbund") ? [dataset, FOERBUND_DATASET] : [dataset];
}
export const FOERBUND_DATASET = "forbund-indikatorer";

export function compareSpec(file: CompareSeriesFile, codes: readonly string[], id = "jamfor"): ChartSpec {
  const known = codes.filter((c) => file.areas[c]);
  const series = known.map((code) => {
    const a = file.areas[code]!;
    return {
      key: code,
      name: a.name,
      role: code === RIKET ? ("reference" as const) : ("focus" as const),
      points: a.values.map(([year, value]) => ({ year, value })),
    };
  });
  // Only the years where some selected area has a value.
  const years = series.flatMap((s) => s.points.filter((p) => p.value !== null).map((p) => p.year));
  const lo = years.length ? Math.min(...years) : 0;
  const hi = years.length ? Math.max(...years) : 0;
  const trimmed = years.length ? series.map((s) => ({ ...s, points: s.points.filter((p) => p.year >= lo && p.year <= hi) })) : series;
  const first = trimmed[0];
  const i = file.indicator;
  return {
    id,
    title: `${i.name}: ${joinSv(trimmed.map((s, n) => (n > 0 && s.key === RIKET ? "riket" : s.name)))}${years.length ? `, ${lo}–${hi}` : ""}`,
    measure: { name: i.name, unit: i.unit, shortUnit: i.shortUnit, decimals: i.decimals },
    series: trimmed,
    datasets: compareDatasets(i.dataset, known),
    lead: `${capitalize(i.subject)} i ${first?.key === RIKET ? "riket" : (first?.name ?? "")}`,
    yZero: true,
  };
}
