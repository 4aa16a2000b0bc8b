import { describe, it, expect } from "vitest";
import { loadNationalCounts, loadRegistry } from "../../src/pipeline/registry/load";
import { compareWithPublished, coverageByYear, coverageForCounts, registryOnDay } from "../../src/pipeline/registry/derive";
import { REAL_REGISTRY_DIR, realKommunCodes } from "./helpers";

// The committed, curated registry (data/registry) against the 290 kommuner of the snapshot.
const kommuner = realKommunCodes();
const reg = loadRegistry(REAL_REGISTRY_DIR, kommuner);

describe("real registry", () => {
  it("reproduces Bilaga 4 (April 2015) exactly: 80 förbund, 241 member kommuner, 49 without", () => {
    const s = registryOnDay(reg, "2015-04-30");
    expect(s.foerbund_certain).toHaveLength(80);
    expect(s.foerbund_possible).toEqual(s.foerbund_certain);
    expect(s.member_kommuner_certain).toHaveLength(241);
    expect(s.member_kommuner_possible).toEqual(s.member_kommuner_certain);
    expect(s.kommuner_without_certain).toHaveLength(49);
    // Spot checks from the printed list: Stockholm, Öckerö, Ånge had no förbund; Göteborg counts once.
    for (const k of ["0180", "1407", "2260", "1233", "2523"]) expect(s.kommuner_without_certain).toContain(k);
    expect(s.member_kommuner_certain).toContain("1480");
  });

  it("Göteborg sits in four stadsdel förbund in April 2015", () => {
    const gbg = reg.spells.filter((x) => x.member_code === "1480" && x.stadsdel !== "" && x.to.raw === "2019-07-01");
    expect(gbg.map((x) => x.stadsdel).sort()).toEqual(["Centrum", "Hisingen", "Nordost", "Väster"]);
  });

  it("every förbund has a name and at least one membership spell, unless its note says no source names the members", () => {
    const withSpells = new Set(reg.spells.map((s) => s.foerbund_id));
    const without = reg.foerbund.filter((f) => !withSpells.has(f.id));
    // Insjöriket and NNV Skåne are known to exist, but no source names their kommuner.
    expect(without.map((f) => f.id).sort()).toEqual(["insjoriket", "nnv-skane"]);
    for (const f of without) expect(f.note).toMatch(/[Ii]nga medlemmar/);
  });

  it("merged förbund end where their successors start", () => {
    const byId = new Map(reg.foerbund.map((f) => [f.id, f]));
    for (const f of reg.foerbund.filter((x) => x.end_reason === "merged")) {
      for (const s of f.successor_ids) {
        const succ = byId.get(s)!;
        // The successor may not certainly start after the predecessor certainly ended.
        expect(f.ended!.latest === null || succ.founded.earliest === null || succ.founded.earliest <= f.ended!.latest, `${f.id} → ${s}`).toBe(true);
      }
    }
    expect(reg.predecessors.get("varend")?.sort()).toEqual(["alvesta", "vaxjo"]);
    expect(reg.predecessors.get("goteborg")).toHaveLength(4);
  });

  it("the published national counts load and compare", () => {
    const counts = loadNationalCounts(REAL_REGISTRY_DIR, reg);
    expect(counts.length).toBeGreaterThanOrEqual(28);
    const rows = compareWithPublished(coverageForCounts(reg, counts), counts);
    const april = rows.filter((r) => r.reference_date === "2015-04");
    expect(april.map((r) => [r.metric, r.published, r.ours_certain, r.ours_recorded, r.ours_possible])).toEqual([
      ["foerbund_count", 80, 80, 80, 80],
      ["member_kommuner", 241, 241, 241, 241],
    ]);
    // Never claim more than the sources prove: certain ≤ possible wherever a count is compared.
    for (const r of rows.filter((x) => x.comparison_code !== "not_comparable")) expect(r.ours_certain!).toBeLessThanOrEqual(r.ours_recorded!);
    // Every dated count is compared; undated pages (bounds) are kept but not compared.
    for (const r of rows) expect(r.comparison_code === "not_comparable", r.id).toBe(r.compared_on === "");
  });

  it("yearly coverage is monotone in the bounds (certain ≤ possible) and needs no population", () => {
    for (const r of coverageByYear(reg, new Map(), 2004, 2024)) {
      expect(r.foerbund_count_certain).toBeLessThanOrEqual(r.foerbund_count_possible);
      expect(r.member_kommuner_certain).toBeLessThanOrEqual(r.member_kommuner_possible);
      expect(r.share_pop_16_64_certain).toBeNull();
    }
  });
});
