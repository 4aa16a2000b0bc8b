/** Aggregation arithmetic, checked against examples computed by hand. */
import { describe, expect, it } from "vitest";
import { aggregateToAreas, type KommunValue } from "../../src/pipeline/derive/aggregate";
import { checkTotals, lanOf } from "../../src/pipeline/derive/check-totals";
import { indicatorInfo } from "../../src/pipeline/indicators";
import { population16to64 } from "../../src/pipeline/derive/population";
import type { IndicatorValue } from "../../src/pipeline/schema";

const kv = (code: string, year: number, value: number | null, sex: "T" | "K" | "M" = "T"): KommunValue => ({ code, year, sex, value });
const iv = (kpi: string, level: IndicatorValue["level"], code: string, year: number, value: number | null, sex: IndicatorValue["sex"] = "T"): IndicatorValue => ({
  kpi, level, code, year, sex, value, status: "published", note: "",
});

describe("aggregateToAreas", () => {
  it("weights a rate by population: (30·1000 + 20·3000) / 4000 = 22.5", () => {
    const [r] = aggregateToAreas([kv("0114", 2015, 30), kv("0115", 2015, 20)], [{ area: "f", year: 2015, code: "0114" }, { area: "f", year: 2015, code: "0115" }], "weighted_pop_16_64", [kv("0114", 2015, 1000), kv("0115", 2015, 3000)], ["T"]);
    expect(r).toMatchObject({ area: "f", year: 2015, sex: "T", value: 22.5, status: "aggregated", members: 2, members_with_value: 2, weight_total: 4000 });
  });

  it("differs from the unweighted mean (Kolada's group average would say 25)", () => {
    const [r] = aggregateToAreas([kv("a", 1, 30), kv("b", 1, 20)], [{ area: "x", year: 1, code: "a" }, { area: "x", year: 1, code: "b" }], "weighted_pop_total", [kv("a", 1, 1), kv("b", 1, 3)], ["T"]);
    expect(r!.value).toBe(22.5);
  });

  it("sums counts: 1200 + 34 + 5 = 1239", () => {
    const m = ["a", "b", "c"].map((code) => ({ area: "x", year: 2020, code }));
    const [r] = aggregateToAreas([kv("a", 2020, 1200), kv("b", 2020, 34), kv("c", 2020, 5)], m, "sum", [], ["T"]);
    expect(r).toMatchObject({ value: 1239, status: "aggregated", weight_total: null });
  });

  it("gives no value, and names the gap, when a member lacks a value or a weight", () => {
    const m = ["a", "b", "c"].map((code) => ({ area: "x", year: 2020, code }));
    const rows = aggregateToAreas([kv("a", 2020, 10), kv("b", 2020, null)], m, "weighted_pop_16_64", [kv("a", 2020, 5), kv("b", 2020, 5), kv("c", 2020, 5)], ["T"]);
    expect(rows).toEqual([{ area: "x", year: 2020, sex: "T", value: null, status: "incomplete", members: 3, members_with_value: 1, weight_total: null, missing_codes: "b;c" }]);
    const noWeight = aggregateToAreas([kv("a", 2020, 10)], [{ area: "y", year: 2020, code: "a" }], "weighted_pop_16_64", [kv("z", 2020, 1)], ["T"]);
    expect(noWeight[0]).toMatchObject({ value: null, status: "incomplete", missing_codes: "a" });
  });

  it("joins on the membership of each year and weights each sex by its own population", () => {
    const members = [
      { area: "f", year: 2014, code: "a" },
      { area: "f", year: 2015, code: "a" },
      { area: "f", year: 2015, code: "b" }, // b joins in 2015
    ];
    const values = [kv("a", 2014, 10, "K"), kv("a", 2015, 10, "K"), kv("b", 2014, 40, "K"), kv("b", 2015, 40, "K")];
    const weights = [kv("a", 2014, 100, "K"), kv("a", 2015, 100, "K"), kv("b", 2014, 300, "K"), kv("b", 2015, 100, "K")];
    const rows = aggregateToAreas(values, members, "weighted_pop_16_64", weights, ["K"]);
    expect(rows.map((r) => [r.year, r.value])).toEqual([
      [2014, 10], // only a: b's 40 must not leak into the year before it joined
      [2015, 25], // (10·100 + 40·100) / 200
    ]);
  });
});

describe("population16to64", () => {
  it("adds 16–19 and 20–64, and leaves the sum missing when a part is missing", () => {
    const rows = population16to64(
      [iv("N01954", "kommun", "0114", 2020, 2000), iv("N01954", "kommun", "0115", 2020, 1500)],
      [iv("N01955", "kommun", "0114", 2020, 25000), iv("N01955", "kommun", "0115", 2020, null)],
    );
    expect(rows).toEqual([
      { level: "kommun", code: "0114", year: 2020, sex: "T", value: 27000, status: "derived", note: "" },
      { level: "kommun", code: "0115", year: 2020, sex: "T", value: null, status: "not_available", note: "N01955 (20–64 år) saknas" },
    ]);
  });
});

describe("checkTotals", () => {
  const kommuner = [
    { kommunkod: "0114", name: "A", lanskod: "01" },
    { kommunkod: "0115", name: "B", lanskod: "01" },
    { kommunkod: "0331", name: "Heby", lanskod: "03" },
  ];
  it("recomputes a län as the sum of its kommuner and reports the difference", () => {
    const values = [iv("N01951", "kommun", "0114", 2020, 100), iv("N01951", "kommun", "0115", 2020, 50), iv("N01951", "lan", "01", 2020, 151)];
    const [c] = checkTotals(indicatorInfo("N01951"), values, kommuner, { pop16to64: [], popTotal: [] }).filter((x) => x.level === "lan" && x.code === "01");
    expect(c).toMatchObject({ published: 151, recomputed: 150, difference: -1 });
    expect(c!.relative_difference).toBeCloseTo(-1 / 151, 12);
    expect(c!.within_tolerance).toBe(false); // counts allow 0.5 %, this is 0.66 %
  });

  it("counts Heby in Västmanlands län until 2005 and in Uppsala län from 2006", () => {
    expect(lanOf(kommuner[2]!, 2005)).toBe("19");
    expect(lanOf(kommuner[2]!, 2006)).toBe("03");
    expect(lanOf(kommuner[0]!, 1995)).toBe("01");
  });

  it("weights rates by population 16–64 for the riket: (20·300 + 40·100 + 10·100) / 500 = 22", () => {
    const values = [iv("N00957", "kommun", "0114", 2020, 20), iv("N00957", "kommun", "0115", 2020, 40), iv("N00957", "kommun", "0331", 2020, 10), iv("N00957", "riket", "00", 2020, 22)];
    const pop = [kv("0114", 2020, 300), kv("0115", 2020, 100), kv("0331", 2020, 100)];
    const riket = checkTotals(indicatorInfo("N00957"), values, kommuner, { pop16to64: pop, popTotal: [] }).find((x) => x.level === "riket");
    expect(riket).toMatchObject({ published: 22, recomputed: 22, difference: 0, within_tolerance: true });
  });
});
