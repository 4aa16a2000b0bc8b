/**
 * The län/riket check, the förbund areas, the with/without groups and the
 * event study's aggregation as they were before the derive step was made
 * faster (issue 12, scale): every value indexed again under string keys for
 * each step, aggregated with the arquero reference, the förbund rows sorted
 * with localeCompare. Kept only as a reference: test/pipeline/derive-equivalence.test.ts
 * checks that the build's versions return exactly what these return.
 */
import { lanOf, toleranceFor, type TotalCheck } from "../../../src/pipeline/derive/check-totals";
import type { FoerbundIndicatorValue, FoerbundYearMember } from "../../../src/pipeline/derive/foerbund-areas";
import type { AreaMember, KommunValue } from "../../../src/pipeline/derive/aggregate";
import { buildCells, type EventEstimate, type KommunTiming, type Panel, type Variant } from "../../../src/pipeline/derive/event-study";
import { groupsOn, GROUPS, type GroupId, type GroupValue } from "../../../src/pipeline/derive/with-without";
import { weightFor, type PopulationWeights } from "../../../src/pipeline/derive/weights";
import type { IndicatorInfo } from "../../../src/pipeline/indicators";
import type { Registry } from "../../../src/pipeline/registry";
import { RIKET_CODE, type IndicatorValue, type Kommun, type Sex } from "../../../src/pipeline/schema";
import { aggregateToAreasArquero as aggregateToAreas } from "./aggregate-arquero";

export function checkTotalsBefore(info: IndicatorInfo, values: readonly IndicatorValue[], kommuner: readonly Kommun[], weights: PopulationWeights): TotalCheck[] {
  const kpi = info.kpi;
  const kommunValues: KommunValue[] = values.filter((v) => v.level === "kommun");
  const years = [...new Set(kommunValues.map((v) => v.year))].sort();
  const members: AreaMember[] = years.flatMap((year) =>
    kommuner.flatMap((k) => [
      { area: `lan:${lanOf(k, year)}`, year, code: k.kommunkod },
      { area: `riket:${RIKET_CODE}`, year, code: k.kommunkod },
    ]),
  );
  const sexes = [...new Set(values.map((v) => v.sex))];
  const recomputed = aggregateToAreas(kommunValues, members, info.aggregation, weightFor(info.aggregation, weights), sexes);
  const published = new Map(values.filter((v) => v.level !== "kommun" && v.value !== null).map((v) => [`${v.level}:${v.code}|${v.year}|${v.sex}`, v.value!]));
  const tolerance = toleranceFor(info);
  const checks: TotalCheck[] = [];
  for (const r of recomputed) {
    const p = published.get(`${r.area}|${r.year}|${r.sex}`);
    if (p === undefined || r.value === null) continue;
    const [level, code] = r.area.split(":") as ["lan" | "riket", string];
    const difference = r.value - p;
    const relative = p === 0 ? (difference === 0 ? 0 : Infinity) : difference / p;
    checks.push({ kpi, level, code, year: r.year, sex: r.sex, published: p, recomputed: r.value, difference, relative_difference: relative, tolerance, within_tolerance: Math.abs(relative) <= tolerance + 1e-12 });
  }
  return checks;
}

