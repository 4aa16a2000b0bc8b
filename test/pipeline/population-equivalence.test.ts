/**
 * population16to64 was rewritten from an arquero full join to plain loops for
 * speed. On random inputs (keys in only one part, empty values, län and riket
 * rows, kommuner with no rows at all, rows out of order) and on the real
 * snapshot it must return exactly what the arquero version returned.
 */
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../src/pipeline/derive/event-study";
import { population16to64 } from "../../src/pipeline/derive/population";
import { loadSnapshot } from "../../src/pipeline/load";
import type { IndicatorValue, Sex } from "../../src/pipeline/schema";
import { population16to64Arquero } from "./reference/population-arquero";

function part(r: () => number, kpi: string): IndicatorValue[] {
  const rows: IndicatorValue[] = [];
  const areas: [IndicatorValue["level"], string][] = [["kommun", "0114"], ["kommun", "0115"], ["kommun", "2580"], ["lan", "01"], ["riket", "00"]];
  for (const [level, code] of areas)
    for (let year = 2010; year <= 2014; year++)
      for (const sex of ["T", "K", "M"] as Sex[]) if (r() < 0.8) rows.push({ kpi, level, code, year, sex, value: r() < 0.15 ? null : Math.round(r() * 5000), status: "published", note: "" });
  // Out of order, as a loader may give them.
  return rows.sort(() => r() - 0.5);
}

describe("population16to64 (loops) = the arquero version", () => {
  it("on 60 random cases", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const r = mulberry32(seed);
      const a = part(r, "N01954");
      const b = part(r, "N01955");
      const codes = r() < 0.5 ? [] : ["0114", "0115", "0117", "2580"];
      expect(population16to64(a, b, codes)).toStrictEqual(population16to64Arquero(a, b, codes));
    }
  });

  it("on the real snapshot", () => {
    const snapshot = loadSnapshot("data/snapshot");
    const args = [snapshot.values.get("N01954")!, snapshot.values.get("N01955")!, snapshot.kommuner.map((k) => k.kommunkod)] as const;
    const expected = population16to64Arquero(...args);
    expect(expected.filter((v) => v.status === "not_available").length).toBeGreaterThan(0);
    expect(population16to64(...args)).toStrictEqual(expected);
  });

  it("joins a key given twice in a part as arquero did (the loaders make that impossible, a live import need not)", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const r = mulberry32(seed);
      const twice = (rows: IndicatorValue[]) => [...rows, ...rows.filter(() => r() < 0.2).map((v) => ({ ...v, value: r() < 0.3 ? null : 7 }))].sort(() => r() - 0.5);
      const a = twice(part(r, "N01954"));
      const b = twice(part(r, "N01955"));
      expect(population16to64(a, b, ["0114", "0117"])).toStrictEqual(population16to64Arquero(a, b, ["0114", "0117"]));
      // arquero scans the longer part: the other part longer too.
      const longer = [...b, ...b.slice(0, 5).map((v) => ({ ...v, year: 2009 }))];
      expect(population16to64(a, longer)).toStrictEqual(population16to64Arquero(a, longer));
      expect(population16to64(longer, a)).toStrictEqual(population16to64Arquero(longer, a));
    }
  });
});
