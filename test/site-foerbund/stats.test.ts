/** Ranks and yearly changes on small hand-made FIXTURE values. */
import { describe, expect, it } from "vitest";
import { rankInWords, rankOf } from "../../src/site/foerbund/ranking";
import { changeSincePrevious, compareWord, sameMembers, signedNumber } from "../../src/site/foerbund/stats";

const FIXTURE = [
  { id: "a", value: 30.04 },
  { id: "b", value: 25.0 },
  { id: "c", value: 29.96 }, // shown as 30,0 like a → tie
  { id: "d", value: null }, // missing: not ranked, not counted
  { id: "e", value: 20.0 },
];

describe("rankOf", () => {
  it("ranks highest first and counts only förbund with a value", () => {
    expect(rankOf(FIXTURE, "b", 1)).toEqual({ rank: 3, of: 4, tiedWith: 0 });
    expect(rankOf(FIXTURE, "e", 1)).toEqual({ rank: 4, of: 4, tiedWith: 0 });
  });
  it("gives equal shown values the same rank", () => {
    expect(rankOf(FIXTURE, "a", 1)).toEqual({ rank: 1, of: 4, tiedWith: 1 });
    expect(rankOf(FIXTURE, "c", 1)).toEqual({ rank: 1, of: 4, tiedWith: 1 });
    // With two decimals they differ.
    expect(rankOf(FIXTURE, "c", 2)).toEqual({ rank: 2, of: 4, tiedWith: 0 });
  });
  it("does not rank a missing value or an unknown id", () => {
    expect(rankOf(FIXTURE, "d", 1)).toBeNull();
    expect(rankOf(FIXTURE, "zz", 1)).toBeNull();
  });
  it("says ranks in words", () => {
    expect(rankInWords({ rank: 1, of: 4, tiedWith: 1 })).toBe("högst av 4 (delad)");
    expect(rankInWords({ rank: 4, of: 4, tiedWith: 0 })).toBe("lägst av 4");
    expect(rankInWords({ rank: 3, of: 4, tiedWith: 1 })).toBe("lägst av 4 (delad)");
    expect(rankInWords({ rank: 12, of: 74, tiedWith: 0 })).toBe("plats 12 av 74");
    expect(rankInWords({ rank: 1, of: 1, tiedWith: 0 })).toBe("enda förbundet med värde");
  });
});

describe("changeSincePrevious", () => {
  const points = [
    { year: 2010, value: 30 },
    { year: 2011, value: 28.5 },
    { year: 2012, value: null },
    { year: 2013, value: 27 },
  ];
  it("is the difference to the year before", () => {
    expect(changeSincePrevious(points, 2011)).toEqual({ year: 2011, previousYear: 2010, value: 28.5, previous: 30, change: -1.5 });
  });
  it("is null when either year is missing — never a change from an older year or from zero", () => {
    expect(changeSincePrevious(points, 2012)).toBeNull();
    expect(changeSincePrevious(points, 2013)).toBeNull();
    expect(changeSincePrevious(points, 2010)).toBeNull();
  });
  it("formats signs and comparisons at the shown precision", () => {
    expect(signedNumber(-1.5, 1)).toBe("\u22121,5");
    expect(signedNumber(0.04, 1)).toBe("±0,0");
    expect(signedNumber(1234.2, 0)).toBe("+1\u00a0234");
    expect(compareWord(26.84, 26.8, 1)).toBe("samma som");
    expect(compareWord(26.9, 26.8, 1)).toBe("högre än");
    expect(sameMembers(["0114", "0115"], ["0115", "0114"])).toBe(true);
    expect(sameMembers(["0114"], ["0114", "0115"])).toBe(false);
  });
});
