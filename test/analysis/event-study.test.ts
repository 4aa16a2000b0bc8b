/**
 * The event study on SYNTHETIC panels: an invented registry of 80 kommuner and
 * invented outcome values with a known effect. Nothing here is real data.
 */
import { describe, expect, it } from "vitest";
import {
  bootstrapCounts, buildCells, eventStudy, kommunTimings, mulberry32, toPanel, VARIANTS, type KommunYearValue,
} from "../../src/pipeline/derive/event-study";
import { parseDateBound, type Registry } from "../../src/pipeline/registry";

const JOIN_YEARS = [2006, 2008, 2010, 2012];
const codes = Array.from({ length: 80 }, (_, i) => String(1100 + i));
// 0–39: join on 1 March of a known year; 40–49: bounded join 2007..2011; 50–54: start unbounded; 55–79: never members (complete list 2015-04).
const joinYear = (i: number) => (i < 40 ? JOIN_YEARS[i % 4]! : null);

function spell(code: string, from: string, to = ">=2015-04") {
  return { foerbund_id: "fixture", member_code: code, stadsdel: "", from: parseDateBound(from), to: parseDateBound(to), source_ids: ["fixture"], note: "", row: 2 };
}

function fixtureRegistry(): Registry {
  const spells = codes.flatMap((c, i) => (i < 40 ? [spell(c, `${joinYear(i)}-03-01`)] : i < 50 ? [spell(c, "2007..2011")] : i < 55 ? [spell(c, "<=2015-04")] : []));
  return {
    sources: [], foerbund: [], names: [], spells,
    completeLists: [{ id: "fixture-list", date: parseDateBound("2015-04"), scope: "riket", source_id: "fixture", note: "", row: 2 }],
    kommunCodes: new Set(codes), predecessors: new Map(),
  } as unknown as Registry;
}

/** y = kommun level + common year shock + small noise + `effect(e)` from the join year on (known-year joiners only). */
function panel(effect: (e: number) => number, seed = 7): Map<string, KommunYearValue[]> {
  const rand = mulberry32(seed);
  const shocks = new Map<number, number>();
  for (let y = 2001; y <= 2022; y++) shocks.set(y, 10 * rand() - 5);
  const rows: KommunYearValue[] = [];
  codes.forEach((code, i) => {
    const level = 20 + 30 * rand();
    for (let y = 2001; y <= 2022; y++) {
      const g = joinYear(i);
      const fx = g !== null && y >= g ? effect(y - g) : 0;
      rows.push({ code, year: y, sex: "T", value: level + shocks.get(y)! + fx + 0.2 * (rand() - 0.5) });
    }
  });
  return new Map([["N00957", rows]]);
}

const population = codes.flatMap((code, i) => Array.from({ length: 22 }, (_, j) => ({ code, year: 2001 + j, sex: "T" as const, value: 1000 + 100 * i })));
const pop = { pop16to64: population, popTotal: population };
const registry = fixtureRegistry();
const TOL = 0.15; // noise is ±0.1 per value, so a change is within ±0.2 and a mean of ≥ 10 kommuner well within 0.15
const main = (rows: ReturnType<typeof eventStudy>["rows"], weighting = "lika") => rows.filter((r) => r.indicator === "ohalsotal" && r.variant === "huvud" && r.weighting === weighting);

