/**
 * Aggregate kommun values to larger areas (förbund areas, län, riket).
 * Rates are weighted means (Σ value·weight / Σ weight); counts are
 * sums. An aggregate is only given when every member kommun has both a value
 * and a weight that year: a partial sum or mean would silently describe a
 * different area, so it stays missing ("incomplete") and names what is lacking.
 */
import type { Aggregation } from "../indicators";
import type { Sex } from "../schema";

/** One kommun value (or weight) for a year and sex; null where not published. */
export interface KommunValue {
  code: string;
  year: number;
  sex: Sex;
  value: number | null;
}

/** Which kommuner make up an area in a given year (membership is per year). */
export interface AreaMember {
  area: string;
  year: number;
  code: string;
}

export interface AreaAggregate {
  area: string;
  year: number;
  sex: Sex;
  value: number | null;
  status: "aggregated" | "incomplete";
  members: number;
  members_with_value: number;
  /** Sum of the weights over all members (e.g. population 16–64); null for sums or if any weight is missing. */
  weight_total: number | null;
  missing_codes: string;
}

/**
 * Plain loops, not arquero: at 100 KPIs this runs for every KPI and area set,
 * and the joins were most of the data step's time. It returns exactly what
 * the arquero version did (test/pipeline/aggregate-equivalence.test.ts keeps
 * that version as a reference): one row per (area, year, sex) ordered by
 * area, year, sex in code-unit order; within a group the sums run over the
 * members in code order from 0, as arquero's ordered rollup added them.
 */
export function aggregateToAreas(
  values: readonly KommunValue[],
  members: readonly AreaMember[],
  aggregation: Aggregation,
  weights: readonly KommunValue[] = [],
  sexes: readonly Sex[] = ["T", "K", "M"],
): AreaAggregate[] {
  if (members.length === 0) return [];
  if (aggregation !== "sum" && weights.length === 0) throw new Error(`aggregation ${aggregation} needs weights`);
  const valueOf = indexByCodeYearSex(values, "value");
  const weightOf = aggregation === "sum" ? null : indexByCodeYearSex(weights, "weight");
  const groups = new Map<string, { area: string; year: number; codes: string[] }>();
  for (const m of members) {
    const key = `${m.area}\u0000${m.year}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { area: m.area, year: m.year, codes: [] }));
    g.codes.push(m.code);
  }
  const sexOrder = [...sexes].sort(byCodeUnits);
  const out: AreaAggregate[] = [];
  for (const g of [...groups.values()].sort((a, b) => byCodeUnits(a.area, b.area) || a.year - b.year)) {
    g.codes.sort(byCodeUnits);
    // A sex listed twice doubles the group's rows, as arquero's cross join did; the sums are taken over all of them.
    for (let s = 0; s < sexOrder.length; s++) {
      const sex = sexOrder[s]!;
      if (s > 0 && sexOrder[s - 1] === sex) continue;
      let times = 1;
      while (sexOrder[s + times] === sex) times++;
      out.push(aggregateGroup(g.area, g.year, sex, g.codes, times, valueOf, weightOf, aggregation));
    }
  }
  return out;
}

/** One (area, year, sex): members in code order, each `times` times. */
function aggregateGroup(
  area: string,
  year: number,
  sex: Sex,
  codes: readonly string[],
  times: number,
  valueOf: ReadonlyMap<string, number>,
  weightOf: ReadonlyMap<string, number> | null,
  aggregation: Aggregation,
): AreaAggregate {
  let withValue = 0;
  let sumValue = 0;
  let sumVw = 0;
  let sumW = 0;
  const missing: string[] = [];
  for (const code of codes) {
    const key = `${code}|${year}|${sex}`;
    const value = valueOf.get(key);
    const weight = weightOf ? weightOf.get(key) : 1;
    const ok = Number.isFinite(value) && Number.isFinite(weight);
    for (let t = 0; t < times; t++) {
      if (ok) {
        withValue++;
        sumValue += value!;
        sumVw += value! * weight!;
        sumW += weight!;
      } else missing.push(code);
    }
  }
  const members = codes.length * times;
  const full = members === withValue;
  return {
    area,
    year,
    sex,
    value: !full ? null : aggregation === "sum" ? sumValue : sumVw / sumW,
    status: full ? "aggregated" : "incomplete",
    members,
    members_with_value: withValue,
    weight_total: full && aggregation !== "sum" ? sumW : null,
    missing_codes: missing.sort().join(";"),
  };
}

/** code|year|sex → the published value (nulls left out). A key twice is a bug upstream: the loaders check each KPI's key. */
function indexByCodeYearSex(rows: readonly KommunValue[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  for (const r of rows) {
    if (r.value === null) continue;
    const key = `${r.code}|${r.year}|${r.sex}`;
    if (index.has(key)) throw new Error(`aggregateToAreas: two ${what}s for kommun ${r.code}, ${r.year}, ${r.sex}`);
    index.set(key, r.value);
  }
  return index;
}

/** The order arquero's orderby gave strings: UTF-16 code units, not the locale. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
