/**
 * Aggregate kommun values to larger areas (förbund areas, län, riket).
 * Rates are weighted means (Σ value·weight / Σ weight); counts are
 * sums. An aggregate is only given when every member kommun has both a value
 * and a weight that year: a partial sum or mean would silently describe a
 * different area, so it stays missing ("incomplete") and names what is lacking.
 */
import type { Aggregation } from "../indicators";
import type { Sex } from "../schema";
import { kommunIndex, slotOf, valueAt, type IndexableValue, type KommunIndex } from "./kommun-index";

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
 * Rows carrying a level other than kommun are not read; a län or riket code
 * (2 characters) never matched a member kommun (4) anyway.
 */
export function aggregateToAreas(
  values: readonly KommunValue[],
  members: readonly AreaMember[],
  aggregation: Aggregation,
  weights: readonly KommunValue[] = [],
  sexes: readonly Sex[] = ["T", "K", "M"],
): AreaAggregate[] {
  if (members.length === 0) return [];
  return aggregateGroups(values, areaGroups(members), aggregation, weights, sexes);
}

/** The members of one area in one year, in code order (a member listed twice stays twice). */
export interface AreaGroup {
  area: string;
  year: number;
  codes: readonly string[];
}

/**
 * Members grouped by area and year, ordered by area (code units) and year.
 * A grouping depends only on the members, so a caller aggregating many KPIs
 * over the same members groups them once and passes the groups to aggregateGroups.
 */
export function areaGroups(members: readonly AreaMember[]): AreaGroup[] {
  const groups = new Map<string, { area: string; year: number; codes: string[] }>();
  for (const m of members) {
    const key = `${m.area}\u0000${m.year}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { area: m.area, year: m.year, codes: [] }));
    g.codes.push(m.code);
  }
  const sorted = [...groups.values()].sort((a, b) => byCodeUnits(a.area, b.area) || a.year - b.year);
  for (const g of sorted) g.codes.sort(byCodeUnits);
  return sorted;
}

/**
 * aggregateToAreas over grouped members. `values` and `weights` may hold
 * rows of other levels (a KPI's whole list): only kommun rows are read, and
 * each list is indexed once however often it is aggregated (kommun-index.ts).
 */
export function aggregateGroups(
  values: readonly IndexableValue[],
  groups: readonly AreaGroup[],
  aggregation: Aggregation,
  weights: readonly IndexableValue[] = [],
  sexes: readonly Sex[] = ["T", "K", "M"],
): AreaAggregate[] {
  const out: AreaAggregate[] = [];
  forEachAggregate(values, groups, aggregation, weights, sexes, (a) =>
    out.push({ area: a.area, year: a.year, sex: a.sex, value: a.value, status: a.status, members: a.members, members_with_value: a.members_with_value, weight_total: a.weight_total, missing_codes: a.missing_codes }),
  );
  return out;
}

/**
 * aggregateGroups, handing each aggregate to `visit` in the same order
 * instead of returning a list. `visit` gets one object, overwritten for the
 * next aggregate: a caller that builds its own row from it (the förbund areas,
 * the län/riket check) makes no second object per aggregate, which at 100
 * KPIs is some 700 000 objects of garbage fewer.
 */
export function forEachAggregate(
  values: readonly IndexableValue[],
  groups: readonly AreaGroup[],
  aggregation: Aggregation,
  weights: readonly IndexableValue[],
  sexes: readonly Sex[],
  visit: (aggregate: Readonly<AreaAggregate>) => void,
): void {
  if (groups.length === 0) return;
  if (aggregation !== "sum" && weights.length === 0) throw new Error(`aggregation ${aggregation} needs weights`);
  const valueIndex = checkedIndex(values, "value");
  const weightIndex = aggregation === "sum" ? null : checkedIndex(weights, "weight");
  const sexOrder = [...sexes].sort(byCodeUnits);
  const valueRows: (Float64Array | undefined)[] = [];
  const weightRows: (Float64Array | undefined)[] = [];
  const current: AreaAggregate = { area: "", year: 0, sex: "T", value: null, status: "incomplete", members: 0, members_with_value: 0, weight_total: null, missing_codes: "" };
  for (const g of groups) {
    // Each member's arrays are looked up once per group, not once per sex.
    valueRows.length = weightRows.length = g.codes.length;
    for (let i = 0; i < g.codes.length; i++) {
      valueRows[i] = valueIndex.byCode.get(g.codes[i]!);
      if (weightIndex) weightRows[i] = weightIndex.byCode.get(g.codes[i]!);
    }
    // A sex listed twice doubles the group's rows, as arquero's cross join did; the sums are taken over all of them.
    for (let s = 0; s < sexOrder.length; s++) {
      const sex = sexOrder[s]!;
      if (s > 0 && sexOrder[s - 1] === sex) continue;
      let times = 1;
      while (sexOrder[s + times] === sex) times++;
      aggregateGroup(current, g, sex, times, valueIndex, valueRows, weightIndex, weightRows, aggregation);
      visit(current);
    }
  }
}

/** One (area, year, sex) into `out`: members in code order, each `times` times. */
function aggregateGroup(
  out: AreaAggregate,
  g: AreaGroup,
  sex: Sex,
  times: number,
  valueIndex: KommunIndex,
  valueRows: readonly (Float64Array | undefined)[],
  weightIndex: KommunIndex | null,
  weightRows: readonly (Float64Array | undefined)[],
  aggregation: Aggregation,
): void {
  let withValue = 0;
  let sumValue = 0;
  let sumVw = 0;
  let sumW = 0;
  let missing: string[] | null = null;
  // Where this year and sex sit in every member's array (−1: outside the list's years, so no value).
  const valueSlot = slotOf(valueIndex, g.year, sex);
  const weightSlot = weightIndex ? slotOf(weightIndex, g.year, sex) : -1;
  for (let i = 0; i < g.codes.length; i++) {
    const value = valueAt(valueRows[i], valueSlot);
    const weight = weightIndex ? valueAt(weightRows[i], weightSlot) : 1;
    const ok = Number.isFinite(value) && Number.isFinite(weight);
    for (let t = 0; t < times; t++) {
      if (ok) {
        withValue++;
        sumValue += value;
        sumVw += value * weight;
        sumW += weight;
      } else (missing ??= []).push(g.codes[i]!);
    }
  }
  const members = g.codes.length * times;
  const full = members === withValue;
  out.area = g.area;
  out.year = g.year;
  out.sex = sex;
  out.value = !full ? null : aggregation === "sum" ? sumValue : sumVw / sumW;
  out.status = full ? "aggregated" : "incomplete";
  out.members = members;
  out.members_with_value = withValue;
  out.weight_total = full && aggregation !== "sum" ? sumW : null;
  out.missing_codes = missing === null ? "" : missing.sort().join(";");
}

/** The index of a list; a key given twice is a bug upstream (the loaders check each KPI's key), so it stops here. */
function checkedIndex(rows: readonly IndexableValue[], what: string): KommunIndex {
  const index = kommunIndex(rows);
  const d = index.duplicate;
  if (d) throw new Error(`aggregateToAreas: two ${what}s for kommun ${d.code}, ${d.year}, ${d.sex}`);
  return index;
}

/** The order arquero's orderby gave strings: UTF-16 code units, not the locale. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