describe("event study on synthetic panels", () => {
  it("classifies the fixture kommuner by what the registry knows", () => {
    const t = kommunTimings(registry);
    expect(t.filter((x) => x.status === "ar-kant")).toHaveLength(40);
    expect(t.filter((x) => x.status === "intervall")).toHaveLength(10);
    expect(t.filter((x) => x.status === "start-obegransad")).toHaveLength(5);
    expect(t.filter((x) => x.status === "utanfor-enligt-lista")).toHaveLength(25);
    expect(t.find((x) => x.code === "1100")).toMatchObject({ treatment_year: 2006, control_last_year: 2005 });
    // Outside in April 2015 by the list, so a comparison through 2014 only.
    expect(t.find((x) => x.code === "1179")).toMatchObject({ treatment_year: null, control_last_year: 2014 });
  });

  it("recovers a known effect of 0", () => {
    const { rows } = eventStudy(registry, panel(() => 0), pop, 99);
    for (const weighting of ["lika", "befolkning"]) {
      const r = main(rows, weighting);
      expect(r.map((x) => x.event_time)).toEqual(expect.arrayContaining([-5, -3, 0, 3, 5, 8]));
      for (const x of r) expect(Math.abs(x.estimate)).toBeLessThan(TOL);
    }
  });

  it("recovers a step of −2 from event time 0, with pre-join estimates near 0", () => {
    const { rows } = eventStudy(registry, panel((e) => (e >= 0 ? -2 : 0)), pop, 99);
    for (const x of main(rows)) {
      const truth = x.event_time >= 0 ? -2 : 0;
      expect(Math.abs(x.estimate - truth), `e=${x.event_time}`).toBeLessThan(TOL);
      if (x.ci_low !== null) {
        expect(x.ci_low).toBeLessThanOrEqual(x.estimate);
        expect(x.ci_high!).toBeGreaterThanOrEqual(x.estimate);
      }
    }
    // The placebo uses only years before the real join, so it sees no step.
    for (const x of rows.filter((r) => r.variant === "placebo" && r.weighting === "lika")) expect(Math.abs(x.estimate)).toBeLessThan(TOL);
  });

  it("detects a trend that is not parallel before the join", () => {
    // Joiners drift upward 0.5 a year until they join: the pre-join estimates must show it, not hide it.
    // Truth at e = −3 is −1.0 against never-members; later joiners in the comparison drift too, so the estimate is smaller but clearly below 0.
    const { rows } = eventStudy(registry, panel(() => 0), pop, 0);
    const drift = panel(() => 0);
    for (const v of drift.get("N00957")!) {
      const g = joinYear(codes.indexOf(v.code));
      if (g !== null) v.value = v.value! + 0.5 * Math.min(v.year - g, 0);
    }
    const drifted = main(eventStudy(registry, drift, pop, 0).rows);
    expect(drifted.find((x) => x.event_time === -3)!.estimate).toBeLessThan(-0.5);
    expect(main(rows).find((x) => x.event_time === -3)!.estimate).toBeGreaterThan(-TOL);
  });

  it("never puts a bounded-join kommun in a treated group of huvud, and never makes a kommun its own control", () => {
    const timings = kommunTimings(registry);
    const p = toPanel(codes, panel(() => 0).get("N00957")!, null)!;
    const bounded = new Set(timings.filter((t) => t.status !== "ar-kant").map((t) => codes.indexOf(t.code)));
    for (const variant of VARIANTS) {
      const cells = buildCells(p, timings, variant);
      expect(cells.length).toBeGreaterThan(0);
      for (const c of cells) {
        const treated = new Set(c.treated);
        for (const k of c.control) expect(treated.has(k)).toBe(false);
        if (variant === "huvud" || variant === "placebo") for (const k of c.treated) expect(bounded.has(k)).toBe(false);
      }
    }
    // The bounds do let the 10 interval kommuner in.
    const tidigast = new Set(buildCells(p, timings, "bunden-tidigast").flatMap((c) => [...c.treated]));
    expect([...bounded].filter((k) => tidigast.has(k))).toHaveLength(10);
  });

  it("gives byte-identical output for the same seed, and different draws for another seed", () => {
    const a = JSON.stringify(eventStudy(registry, panel((e) => (e >= 0 ? -2 : 0)), pop, 49));
    const b = JSON.stringify(eventStudy(registry, panel((e) => (e >= 0 ? -2 : 0)), pop, 49));
    expect(a).toBe(b);
    expect(bootstrapCounts(80, 3, 1)).toEqual(bootstrapCounts(80, 3, 1));
    expect(bootstrapCounts(80, 3, 1)).not.toEqual(bootstrapCounts(80, 3, 2));
  });
});
