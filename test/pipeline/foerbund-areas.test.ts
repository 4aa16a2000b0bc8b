/** Förbund areas per year and their indicator values, on a small hand-built FIXTURE registry. */
import { describe, expect, it } from "vitest";
import { foerbundIndicators, foerbundMembersByYear } from "../../src/pipeline/derive/foerbund-areas";
import { INDICATOR_BY_KPI } from "../../src/pipeline/indicators";
import { loadRegistry } from "../../src/pipeline/registry";
import type { IndicatorValue } from "../../src/pipeline/schema";
import { FIXTURE_KOMMUNER, writeFixture } from "../registry/helpers";

/*
 * alpha: 0114 2005-01-01 → 2010-01-01 (merged into beta)
 * beta:  0114 2010-01-01 → >=2012-12-31;  0115 <=2011 → >=2012-12-31
 * delta: 1480/Norr 2008 → >=2012 (members are stadsdelar)
 */
const registry = loadRegistry(
  writeFixture({
    "foerbund.csv": [
      "id,kind,lan_codes,founded,ended,end_reason,successor_ids,source_ids,note",
      "alpha,en_kommun,01,2005-01-01,2010-01-01,merged,beta,src-a,",
      "beta,flera_kommuner,01,2010-01-01,>=2012-12-31,,,src-a,",
      "delta,stadsdelar,14,2008,>=2012,,,src-a,",
    ],
    "names.csv": ["foerbund_id,name,from,to,source_ids", "alpha,Alpha,2005-01-01,2010-01-01,src-a", "beta,Beta,2010-01-01,>=2012-12-31,src-a", "delta,Delta,2008,>=2012,src-a"],
    "spells.csv": [
      "foerbund_id,member_code,stadsdel,from,to,source_ids,note",
      "alpha,0114,,2005-01-01,2010-01-01,src-a,",
      "beta,0114,,2010-01-01,>=2012-12-31,src-a,",
      "beta,0115,,<=2011,>=2012-12-31,src-a,",
      "delta,1480,Norr,2008,>=2012,src-a,",
    ],
  }),
  FIXTURE_KOMMUNER,
);

const v = (code: string, year: number, value: number): IndicatorValue => ({ kpi: "N00957", level: "kommun", code, year, sex: "T", value, status: "published", note: "" });
const w = (code: string, year: number, value: number) => ({ code, year, sex: "T" as const, value });

describe("foerbundMembersByYear", () => {
  const members = foerbundMembersByYear(registry, 2009, 2013);
  const of = (id: string, year: number) => members.filter((m) => m.foerbund_id === id && m.year === year).map((m) => `${m.member_code}${m.stadsdel ? "/" + m.stadsdel : ""}:${m.status}`);

  it("reads membership on 31 December and moves a member with its merger", () => {
    expect(of("alpha", 2009)).toEqual(["0114:certain"]);
    expect(of("alpha", 2010)).toEqual([]);
    expect(of("beta", 2010)).toEqual(["0114:certain", "0115:possible"]); // 0115 only "member no later than 2011"
    expect(of("beta", 2011)).toEqual(["0114:certain", "0115:certain"]);
  });
  it("keeps members whose end is only a lower bound as possible, never invents an end", () => {
    expect(of("beta", 2013)).toEqual(["0114:possible", "0115:possible"]);
    expect(of("delta", 2012)).toEqual(["1480/Norr:certain"]);
  });
});

describe("foerbundIndicators", () => {
  const members = foerbundMembersByYear(registry, 2010, 2011);
  const values = new Map([["N00957", [v("0114", 2010, 30), v("0115", 2010, 20), v("1480", 2010, 25), v("0114", 2011, 30), v("0115", 2011, 20), v("1480", 2011, 25)]]]);
  const pop = [w("0114", 2010, 1000), w("0115", 2010, 3000), w("1480", 2010, 9000), w("0114", 2011, 1000), w("0115", 2011, 1000), w("1480", 2011, 9000)];
  const rows = foerbundIndicators(members, values, { pop16to64: pop, popTotal: [] }, [INDICATOR_BY_KPI.get("N00957")!]);
  const row = (id: string, year: number) => rows.find((r) => r.foerbund_id === id && r.year === year);

  it("weights by population 16–64 over the members of each year, and flags bounded membership", () => {
    expect(row("beta", 2010)).toMatchObject({ value: 22.5, status: "aggregated", membership: "bounded", members: 2, members_possible_only: 1 }); // (30·1000+20·3000)/4000
    expect(row("beta", 2011)).toMatchObject({ value: 25, membership: "certain", members_possible_only: 0 }); // (30·1000+20·1000)/2000
  });
  it("gives no value for an area made of stadsdelar", () => {
    expect(row("delta", 2010)).toMatchObject({ value: null, status: "stadsdel_members" });
  });
  it("has no row for a förbund in a year it had no members", () => {
    expect(row("alpha", 2010)).toBeUndefined();
  });
});
