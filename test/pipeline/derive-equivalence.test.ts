/**
 * The derive step was made faster for 100 KPIs (issue 12, scale): each KPI's
 * kommun values are indexed once by number and shared by every step, member
 * groups are made once per set of years, the förbund rows are sorted by rank,
 * and the event study's bootstrap sums run in tighter loops. Each must return
 * exactly what the code before did (reference/derive-before.ts, aggregating
 * with the arquero reference), to the last bit of every sum.
 *
 * The input is the real snapshot and registry with random gaps punched into
 * values and weights (seeded), plus a KPI over fewer years and one sex, so
 * that the real membership changes, bounded spells and stadsdel areas meet
 * missing values and missing weights.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { checkTotals } from "../../src/pipeline/derive/check-totals";
import { bootstrapCounts, estimateEvents, kommunTimings, MIN_DEFINED_SHARE, mulberry32, toPanel, VARIANTS } from "../../src/pipeline/derive/event-study";
import { foerbundIndicators, foerbundMembersByYear, type FoerbundYearMember } from "../../src/pipeline/derive/foerbund-areas";
import { population16to64 } from "../../src/pipeline/derive/population";
import { populationWeights, type PopulationWeights } from "../../src/pipeline/derive/weights";
import { withWithout } from "../../src/pipeline/derive/with-without";
import { indicatorInfo, type IndicatorInfo } from "../../src/pipeline/indicators";
import { loadSnapshot, type Snapshot } from "../../src/pipeline/load";
import { loadRegistry, type Registry } from "../../src/pipeline/registry";
import type { IndicatorValue } from "../../src/pipeline/schema";
import { checkTotalsBefore, estimateEventsBefore, foerbundIndicatorsBefore, withWithoutBefore } from "./reference/derive-before";

let snapshot: Snapshot;
let registry: Registry;
let members: FoerbundYearMember[];
beforeAll(() => {
  snapshot = loadSnapshot("data/snapshot");
  registry = loadRegistry("data/registry", new Set(snapshot.kommuner.map((k) => k.kommunkod)));
  members = foerbundMembersByYear(registry, 2004, 2022);
});

/** A rate weighted by 16–64, a count, a rate weighted by everyone, and a made-up KPI over 2014–2018, women only. */
const catalog = (): IndicatorInfo[] => [indicatorInfo("N00957"), indicatorInfo("N01951"), indicatorInfo("N31807"), { ...indicatorInfo("N00957"), kpi: "N90957" }];

/** The real values from 2008 on (to keep the arquero reference quick), a share of them emptied; a weight list likewise. */
function punched(seed: number): { values: Map<string, IndicatorValue[]>; weights: PopulationWeights } {
  const r = mulberry32(seed);
  const gap = <T extends { value: number | null }>(rows: readonly T[], share: number): T[] => rows.map((v) => (r() < share ? { ...v, value: null } : v));
  const recent = (kpi: string) => snapshot.values.get(kpi)!.filter((v) => v.year >= 2008);
  const values = new Map<string, IndicatorValue[]>();
  for (const kpi of ["N00957", "N01951", "N31807"]) values.set(kpi, gap(recent(kpi), 0.03));
  values.set("N90957", gap(recent("N00957").filter((v) => v.year >= 2014 && v.year <= 2018 && v.sex === "K"), 0.03));
  const pop = population16to64(snapshot.values.get("N01954")!, snapshot.values.get("N01955")!, snapshot.kommuner.map((k) => k.kommunkod));
  const w = populationWeights(pop, snapshot.values.get("N01951")!);
  // One kommun without any weight in 2015, as when a population is not published.
  const noWeight = (rows: typeof w.pop16to64) => gap(rows, 0.02).filter((v) => !(v.code === "0114" && v.year === 2015));
  return { values, weights: { pop16to64: noWeight(w.pop16to64), popTotal: noWeight(w.popTotal) } };
}

describe("the faster derive step = the code before", () => {
  it("the registry holds what the comparison must cover: bounded members, stadsdel areas, members that move", () => {
    expect(members.some((m) => m.status === "possible")).toBe(true);
    expect(members.some((m) => m.stadsdel !== "")).toBe(true);
    const forbundOf = new Map<string, Set<string>>();
    for (const m of members) forbundOf.set(m.member_code, (forbundOf.get(m.member_code) ?? new Set()).add(m.foerbund_id));
    expect([...forbundOf.values()].some((s) => s.size > 1)).toBe(true);
  });

  for (const seed of [1, 2])
    it(`län/riket check, förbund areas and with/without groups (seed ${seed})`, () => {
      const { values, weights } = punched(seed);
      const kpis = catalog();
      let checks = 0;
      for (const info of kpis) {
        const expected = checkTotalsBefore(info, values.get(info.kpi)!, snapshot.kommuner, weights);
        expect(checkTotals(info, values.get(info.kpi)!, snapshot.kommuner, weights)).toStrictEqual(expected);
        checks += expected.length;
      }
      expect(checks).toBeGreaterThan(1000);
      const areas = foerbundIndicatorsBefore(members, values, weights, kpis);
      expect(areas.filter((a) => a.status === "incomplete").length).toBeGreaterThan(100);
      expect(areas.filter((a) => a.status === "aggregated" && a.membership === "bounded").length).toBeGreaterThan(10);
      expect(foerbundIndicators(members, values, weights, kpis)).toStrictEqual(areas);
      expect(withWithout(registry, values, weights, kpis)).toStrictEqual(withWithoutBefore(registry, values, weights, kpis));
    });

  it("event study: every outcome, weighting and variant, with 40 bootstrap draws", () => {
    const timings = kommunTimings(registry);
    const codes = timings.map((t) => t.code);
    const draws = bootstrapCounts(codes.length, 40);
    const { values, weights } = punched(3);
    let estimates = 0;
    for (const kpi of ["N00957", "N31807"])
      for (const pop of [null, kpi === "N31807" ? weights.popTotal : weights.pop16to64]) {
        const panel = toPanel(codes, values.get(kpi)!.filter((v) => v.level === "kommun"), pop)!;
        for (const variant of VARIANTS) {
          const expected = estimateEventsBefore(panel, timings, variant, draws, MIN_DEFINED_SHARE);
          expect(estimateEvents(panel, timings, variant, draws)).toStrictEqual(expected);
          estimates += expected.filter((e) => e.ci_low !== null).length;
        }
      }
    expect(estimates).toBeGreaterThan(50);
  });
});
