import { describe, it, expect } from "vitest";
import { loadRegistry, loadNationalCounts } from "../../src/pipeline/registry/load";
import { compareWithPublished, coverageByYear, coverageForCounts, coverageOn, membershipOn, registryOnDay } from "../../src/pipeline/registry/derive";
import { FIXTURE_KOMMUNER, writeFixture } from "./helpers";

/**
 * FIXTURE registry with hand-checked expectations (kommuner 0114=A, 0115=B, 0117=C, 1480=D):
 *   alpha  2005-01-01 → 2010-01-01 (merged into beta)      A 2005-01-01 → 2010-01-01
 *   beta   2010-01-01 → >=2012-12-31                       A 2010-01-01 → >=2012-12-31;  B <=2011 → >=2012-12-31
 *   gamma  >=2011-06 → (unknown end)                       C >=2011-06 → >=2011-06   (never certain)
 *   delta  2008 → >=2012 (stadsdel förbund)                D/Norr 2008 → >=2012;  D/Syd <=2012-06 → >=2012
 * A complete national list exists only for 2009-12-31 (and Stockholms län-like scope "01" on 2010-12-31),
 * so a kommun with no spell is a certain non-member on those days and unknown on all others.
 */
const files = {
  "foerbund.csv": [
    "id,kind,lan_codes,founded,ended,end_reason,successor_ids,source_ids,note",
    "alpha,en_kommun,01,2005-01-01,2010-01-01,merged,beta,src-a,",
    "beta,flera_kommuner,01,2010-01-01,>=2012-12-31,,,src-a,",
    "gamma,en_kommun,01,>=2011-06,,,,src-a,",
    "delta,stadsdelar,14,2008,>=2012,,,src-a,",
  ],
  "names.csv": [
    "foerbund_id,name,from,to,source_ids",
    "alpha,Alpha,2005-01-01,2010-01-01,src-a",
    "beta,Beta,2010-01-01,>=2012-12-31,src-a",
    "gamma,Gamma,>=2011-06,>=2011-06,src-a",
    "delta,Delta,2008,>=2012,src-a",
  ],
  "spells.csv": [
    "foerbund_id,member_code,stadsdel,from,to,source_ids,note",
    "alpha,0114,,2005-01-01,2010-01-01,src-a,",
    "beta,0114,,2010-01-01,>=2012-12-31,src-a,",
    "beta,0115,,<=2011,>=2012-12-31,src-a,",
    "gamma,0117,,>=2011-06,>=2011-06,src-a,",
    "delta,1480,Norr,2008,>=2012,src-a,",
    "delta,1480,Syd,<=2012-06,>=2012,src-a,",
  ],
  "complete_lists.csv": [
    "id,date,scope,source_id,note",
    "list-2009,2009-12-31,riket,src-a,",
    "list-2010-01,2010-12-31,01,src-a,",
  ],
  "national_counts.csv": [
    "id,reference_date,scope,metric,value,qualifier,source_id,quote",
    "x-2009-f,2009,riket,foerbund_count,2,,src-a,two",
    "x-2009-k,2009,riket,member_kommuner,4,,src-a,four",
    "x-2011-f,2011-12-31,riket,foerbund_count,1,ca,src-b,about one",
    "x-2011-k,2011-12,riket,member_kommuner,3,,src-b,three",
    "x-2009-n,2009,riket,non_member_kommuner,1,,src-a,one outside",
    "x-2010-lan,2010,01,member_kommuner,2,,src-a,two in län 01",
    "x-undated,>=2012,riket,foerbund_count,5,drygt,src-a,an undated page",
  ],
};
const reg = loadRegistry(writeFixture(files), FIXTURE_KOMMUNER);
const pop = new Map<string, number>([
  ["0114|2009", 100], ["0115|2009", 50], ["0117|2009", 30], ["1480|2009", 20],
  ["0114|2011", 100], ["0115|2011", 50], ["1480|2011", 20], // 0117 missing in 2011
]);

describe("membershipOn (FIXTURE)", () => {
  it("gives certain / possible / no per spell", () => {
    const s = membershipOn(reg, "2009-12-31").map((x) => `${x.spell.foerbund_id}:${x.spell.member_code}${x.spell.stadsdel}:${x.status}`);
    expect(s).toEqual([
      "alpha:0114:certain",
      "beta:0114:no",
      "beta:0115:possible",
      "gamma:0117:no",
      "delta:1480Norr:certain",
      "delta:1480Syd:possible",
    ]);
  });
  it("rejects a non-day date", () => {
    expect(() => membershipOn(reg, "2009")).toThrow(/^expected an ISO day \(YYYY-MM-DD\), got "2009"$/);
  });
});

