/**
 * Kommuner with and without a förbund as an event study with staggered
 * joining (group-time differences in the style of Callaway & Sant'Anna 2021).
 *
 * Timing comes only from the registry, through its own functions, so the
 * analysis follows whatever the registry says:
 * - a kommun's first join lies between the first day any of its spells is
 *   possible (E) and the first day any of them is certain (L);
 * - a kommun without spells is certainly outside on the days a complete list
 *   covers it (registryOnDay), and read as outside before that too;
 * - treated (huvud): E and L in the same calendar year g;
 * - comparison for group g in year t: kommuner whose earliest possible join
 *   is after max(t, g − 1), never a kommun of group g itself.
 *
 * ATT(g, t) = mean change g−1 → t among group g − the same among its
 * comparison; aggregated per event time e = t − g, groups weighted by size.
 * Intervals: cluster bootstrap over kommuner with a fixed-seed PRNG.
 */
import { INDICATORS } from "../indicators";
import { addDays, certainInterval, possibleFrom, registryOnDay, type Registry } from "../registry";
import { weightFor, type PopulationWeights } from "./weights";

export const VARIANTS = ["huvud", "placebo", "bunden-tidigast", "bunden-senast"] as const;
export type Variant = (typeof VARIANTS)[number];
/** lika = each kommun counts once; befolkning = weighted by the population the indicator is a rate of (weights.ts: 16–64 år, ekonomiskt bistånd all inhabitants). */
export const WEIGHTINGS = ["lika", "befolkning"] as const;
export type Weighting = (typeof WEIGHTINGS)[number];
export const TREATMENT_STATUSES = ["ar-kant", "intervall", "start-obegransad", "aldrig-saker", "utanfor-enligt-lista", "okand"] as const;
export type TreatmentStatus = (typeof TREATMENT_STATUSES)[number];

/** Event times published: at least −5 to +8 (−1 is the reference year, 0 by construction, and not published). */
export const EVENT_MIN = -5;
export const EVENT_MAX = 8;
/** The placebo moves each join year this many years earlier and uses only years before the real join. */
export const PLACEBO_SHIFT = 3;
export const BOOTSTRAP_REPLICATIONS = 999;
export const BOOTSTRAP_SEED = 20151;
/** An interval needs this share of replications in which the estimate exists (a group or the comparison can be drawn empty). */
export const MIN_DEFINED_SHARE = 0.95;

