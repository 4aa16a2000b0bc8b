/**
 * Defects found in the committed registry (issue 10), each pinned by a test on
 * the real data/registry: Umeåregionen is one förbund, Södra Norrbotten starts
 * in 2020 and ends its predecessors, a kommun is in at most one förbund at a
 * time, förbund end no earlier than their members, and one interval semantics.
 */
import { describe, expect, it } from "vitest";
import { addDays, certainFrom, endWindow, statusOn } from "../../src/pipeline/registry/dates";
import { foerbundOn, membershipOn, registryOnDay } from "../../src/pipeline/registry/derive";
import { loadRegistry } from "../../src/pipeline/registry/load";
import { spellRow } from "../../src/pipeline/publish/datasets/medlemskap";
import { foerbundMembersByYear } from "../../src/pipeline/derive/foerbund-areas";
import { REAL_REGISTRY_DIR, realKommunCodes } from "./helpers";

const reg = loadRegistry(REAL_REGISTRY_DIR, realKommunCodes());
const membersOn = (id: string, date: string, status: "certain" | "possible" = "certain") =>
  membershipOn(reg, date)
    .filter((m) => m.spell.foerbund_id === id && (status === "possible" ? m.status !== "no" : m.status === "certain"))
    .map((m) => m.spell.member_code)
    .sort();

describe("Umeåregionen: one förbund with names over time", () => {
  it("has no separate Umeå or Umeå-Vännäs förbund", () => {
    const ids = reg.foerbund.map((f) => f.id);
    expect(ids).toContain("umearegionen");
    expect(ids).not.toContain("umea");
    expect(ids).not.toContain("umea-vannas");
  });

  it("names it Umeå (2005), Umeå-Vännäs (April 2015) and Umeåregionen, in that order", () => {
    const names = reg.names.filter((n) => n.foerbund_id === "umearegionen").sort((a, b) => (a.from.earliest ?? "") < (b.from.earliest ?? "") ? -1 : 1);
    expect(names.map((n) => n.name)).toEqual(["Samordningsförbundet Umeå", "Samordningsförbundet i Umeå-Vännäs", "Samordningsförbundet Umeåregionen"]);
  });

  it("has Umeå from 2005, Umeå and Vännäs in April 2015, and all six kommuner by 2023-03-14", () => {
    expect(membersOn("umearegionen", "2005-12-31")).toEqual(["2480"]);
    expect(membersOn("umearegionen", "2015-04-30")).toEqual(["2460", "2480"]);
    // Umeå is part of the area in 2022 (the area was Robertsfors alone before).
    expect(membersOn("umearegionen", "2022-12-31")).toEqual(expect.arrayContaining(["2480", "2460", "2409"]));
    expect(membersOn("umearegionen", "2023-03-14")).toEqual(["2401", "2403", "2404", "2409", "2460", "2480"]);
  });

  it("bounds the joins by the order the förbund gives: Vindeln and Nordmaling after April 2015 and by 2017, Robertsfors 2017, Bjurholm last", () => {
    const from = (k: string) => reg.spells.find((s) => s.foerbund_id === "umearegionen" && s.member_code === k)!.from;
    for (const k of ["2404", "2401"]) {
      expect(from(k).earliest).toBe("2015-05-01");
      expect(from(k).latest).toBe("2017-12-31");
    }
    expect(from("2409").raw).toBe("2017");
    expect(from("2403").earliest).toBe("2017-01-01");
    expect(membersOn("umearegionen", "2015-04-30", "possible")).toEqual(["2460", "2480"]);
  });
});

describe("Södra Norrbotten", () => {
  const f = () => foerbundOn(reg, "2019-12-31").find((x) => x.foerbund.id === "sodra-norrbotten")!;
  it("starts in 2020, not on 2019-12-09", () => {
    expect(f().status).toBe("no");
    expect(reg.foerbund.find((x) => x.id === "sodra-norrbotten")!.founded.raw).toBe("2020");
    expect(membersOn("sodra-norrbotten", "2020-12-31")).toEqual(["2560", "2580", "2581"]);
  });

  it("ends Activus Piteå, Consensus Älvsbyn and Pyramis Luleå when it starts", () => {
    for (const id of ["activus-pitea", "consensus-alvsbyn", "pyramis-lulea"]) {
      const p = reg.foerbund.find((x) => x.id === id)!;
      expect(p.successor_ids).toEqual(["sodra-norrbotten"]);
      expect(foerbundOn(reg, "2021-01-01").find((x) => x.foerbund.id === id)!.status).toBe("no");
      expect(foerbundOn(reg, "2019-12-31").find((x) => x.foerbund.id === id)!.status).toBe("certain");
    }
  });

  it("has Boden from 2021-06-01", () => {
    expect(membersOn("sodra-norrbotten", "2021-05-31", "possible")).not.toContain("2582");
    expect(membersOn("sodra-norrbotten", "2021-06-01")).toContain("2582");
  });
});

