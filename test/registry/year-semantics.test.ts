/**
 * "Who was a member during the year": certain when a dated source falls in
 * the year. Checked on FIXTURE dates and on the real registry's 2015 pages.
 */
import { describe, expect, it } from "vitest";
import { parseDateBound } from "../../src/pipeline/registry/dates";
import { registryOnDay } from "../../src/pipeline/registry/derive";
import { loadRegistry } from "../../src/pipeline/registry/load";
import { membersDuringYears, statusDuringYear } from "../../src/pipeline/publish/datasets/forbund-medlemmar-under-ar";
import { membersDuringWords } from "../../src/site/foerbund/year-page";
import { REAL_REGISTRY_DIR, realKommunCodes } from "./helpers";

const spell = (from: string, to: string) => ({ from: parseDateBound(from), to: parseDateBound(to) });

describe("statusDuringYear (FIXTURE dates)", () => {
  it("a snapshot membership is certain in the snapshot's year only", () => {
    const s = spell("<=2015-04", ">=2015-04");
    expect(statusDuringYear(s, 2015)).toBe("certain");
    expect(statusDuringYear(s, 2014)).toBe("possible");
    expect(statusDuringYear(s, 2016)).toBe("possible");
  });
  it("an exact end on 1 January ends the year before", () => {
    const s = spell("2010-01-01", "2015-01-01");
    expect(statusDuringYear(s, 2014)).toBe("certain");
    expect(statusDuringYear(s, 2015)).toBe("no");
    expect(statusDuringYear(s, 2009)).toBe("no");
  });
  it("a join bounded to a range is possible in the range and certain after it", () => {
    const s = spell("2015-05..2017", ">=2023-03-14");
    expect(statusDuringYear(s, 2015)).toBe("possible");
    expect(statusDuringYear(s, 2018)).toBe("certain");
  });
});

describe("the real registry's förbund-year pages", () => {
  const reg = loadRegistry(REAL_REGISTRY_DIR, realKommunCodes());
  const names = new Map([...reg.kommunCodes].map((k) => [k, k]));
  const rows = membersDuringYears(reg, names, [2015, 2015]);
  it("every förbund of April 2015 has a member certain during 2015", () => {
    const april = registryOnDay(reg, "2015-04-30").foerbund_certain;
    expect(april).toHaveLength(80);
    for (const id of april) {
      const during = rows.filter((r) => r.foerbund_id === id);
      expect(during.some((r) => r.member_status === "certain"), id).toBe(true);
      expect(membersDuringWords(id, 2015, during)).not.toMatch(/inte belagt/);
    }
  });
  it("words a year with only possible members without saying none were members", () => {
    const w = membersDuringWords("Förbundet X", 2012, [{ member_status: "possible" }, { member_status: "possible" }]);
    expect(w).toMatch(/kan Förbundet X ha haft 2 medlemmar/);
    expect(w).toMatch(/möjligt men inte belagt/);
    expect(membersDuringWords("Förbundet X", 2015, [{ member_status: "certain" }, { member_status: "possible" }])).toBe("Under 2015 hade Förbundet X 2 medlemmar: 1 belagda det året och 1 möjlig.");
  });
});