export interface KommunTiming {
  code: string;
  status: TreatmentStatus;
  /** First possible day of the first membership (ISO); null = unbounded in the past or never a member. */
  join_earliest: string | null;
  /** First day of certain membership (ISO); null = never certain. */
  join_latest: string | null;
  /** Join year in the main analysis (status ar-kant). */
  treatment_year: number | null;
  /** Last year the kommun is certainly outside every förbund, so it can be a comparison; null = never. */
  control_last_year: number | null;
  /** Years used by the bounds (status ar-kant and intervall). */
  bound_earliest_year: number | null;
  bound_latest_year: number | null;
  /** For kommuner without spells: the last day a complete list shows them outside every förbund. */
  listed_outside_until: string | null;
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** Each kommun's first join as the registry bounds it. */
export function kommunTimings(registry: Registry): KommunTiming[] {
  const byKommun = new Map<string, { earliest: string | null; unbounded: boolean; latest: string | null }>();
  for (const s of registry.spells) {
    const cur = byKommun.get(s.member_code) ?? { earliest: null, unbounded: false, latest: null };
    const from = possibleFrom(s.from);
    if (from === null) cur.unbounded = true;
    else if (cur.earliest === null || from < cur.earliest) cur.earliest = from;
    const certain = certainInterval(s.from, s.to);
    if (certain && (cur.latest === null || certain.from < cur.latest)) cur.latest = certain.from;
    byKommun.set(s.member_code, cur);
  }
  const outsideUntil = lastListedOutside(registry);
  return [...registry.kommunCodes].sort().map((code) => {
    const j = byKommun.get(code);
    if (!j) {
      const d = outsideUntil.get(code);
      const lastYear = d === undefined ? null : yearOf(addDays(d, 1)) - 1;
      return { ...timing(code, d === undefined ? "okand" : "utanfor-enligt-lista", null, null, null, lastYear, null, null), listed_outside_until: d ?? null };
    }
    const E = j.unbounded ? null : j.earliest;
    const L = j.latest;
    const controlLast = E === null ? null : yearOf(E) - 1;
    if (E === null) return timing(code, "start-obegransad", null, L, null, null, null, L === null ? null : yearOf(L));
    if (L === null) return timing(code, "aldrig-saker", E, null, null, controlLast, yearOf(E), null);
    if (yearOf(E) === yearOf(L)) return timing(code, "ar-kant", E, L, yearOf(E), controlLast, yearOf(E), yearOf(L));
    return timing(code, "intervall", E, L, null, controlLast, yearOf(E), yearOf(L));
  });
}

function timing(
  code: string, status: TreatmentStatus, join_earliest: string | null, join_latest: string | null, treatment_year: number | null,
  control_last_year: number | null, bound_earliest_year: number | null, bound_latest_year: number | null,
): KommunTiming {
  return { code, status, join_earliest, join_latest, treatment_year, control_last_year, bound_earliest_year, bound_latest_year, listed_outside_until: null };
}

/** For each kommun without spells: the last day a complete list shows it certainly outside every förbund. */
function lastListedOutside(registry: Registry): Map<string, string> {
  const out = new Map<string, string>();
  const days = [...new Set(registry.completeLists.map((c) => c.date.latest).filter((d): d is string => d !== null))].sort();
  for (const day of days) for (const k of registryOnDay(registry, day).kommuner_without_certain) out.set(k, day);
  return out;
}

/** The treated year of a kommun in a variant (placebo: the real join year; the shift is applied by the estimator). */
export function treatedYear(t: KommunTiming, variant: Variant): number | null {
  if (variant === "huvud" || variant === "placebo") return t.treatment_year;
  if (t.status !== "ar-kant" && t.status !== "intervall") return null;
  return variant === "bunden-tidigast" ? t.bound_earliest_year : t.bound_latest_year;
}

// ---- the estimator ----

/** One outcome as a panel: values[k][year − firstYear], NaN where missing; weights the same shape (1 for equal weighting). */
export interface Panel {
  codes: readonly string[];
  firstYear: number;
  lastYear: number;
  values: readonly Float64Array[];
  weights: readonly Float64Array[];
}

/** One (g, t) cell: who is compared, with their changes and weights (weights taken in the base year). */
interface Cell {
  e: number;
  treated: Int32Array;
  treatedDelta: Float64Array;
  treatedW: Float64Array;
  control: Int32Array;
  controlDelta: Float64Array;
  controlW: Float64Array;
}

export interface EventEstimate {
  event_time: number;
  estimate: number;
  ci_low: number | null;
  ci_high: number | null;
  n_treated_kommuner: number;
  n_control_kommuner: number;
}

/** The cells of one variant: every group and year with at least one treated and one comparison kommun. */
export function buildCells(panel: Panel, timings: readonly KommunTiming[], variant: Variant): Cell[] {
  const index = new Map(panel.codes.map((c, i) => [c, i]));
  const groups = new Map<number, number[]>();
  for (const t of timings) {
    const g = treatedYear(t, variant);
    const i = index.get(t.code);
    if (g === null || i === undefined) continue;
    groups.set(g, [...(groups.get(g) ?? []), i]);
  }
  const controlLast = timings.map((t) => ({ i: index.get(t.code), last: t.control_last_year }));
  const cells: Cell[] = [];
  for (const [realG, members] of [...groups].sort((a, b) => a[0] - b[0])) {
    const g = variant === "placebo" ? realG - PLACEBO_SHIFT : realG;
    const own = new Set(members);
    const maxT = variant === "placebo" ? realG - 1 : g + EVENT_MAX;
    for (let t = g + EVENT_MIN; t <= maxT; t++) {
      const base = g - 1;
      if (t === base || base < panel.firstYear || t < panel.firstYear || t > panel.lastYear) continue;
      // A comparison kommun must be certainly outside through both years of the change.
      const needOutside = Math.max(t, base);
      const ctrl = controlLast.filter((c) => c.i !== undefined && c.last !== null && c.last >= needOutside && !own.has(c.i)).map((c) => c.i!);
      const tr = changes(panel, members, base, t);
      const co = changes(panel, ctrl, base, t);
      if (tr.idx.length === 0 || co.idx.length === 0) continue;
      cells.push({ e: t - g, treated: tr.idx, treatedDelta: tr.delta, treatedW: tr.w, control: co.idx, controlDelta: co.delta, controlW: co.w });
    }
  }
  return cells;
}

function changes(panel: Panel, kommuner: readonly number[], base: number, t: number): { idx: Int32Array; delta: Float64Array; w: Float64Array } {
  const b = base - panel.firstYear;
  const a = t - panel.firstYear;
  const idx: number[] = [];
  const delta: number[] = [];
  const w: number[] = [];
  for (const k of kommuner) {
    const d = panel.values[k]![a]! - panel.values[k]![b]!;
    const wk = panel.weights[k]![b]!;
    if (!Number.isFinite(d) || !Number.isFinite(wk) || wk <= 0) continue;
    idx.push(k);
    delta.push(d);
    w.push(wk);
  }
  return { idx: Int32Array.from(idx), delta: Float64Array.from(delta), w: Float64Array.from(w) };
}

/**
 * Σ over groups of size × ATT(g, g + e) / Σ size, per event time, with each
 * kommun's weight multiplied by its bootstrap count (all 1 for the estimate).
 * NaN where no cell of that event time is defined.
 */
function aggregate(cells: readonly Cell[], counts: Int32Array | null, cellPos: Int32Array, nEventTimes: number): Float64Array {
  const num = new Float64Array(nEventTimes);
  const den = new Float64Array(nEventTimes);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    sideSums(c.treated, c.treatedW, c.treatedDelta, counts);
    const tw = sums[0]!, ts = sums[1]!;
    if (tw === 0) continue;
    sideSums(c.control, c.controlW, c.controlDelta, counts);
    const cw = sums[0]!, cs = sums[1]!;
    if (cw === 0) continue;
    const p = cellPos[i]!;
    num[p]! += tw * (ts / tw - cs / cw);
    den[p]! += tw;
  }
  return num.map((n, i) => (den[i]! > 0 ? n / den[i]! : NaN));
}