describe("a kommun is in at most one förbund at a time", () => {
  it("no whole kommun is certainly in two förbund on any 31 December 2004–2024", () => {
    for (let y = 2004; y <= 2024; y++) {
      const seen = new Map<string, string>();
      for (const m of membershipOn(reg, `${y}-12-31`)) {
        if (m.status !== "certain" || m.spell.stadsdel !== "") continue;
        expect(seen.get(m.spell.member_code), `${m.spell.member_code} ${y}`).toBeUndefined();
        seen.set(m.spell.member_code, m.spell.foerbund_id);
      }
    }
  });

  it("the year-end member lists put no kommun in two förbund except around an undated succession", () => {
    const rows = foerbundMembersByYear(reg, 2004, 2024).filter((r) => r.stadsdel === "");
    const byKey = new Map<string, string[]>();
    for (const r of rows) byKey.set(`${r.member_code}|${r.year}`, [...(byKey.get(`${r.member_code}|${r.year}`) ?? []), r.foerbund_id]);
    const doubles = [...byKey].filter(([, ids]) => ids.length > 1).map(([k, ids]) => `${k}:${ids.sort().join("+")}`);
    // Only the two successions whose day no source gives remain (each kommun possibly in the old or the new förbund):
    // Sjuhärad (2010-08 to April 2015) and VärNa (after April 2015, by spring 2019).
    const pairs = new Set(doubles.map((d) => d.split(":")[1]));
    expect([...pairs].sort()).toEqual([
      "bollebygd-mark-svenljunga+sjuharads", "boras+sjuharads", "sjuharads+tranemo-ulricehamn", "valfard-i-nacka+varna", "varmdo+varna",
    ]);
    expect(doubles.some((d) => d.includes("sodra-norrbotten") || d.includes("botkyrka") || d.includes("umea"))).toBe(false);
  });
});

describe("förbund and their members agree", () => {
  it("RAR i Sörmland and Samspelet exist as long as their members are certain (through 2018)", () => {
    for (const id of ["rar-i-sormland", "samspelet"]) {
      expect(foerbundOn(reg, "2018-12-31").find((x) => x.foerbund.id === id)!.status).toBe("certain");
    }
  });

  it("no förbund is less certain on a year end than one of its members", () => {
    for (let y = 2004; y <= 2024; y++) {
      const d = `${y}-12-31`;
      const f = new Map(foerbundOn(reg, d).map((x) => [x.foerbund.id, x.status]));
      for (const m of membershipOn(reg, d)) {
        if (m.status === "certain") expect(f.get(m.spell.foerbund_id), `${m.spell.foerbund_id} ${d}`).toBe("certain");
        if (m.status === "possible") expect(f.get(m.spell.foerbund_id), `${m.spell.foerbund_id} ${d}`).not.toBe("no");
      }
    }
  });

  it("the April 2015 snapshot still reproduces Bilaga 4: 80 förbund, 241 kommuner, 49 without", () => {
    const s = registryOnDay(reg, "2015-04-30");
    expect([s.foerbund_certain.length, s.foerbund_possible.length, s.member_kommuner_certain.length, s.member_kommuner_possible.length, s.kommuner_without_certain.length]).toEqual([80, 80, 241, 241, 49]);
  });
});

describe("one interval semantics", () => {
  it("medlemskap.to_earliest is the first day the membership is no longer certain, as statusOn reads it", () => {
    let checked = 0;
    for (const s of reg.spells) {
      const row = spellRow(s, "x");
      expect(row.to_earliest).toBe(endWindow(s.to).earliest ?? "");
      const cFrom = certainFrom(s.from);
      if (row.to_earliest === "" || cFrom === null || cFrom >= row.to_earliest) continue;
      expect(statusOn(s.from, s.to, addDays(row.to_earliest, -1)), `${s.foerbund_id} ${s.member_code} ${s.to.raw}`).toBe("certain");
      expect(statusOn(s.from, s.to, row.to_earliest)).not.toBe("certain");
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('">=2015-04" as an end: certain through 30 April, earliest end 1 May', () => {
    const s = reg.spells.find((x) => x.to.raw === ">=2015-04")!;
    expect(spellRow(s, "x").to_earliest).toBe("2015-05-01");
  });
});

describe("published counts after April 2015", () => {
  it("include the national and county counts of the 2018–2023 sources", async () => {
    const { loadNationalCounts } = await import("../../src/pipeline/registry/load");
    const counts = loadNationalCounts(REAL_REGISTRY_DIR, reg);
    const key = (c: (typeof counts)[number]) => `${c.reference_date.raw}|${c.scope}|${c.metric}|${c.qualifier}${c.value}`;
    const keys = new Set(counts.map(key));
    for (const k of [
      "2021|riket|foerbund_count|76", "2021|riket|member_kommuner|272", "2018-03-02|riket|member_kommuner|253",
      "2021-12-31|riket|foerbund_count|76", "2021-02-24|riket|foerbund_count|78", "2019-02-26|riket|non_member_kommuner|30",
      "2013-05-31|riket|member_kommuner|218", "2013-09-02|20|foerbund_count|7", "2019-02-22|12|member_kommuner|32", "2022|01|member_kommuner|21",
      ">=2019-07|riket|foerbund_count|ca80",
    ]) expect(keys.has(k), k).toBe(true);
  });
});
