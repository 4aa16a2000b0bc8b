/**
 * aggregateToAreas was rewritten from arquero joins to plain loops for speed.
 * On random inputs (gaps, missing weights, members listed twice, a sex listed
 * twice, areas and codes out of order, non-integer values) it must return
 * exactly what the arquero version returned, to the last bit of every sum.
 */
import { describe, expect, it } from "vitest";
import { aggregateGroups, aggregateToAreas, areaGroups, type AreaMember, type KommunValue } from "../../src/pipeline/derive/aggregate";
import type { Aggregation } from "../../src/pipeline/indicators";
import type { Sex } from "../../src/pipeline/schema";
import { aggregateToAreasArquero } from "./reference/aggregate-arquero";

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function caseFor(seed: number, aggregation: Aggregation) {
  const r = random(seed);
  const codes = Array.from({ length: 12 }, (_, i) => String(2580 - i * 37).padStart(4, "0"));
  const years = [2011, 2009, 2010];
  const sexes: Sex[] = r() < 0.2 ? ["T", "M", "T"] : r() < 0.5 ? ["M", "K", "T"] : ["T"];
  const cells = (nullShare: number, scale: number): KommunValue[] =>
    codes.flatMap((code) => years.flatMap((year) => (["T", "K", "M"] as Sex[]).filter(() => r() > 0.05).map((sex) => ({ code, year, sex, value: r() < nullShare ? null : Math.round(r() * scale * 1000) / 1000 + r() / 7 }))));
  const members: AreaMember[] = [];
  for (const area of ["lan:03", "f-b", "lan:01", "riket:00", "f-a"])
    for (const year of years) for (const code of codes) if (r() < 0.6) for (let t = r() < 0.05 ? 2 : 1; t > 0; t--) members.push({ area, year, code });
  return { values: cells(0.1, 90), members, weights: aggregation === "sum" ? [] : cells(0.05, 40_000), sexes };
}

describe("aggregateToAreas (loops) = the arquero version", () => {
  for (const aggregation of ["sum", "weighted_pop_16_64", "weighted_pop_total"] as const)
    it(`${aggregation}: 40 random cases`, () => {
      let groups = 0;
      for (let seed = 1; seed <= 40; seed++) {
        const c = caseFor(seed * 101 + aggregation.length, aggregation);
        const expected = aggregateToAreasArquero(c.values, c.members, aggregation, c.weights, c.sexes);
        expect(aggregateToAreas(c.values, c.members, aggregation, c.weights, c.sexes)).toStrictEqual(expected);
        groups += expected.length;
      }
      expect(groups).toBeGreaterThan(1000);
    });

  it("aggregateGroups over a whole KPI list (län and riket rows left out) and over a subset of years' groups", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const c = caseFor(seed * 7, "weighted_pop_16_64");
      const expected = aggregateToAreasArquero(c.values, c.members, "weighted_pop_16_64", c.weights, c.sexes);
      // A KPI's list holds län and riket rows too, with codes that must not be read as kommuner.
      const whole = [...c.values.map((v) => ({ ...v, level: "kommun" })), ...c.values.slice(0, 9).map((v) => ({ ...v, level: "lan", value: 1e9 }))];
      expect(aggregateGroups(whole, areaGroups(c.members), "weighted_pop_16_64", c.weights, c.sexes)).toStrictEqual(expected);
      const years = new Set([2009, 2011]);
      const subset = areaGroups(c.members).filter((g) => years.has(g.year));
      expect(aggregateGroups(whole, subset, "weighted_pop_16_64", c.weights, c.sexes)).toStrictEqual(
        aggregateToAreasArquero(c.values, c.members.filter((m) => years.has(m.year)), "weighted_pop_16_64", c.weights, c.sexes),
      );
    }
  });

  it("indexes a list once, and again when its length changed", () => {
    const values: KommunValue[] = [{ code: "0114", year: 2020, sex: "T", value: 1 }];
    const members = [{ area: "x", year: 2020, code: "0114" }, { area: "x", year: 2020, code: "0115" }];
    expect(aggregateToAreas(values, members, "sum", [], ["T"])[0]).toMatchObject({ value: null, missing_codes: "0115" });
    values.push({ code: "0115", year: 2020, sex: "T", value: 2 });
    expect(aggregateToAreas(values, members, "sum", [], ["T"])[0]).toMatchObject({ value: 3, status: "aggregated" });
  });

  it("reads an empty value and a value for the same kommun, year and sex as one value, as before", () => {
    const values: KommunValue[] = [{ code: "0114", year: 2020, sex: "T", value: null }, { code: "0114", year: 2020, sex: "T", value: 4 }];
    const members = [{ area: "x", year: 2020, code: "0114" }];
    expect(aggregateToAreas(values, members, "sum", [], ["T"])).toStrictEqual(aggregateToAreasArquero(values, members, "sum", [], ["T"]));
  });

  it("refuses two values for the same kommun, year and sex (the loaders make that impossible)", () => {
    const v = { code: "0114", year: 2020, sex: "T" as const, value: 1 };
    expect(() => aggregateToAreas([v, v], [{ area: "x", year: 2020, code: "0114" }], "sum", [], ["T"])).toThrow(/two values for kommun 0114, 2020, T/);
    expect(() => aggregateToAreas([v], [{ area: "x", year: 2020, code: "0114" }], "weighted_pop_total", [v, { ...v }], ["T"])).toThrow(/two weights for kommun 0114, 2020, T/);
  });
});