export function foerbundIndicatorsBefore(
  members: readonly FoerbundYearMember[],
  values: ReadonlyMap<string, readonly IndicatorValue[]>,
  weights: PopulationWeights,
  indicators: readonly IndicatorInfo[],
): FoerbundIndicatorValue[] {
  const byArea = new Map<string, FoerbundYearMember[]>();
  for (const m of members) {
    const key = `${m.foerbund_id}|${m.year}`;
    if (!byArea.has(key)) byArea.set(key, []);
    byArea.get(key)!.push(m);
  }
  const wholeKommunAreas: AreaMember[] = [];
  const stadsdelAreas = new Set<string>();
  for (const [key, list] of byArea) {
    if (list.some((m) => m.stadsdel !== "")) stadsdelAreas.add(key);
    else for (const m of list) wholeKommunAreas.push({ area: m.foerbund_id, year: m.year, code: m.member_code });
  }
  const out: FoerbundIndicatorValue[] = [];
  for (const info of indicators) {
    const all = values.get(info.kpi) ?? [];
    const kommunValues = all.filter((v) => v.level === "kommun");
    const years = new Set(kommunValues.map((v) => v.year));
    const sexes = [...new Set(kommunValues.map((v) => v.sex))];
    const areaMembers = wholeKommunAreas.filter((m) => years.has(m.year));
    const weight = weightFor(info.aggregation, weights);
    for (const r of aggregateToAreas(kommunValues, areaMembers, info.aggregation, weight, sexes)) {
      const list = byArea.get(`${r.area}|${r.year}`)!;
      const possibleOnly = list.filter((m) => m.status === "possible").length;
      out.push({
        foerbund_id: r.area, kpi: info.kpi, year: r.year, sex: r.sex, value: r.value, status: r.status, membership: possibleOnly ? "bounded" : "certain",
        members: r.members, members_possible_only: possibleOnly, weight_total: r.weight_total, missing_codes: r.missing_codes,
      });
    }
    for (const key of stadsdelAreas) {
      const [foerbund_id, yearText] = key.split("|") as [string, string];
      const year = Number(yearText);
      if (!years.has(year)) continue;
      const list = byArea.get(key)!;
      const possibleOnly = list.filter((m) => m.status === "possible").length;
      for (const sex of sexes)
        out.push({ foerbund_id, kpi: info.kpi, year, sex, value: null, status: "stadsdel_members", membership: possibleOnly ? "bounded" : "certain", members: list.length, members_possible_only: possibleOnly, weight_total: null, missing_codes: "" });
    }
  }
  const SEX: Record<Sex, number> = { T: 0, K: 1, M: 2 };
  return out.sort((a, b) => a.foerbund_id.localeCompare(b.foerbund_id) || a.kpi.localeCompare(b.kpi) || a.year - b.year || SEX[a.sex] - SEX[b.sex]);
}

export function withWithoutBefore(registry: Registry, values: ReadonlyMap<string, readonly IndicatorValue[]>, weights: PopulationWeights, catalog: readonly IndicatorInfo[]): GroupValue[] {
  const groups = groupsOn(registry);
  const out: GroupValue[] = [];
  for (const info of catalog) {
    const kommunValues = (values.get(info.kpi) ?? []).filter((v) => v.level === "kommun");
    const years = [...new Set(kommunValues.map((v) => v.year))];
    const members: AreaMember[] = GROUPS.flatMap((group) => years.flatMap((year) => groups[group].map((code) => ({ area: group, year, code }))));
    const weight = weightFor(info.aggregation, weights);
    const sexes = [...new Set(kommunValues.map((v) => v.sex))];
    for (const r of aggregateToAreas(kommunValues, members, info.aggregation, weight, sexes))
      out.push({ group: r.area as GroupId, kpi: info.kpi, year: r.year, sex: r.sex, value: r.value, status: r.status, members: r.members, missing_codes: r.missing_codes });
  }
  return out;
}

type Cell = ReturnType<typeof buildCells>[number];

function aggregateBefore(cells: readonly Cell[], counts: Int32Array | null, eventTimes: readonly number[]): Float64Array {
  const num = new Float64Array(eventTimes.length);
  const den = new Float64Array(eventTimes.length);
  const pos = new Map(eventTimes.map((e, i) => [e, i]));
  for (const c of cells) {
    let tw = 0, ts = 0, cw = 0, cs = 0;
    for (let j = 0; j < c.treated.length; j++) {
      const w = counts ? c.treatedW[j]! * counts[c.treated[j]!]! : c.treatedW[j]!;
      tw += w;
      ts += w * c.treatedDelta[j]!;
    }
    if (tw === 0) continue;
    for (let j = 0; j < c.control.length; j++) {
      const w = counts ? c.controlW[j]! * counts[c.control[j]!]! : c.controlW[j]!;
      cw += w;
      cs += w * c.controlDelta[j]!;
    }
    if (cw === 0) continue;
    const p = pos.get(c.e)!;
    num[p]! += tw * (ts / tw - cs / cw);
    den[p]! += tw;
  }
  return num.map((n, i) => (den[i]! > 0 ? n / den[i]! : NaN));
}

export function estimateEventsBefore(panel: Panel, timings: readonly KommunTiming[], variant: Variant, draws: readonly Int32Array[], minDefinedShare: number): EventEstimate[] {
  const cells = buildCells(panel, timings, variant);
  const eventTimes = [...new Set(cells.map((c) => c.e))].sort((a, b) => a - b);
  const point = aggregateBefore(cells, null, eventTimes);
  const reps = eventTimes.map(() => [] as number[]);
  for (const counts of draws) aggregateBefore(cells, counts, eventTimes).forEach((v, i) => Number.isFinite(v) && reps[i]!.push(v));
  return eventTimes.flatMap((e, i) => {
    const at = cells.filter((c) => c.e === e);
    const sorted = reps[i]!.sort((a, b) => a - b);
    const enough = draws.length > 0 && sorted.length >= minDefinedShare * draws.length;
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