/** sideSums' result: Σ w and Σ w·delta (a shared scratch pair, so that the 40 000 bootstrap passes allocate nothing). */
const sums = new Float64Array(2);

/**
 * Σ w and Σ w·delta over one side of a cell, in list order, with w = the
 * kommun's weight × its bootstrap count (the weight alone without counts).
 * This loop runs some 270 million times per build, so the two cases are
 * separate loops. The sums are added in the same order as always, so the
 * results are the same to the last bit.
 */
function sideSums(idx: Int32Array, weight: Float64Array, delta: Float64Array, counts: Int32Array | null): void {
  let sw = 0;
  let sd = 0;
  if (counts === null)
    for (let j = 0; j < idx.length; j++) {
      const w = weight[j]!;
      sw += w;
      sd += w * delta[j]!;
    }
  else
    for (let j = 0; j < idx.length; j++) {
      const w = weight[j]! * counts[idx[j]!]!;
      sw += w;
      sd += w * delta[j]!;
    }
  sums[0] = sw;
  sums[1] = sd;
}

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same stream on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Cluster bootstrap draws: for each replication, how many times each of `n` kommuner is drawn (n draws with replacement). */
export function bootstrapCounts(n: number, replications = BOOTSTRAP_REPLICATIONS, seed = BOOTSTRAP_SEED): Int32Array[] {
  const rand = mulberry32(seed);
  const out: Int32Array[] = [];
  for (let r = 0; r < replications; r++) {
    const c = new Int32Array(n);
    for (let d = 0; d < n; d++) c[Math.floor(rand() * n)]!++;
    out.push(c);
  }
  return out;
}

