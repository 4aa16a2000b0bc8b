/**
 * The compare page's model, shared by the build (default view, series files)
 * and the browser (any view). Pure module: no node:fs, no Plot.
 */
import { capitalize, joinSv } from "../format";
import type { ChartSpec } from "./spec";

/** /jamfor/serier/<indicator>.json: one measure for riket, every län, every förbund and every kommun. */
export interface CompareSeriesFile {
  indicator: { slug: string; name: string; unit: string; shortUnit: string; decimals: number; subject: string; dataset: string };
  /** Keyed by code (read it with areaIn): "00" riket, 2 digits län, 4 digits kommun, a lowercase slug for a förbund (see areaGroup). */
  areas: Record<string, { name: string; values: Array<[number, number | null]>; bounded?: number[] }>;
}

export interface CompareState {
  /** One chart per indicator (small multiples), all with the same areas. */
  indicators: string[];
  areas: string[];
}

/** The default view; the URL records only what differs from it, so shared links stay short. */
export const COMPARE_DEFAULT: CompareState = { indicators: ["ohalsotal"], areas: ["0180", "1480", "1280", "00"] };
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

export interface ParsedCompareQuery {
  state: CompareState;
  /** What the URL asked for that cannot be a code or an indicator, as written; the page says it was dropped. */
  rejected: string[];
}

const unique = (xs: string[]) => [...new Set(xs)];
const listParam = (q: URLSearchParams, name: string) =>
  (q.get(name) ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The view a URL asks for. A present but empty `omraden` is an empty
 * selection (the reader removed every area); an absent one is the default.
 */
export function parseCompareQuery(search: string, validIndicators: readonly string[]): ParsedCompareQuery {
  const q = new URLSearchParams(search);
  const askedIndicators = listParam(q, "indikator");
  const askedAreas = listParam(q, "omraden");
  const indicators = unique(askedIndicators.filter((s) => validIndicators.includes(s)));
  const areas = unique(askedAreas.filter((s) => AREA_CODE.test(s))).slice(0, MAX_COMPARE_AREAS);
  return {
    state: {
      indicators: indicators.length ? indicators : [...COMPARE_DEFAULT.indicators],
      areas: q.has("omraden") ? areas : [...COMPARE_DEFAULT.areas],
    },
    rejected: [...askedIndicators.filter((s) => !validIndicators.includes(s)), ...askedAreas.filter((s) => !AREA_CODE.test(s))],
  };
}

/** "?indikator=…&omraden=…" with only the parts that differ from the default; "" for the default view. */
export function compareQuery(state: CompareState): string {
  const q = new URLSearchParams();
  if (state.indicators.join(",") !== COMPARE_DEFAULT.indicators.join(",")) q.set("indikator", state.indicators.join(","));
  if (state.areas.join(",") !== COMPARE_DEFAULT.areas.join(",")) q.set("omraden", state.areas.join(","));
  const s = q.toString().replace(/%2C/g, ",");
  return s ? `?${s}` : "";
}

/**
 * The file's entry for a code, only if the file has one of its own: a URL
 * may carry "constructor" or "__proto__", which a plain lookup would find on
 * Object.prototype.
 */
export function areaIn(file: CompareSeriesFile, code: string): CompareSeriesFile["areas"][string] | undefined {
  return Object.hasOwn(file.areas, code) ? file.areas[code] : undefined;
}

/** Split chosen codes into those the series file knows and those it does not. */
export function knownAreas(file: CompareSeriesFile, codes: readonly string[]): { known: string[]; unknown: string[] } {
  return { known: codes.filter((c) => areaIn(file, c)), unknown: codes.filter((c) => !areaIn(file, c)) };
}

/** The datasets behind a view: the measure's, and the förbund areas' when a förbund is chosen. */
export function compareDatasets(dataset: string, codes: readonly string[]): string[] {
  return codes.some((c) => areaGroup(c) === "forbund") ? [dataset, FOERBUND_DATASET] : [dataset];
}
export const FOERBUND_DATASET = "forbund-indikatorer";

export function compareSpec(file: CompareSeriesFile, codes: readonly string[], id = "jamfor"): ChartSpec {
  const { known } = knownAreas(file, codes);
  const series = known.map((code) => {
    const a = areaIn(file, code)!;
    const bounded = new Set(a.bounded ?? []);
    return {
      key: code,
      name: a.name,
      role: code === RIKET ? ("reference" as const) : ("focus" as const),
      // A förbund year whose members are only bounded is marked, and drawn as on the förbund's own page.
      points: a.values.map(([year, value]) => (bounded.has(year) ? { year, value, bounded: true } : { year, value })),
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