describe("coverage (FIXTURE, hand-checked)", () => {
  it("31 Dec 2009", () => {
    expect(coverageOn(reg, "2009-12-31", pop)).toEqual({
      year: 2009,
      reference_date: "2009-12-31",
      scope: "riket",
      foerbund_count_certain: 2, // alpha, delta
      foerbund_count_possible: 2,
      member_kommuner_certain: 2, // A, D
      member_kommuner_possible: 3, // + B (start only bounded by <=2011)
      member_kommuner_unrecorded: 0,
      kommuner_without_certain: 1, // C: no spell, and the complete list covers the day
      complete_list: true,
      share_pop_16_64_certain: 0.6, // (100 + 20) / 200
      share_pop_16_64_possible: 0.85, // (100 + 50 + 20) / 200
      spells_exact: 2,
      spells_bounded: 2,
    });
  });
  it("yearly rows 2009–2013 with null shares where population is missing", () => {
    const rows = coverageByYear(reg, pop, 2009, 2013);
    expect(rows.map((r) => r.reference_date)).toEqual(["2009-12-31", "2010-12-31", "2011-12-31", "2012-12-31", "2013-12-31"]);
    const y2011 = rows[2]!;
    expect(y2011).toMatchObject({
      foerbund_count_certain: 2, // beta, delta
      foerbund_count_possible: 3, // + gamma (founded >=2011-06, never certain)
      member_kommuner_certain: 3, // A, B, D
      member_kommuner_possible: 4,
      kommuner_without_certain: 0,
      share_pop_16_64_certain: null,
      share_pop_16_64_possible: null,
      spells_exact: 3,
      spells_bounded: 2,
    });
    // 2013: beta's and delta's ends are only lower bounds, so nothing is certain any more.
    expect(rows[4]).toMatchObject({ foerbund_count_certain: 0, foerbund_count_possible: 3, member_kommuner_certain: 0, member_kommuner_possible: 4 });
    // 2010: A certain in beta, D certain (Norr), B possible; C has no spell but is in län 01, listed complete that day.
    expect(rows[1]).toMatchObject({ foerbund_count_certain: 2, member_kommuner_certain: 2, member_kommuner_possible: 3, kommuner_without_certain: 1, share_pop_16_64_certain: null });
    // 2012: no complete list, and every kommun has a recorded spell, so nothing is unknown.
    expect(rows[3]).toMatchObject({ member_kommuner_unrecorded: 0, complete_list: false });
  });
  it("snapshot lists ids and kommuner; a stadsdel kommun counts once", () => {
    expect(registryOnDay(reg, "2012-06-30")).toEqual({
      date: "2012-06-30",
      complete_list: false,
      foerbund_certain: ["beta", "delta"],
      foerbund_possible: ["beta", "delta", "gamma"],
      member_kommuner_certain: ["0114", "0115", "1480"],
      member_kommuner_possible: ["0114", "0115", "0117", "1480"],
      member_kommuner_unrecorded: [],
      kommuner_without_certain: [],
    });
  });
  it("a kommun without any spell is unknown, not a non-member, where no complete list covers the day", () => {
    // 2008-12-31: C (0117) has no possible spell and no list covers 2008.
    const s = registryOnDay(reg, "2008-12-31");
    expect(s.member_kommuner_unrecorded).toEqual(["0117"]);
    expect(s.kommuner_without_certain).toEqual([]);
    expect(s.member_kommuner_possible).toContain("0117");
    expect(registryOnDay(reg, "2009-12-31").kommuner_without_certain).toEqual(["0117"]);
  });
});

describe("compareWithPublished (FIXTURE)", () => {
  const counts = loadNationalCounts(writeFixture(files), reg);
  const rows = compareWithPublished(coverageForCounts(reg, counts), counts);
  it("compares each published figure on the last day of its period", () => {
    expect(rows.map((r) => [r.id, r.compared_on, r.published, r.ours_certain, r.ours_recorded, r.ours_possible])).toEqual([
      ["x-2009-f", "2009-12-31", 2, 2, 2, 2],
      ["x-2009-k", "2009-12-31", 4, 2, 3, 3],
      ["x-2011-f", "2011-12-31", 1, 2, 3, null], // no complete list: unrecorded förbund are not bounded
      ["x-2011-k", "2011-12-31", 3, 3, 4, 4],
      // Certainly outside: 4 kommuner − 3 possible members; at most outside: 4 − 2 certain members.
      ["x-2009-n", "2009-12-31", 1, 1, 2, 2],
      // A county count is compared on the län's kommuner only (0114, 0115, 0117), where a county list makes the bound exact.
      ["x-2010-lan", "2010-12-31", 2, rows[5]!.ours_certain, rows[5]!.ours_recorded, rows[5]!.ours_recorded],
      // An undated page (a bound) is kept but not compared.
      ["x-undated", "", 5, null, null, null],
    ]);
    expect(rows[5]!.ours_recorded).toBeLessThanOrEqual(3);
    expect(rows[5]!.scope).toBe("01");
    expect(rows[6]!.comparison_code).toBe("not_comparable");
  });
  it("explains the difference", () => {
    expect(rows[0]!.difference).toBe("matches the registry exactly");
    expect(rows[1]!.difference).toMatch(/^published is 1 above the registry's upper bound \(3\) although a complete list covers the date/);
    expect(rows[2]!.difference).toMatch(/^approximate published figure; published is 1 below what the registry proves \(2\)/);
    expect(rows[3]!.difference).toBe("within the registry's range 3–4 (the registry cannot decide 1)");
  });
  it("says so when no coverage row exists for the date", () => {
    expect(compareWithPublished([], counts)[0]).toMatchObject({ ours_certain: null, difference: "undated figure or no registry coverage for this date: not compared" });
  });
});