/** Estimates with 95 % percentile intervals for one panel and variant. */
export function estimateEvents(panel: Panel, timings: readonly KommunTiming[], variant: Variant, draws: readonly Int32Array[]): EventEstimate[] {
  const cells = buildCells(panel, timings, variant);
  const eventTimes = [...new Set(cells.map((c) => c.e))].sort((a, b) => a - b);
  const pos = new Map(eventTimes.map((e, i) => [e, i]));
  const cellPos = Int32Array.from(cells, (c) => pos.get(c.e)!);
  const point = aggregate(cells, null, cellPos, eventTimes.length);
  const reps = eventTimes.map(() => [] as number[]);
  for (const counts of draws) aggregate(cells, counts, cellPos, eventTimes.length).forEach((v, i) => Number.isFinite(v) && reps[i]!.push(v));
  return eventTimes.flatMap((e, i) => {
    const at = cells.filter((c) => c.e === e);
    const sorted = reps[i]!.sort((a, b) => a - b);
    const enough = draws.length > 0 && sorted.length >= MIN_DEFINED_SHARE * draws.length;
    return [{
      event_time: e,
      estimate: point[i]!,
      ci_low: enough ? sorted[Math.floor(0.025 * (sorted.length - 1))]! : null,
      ci_high: enough ? sorted[Math.ceil(0.975 * (sorted.length - 1))]! : null,
      n_treated_kommuner: new Set(at.flatMap((c) => [...c.treated])).size,
      n_control_kommuner: new Set(at.flatMap((c) => [...c.control])).size,
    }];
  });
}

// ---- the whole analysis ----

/** The outcomes, by Kolada KPI: ohälsotal is the main one. */
export const OUTCOMES = [
  { slug: "ohalsotal", kpi: "N00957" },
  { slug: "sjukpenningtal", kpi: "N00938" },
  { slug: "ekonomiskt-bistand", kpi: "N31807" },
  { slug: "arbetsloshet", kpi: "N03920" },
  { slug: "unga-utanfor", kpi: "N02797" },
] as const;

export interface EventStudyRow extends EventEstimate {
  indicator: (typeof OUTCOMES)[number]["slug"];
  variant: Variant;
  weighting: Weighting;
}

export interface KommunYearValue {
  code: string;
  year: number;
  sex: string;
  value: number | null;
}

export interface EventStudy {
  timings: KommunTiming[];
  rows: EventStudyRow[];
}

/**
 * Every outcome × weighting × variant. `values` holds the kommun values per
 * KPI (sex T is used); `weights` the populations (weights.ts), chosen per
 * outcome by the same rule as every other aggregation (weightFor).
 * The same bootstrap draws serve every combination, so the file depends only
 * on the data and the seed.
 */
export function eventStudy(
  registry: Registry,
  values: ReadonlyMap<string, readonly (KommunYearValue & { level?: string })[]>,
  weights: PopulationWeights,
  replications = BOOTSTRAP_REPLICATIONS,
): EventStudy {
  const timings = kommunTimings(registry);
  const codes = timings.map((t) => t.code);
  const draws = bootstrapCounts(codes.length, replications);
  const rows: EventStudyRow[] = [];
  for (const outcome of OUTCOMES) {
    const kommunValues = (values.get(outcome.kpi) ?? []).filter((v) => (v.level ?? "kommun") === "kommun");
    const info = INDICATORS.find((i) => i.kpi === outcome.kpi)!;
    for (const weighting of WEIGHTINGS) {
      const panel = toPanel(codes, kommunValues, weighting === "lika" ? null : weightFor(info.aggregation, weights));
      if (!panel) continue;
      for (const variant of VARIANTS)
        for (const r of estimateEvents(panel, timings, variant, draws)) rows.push({ indicator: outcome.slug, variant, weighting, ...r });
    }
  }
  return { timings, rows };
}

/** Kommun × year arrays of one outcome (sex T); weights 1, or the population 16–64 of the same year. Null when there is no value. */
export function toPanel(codes: readonly string[], values: readonly KommunYearValue[], pop: readonly KommunYearValue[] | null): Panel | null {
  const total = values.filter((v) => v.sex === "T" && v.value !== null);
  if (total.length === 0) return null;
  const firstYear = Math.min(...total.map((v) => v.year));
  const lastYear = Math.max(...total.map((v) => v.year));
  const width = lastYear - firstYear + 1;
  const index = new Map(codes.map((c, i) => [c, i]));
  const panelValues = codes.map(() => new Float64Array(width).fill(NaN));
  const weights = codes.map(() => new Float64Array(width).fill(pop ? NaN : 1));
  for (const v of total) {
    const i = index.get(v.code);
    if (i !== undefined) panelValues[i]![v.year - firstYear] = v.value!;
  }
  if (pop)
    for (const v of pop) {
      const i = index.get(v.code);
      if (i !== undefined && v.sex === "T" && v.value !== null && v.year >= firstYear && v.year <= lastYear) weights[i]![v.year - firstYear] = v.value;
    }
  return { codes, firstYear, lastYear, values: panelValues, weights };
}
