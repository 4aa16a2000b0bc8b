/**
 * The comparison code of a published count against the registry's range, and
 * each kommun's membership status on a day. Numbers are hand-made; the status
 * cases use the small FIXTURE registry of helpers.ts.
 */
import { describe, expect, it } from "vitest";
import { classifyComparison, comparisonWords, membershipStatusOn } from "../../src/pipeline/registry/derive";
import { loadRegistry } from "../../src/pipeline/registry/load";
import { comparisonCodeEnum } from "../../src/pipeline/registry/schema";
import { FIXTURE_KOMMUNER, writeFixture } from "./helpers";

describe("classifyComparison(published, certain, recorded, possible)", () => {
  it.each([
    ["not_comparable", 80, null, 85, 90],
    ["not_comparable", 80, 70, null, null],
    ["below_certain", 60, 70, 85, 90],
    // Below certain wins over every later test, even with no upper bound.
    ["below_certain", 60, 70, 85, null],
    ["above_possible", 95, 70, 85, 90],
    ["above_recorded", 88, 70, 85, 90],
    ["above_recorded", 88, 70, 85, null],
    ["exact", 80, 80, 80, null],
    ["exact", 80, 80, 80, 80],
    ["within_range", 75, 70, 85, 90],
    ["within_range", 70, 70, 85, null],
    ["within_range", 85, 70, 85, 85],
  ] as const)("%s: published %d, certain %s, recorded %s, possible %s", (code, published, certain, recorded, possible) => {
    expect(classifyComparison(published, certain, recorded, possible)).toBe(code);
  });

  it("tests above_possible before above_recorded", () => {
    // 95 is above both the possible (90) and the recorded (85) count.
    expect(classifyComparison(95, 70, 85, 90)).toBe("above_possible");
  });

  it("covers every code of the enum", () => {
    const seen = new Set([classifyComparison(1, null, null, null), classifyComparison(1, 2, 3, 4), classifyComparison(9, 2, 3, 4), classifyComparison(4, 2, 3, null), classifyComparison(2, 2, 2, null), classifyComparison(3, 2, 4, null)]);
    expect([...seen].sort()).toEqual([...comparisonCodeEnum.options].sort());
  });

  it("words each code as the comparison column always has", () => {
    expect(comparisonWords("exact", 80, "", 80, 80, null)).toBe("matches the registry exactly");
    expect(comparisonWords("within_range", 72, "", 22, 83, null)).toBe("within the registry's range 22–83 (the registry cannot decide 61)");
    expect(comparisonWords("above_recorded", 260, "ca", 8, 258, 290)).toBe(
      "approximate published figure; published is 2 above what the registry records (258): förbund or memberships the source counted are not in the registry",
    );
    expect(comparisonWords("below_certain", 60, "", 70, 85, null)).toMatch(/^published is 10 below what the registry proves \(70\)/);
    expect(comparisonWords("above_possible", 95, "", 70, 85, 90)).toMatch(/^published is 5 above the registry's upper bound \(90\)/);
    expect(comparisonWords("not_comparable", 80, "", null, null, null)).toBe("undated figure or no registry coverage for this date: not compared");
  });
});

describe("membershipStatusOn(registry, kommunkoder, date)", () => {
  // FIXTURE: alpha 0114 2005-01-01→2010-01-01; beta 0114 2010-01-01→>=2012-12-31, 0115 <=2011→>=2012-12-31; complete list 2009-12-31.
  const registry = loadRegistry(writeFixture(), FIXTURE_KOMMUNER);
  const codes = [...FIXTURE_KOMMUNER, "9999"];

  it("on a complete-list day: proven member certain, bounded member possible, everyone else not", () => {
    const s = membershipStatusOn(registry, codes, "2009-12-31");
    expect(Object.fromEntries(s)).toEqual({ "0114": "certain", "0115": "possible", "0117": "not", "1480": "not", "9999": "not" });
  });

  it("without a complete list, a kommun with no spell is unknown, not a non-member", () => {
    const s = membershipStatusOn(registry, codes, "2012-06-30");
    expect(Object.fromEntries(s)).toEqual({ "0114": "certain", "0115": "certain", "0117": "unknown", "1480": "unknown", "9999": "not" });
  });

  it("rejects a date that is not an ISO day", () => {
    expect(() => membershipStatusOn(registry, codes, "2012")).toThrow(/ISO day/);
  });
});
