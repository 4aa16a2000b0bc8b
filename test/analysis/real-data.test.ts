/**
 * The event study on the project's own snapshot and registry (data/): the
 * published rows the analysis page needs exist and are consistent. The
 * numbers themselves are not asserted: they follow the registry.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { eventStudy } from "../../src/pipeline/derive/event-study";
import { population16to64 } from "../../src/pipeline/derive/population";
import { populationWeights } from "../../src/pipeline/derive/weights";
import { INDICATORS } from "../../src/pipeline/indicators";
import { loadSnapshot } from "../../src/pipeline/load";
import { handelsestudieDataset, handelsestudieRowSchema } from "../../src/pipeline/publish/datasets/handelsestudie";
import { loadRegistry } from "../../src/pipeline/registry";

const DATA = join(import.meta.dirname, "..", "..", "data");

describe("event study on the real data", () => {
  const snapshot = loadSnapshot(join(DATA, "snapshot"), INDICATORS);
  const codes = snapshot.kommuner.map((k) => k.kommunkod);
  const registry = loadRegistry(join(DATA, "registry"), new Set(codes));
  const pop = populationWeights(population16to64(snapshot.values.get("N01954")!, snapshot.values.get("N01955")!, codes), snapshot.values.get("N01951")!);
  const study = eventStudy(registry, snapshot.values, pop);
  const rows = handelsestudieDataset(study.rows).rows.map((r) => handelsestudieRowSchema.parse(r));

  it("has ohälsotal rows for −3..+5 in huvud and −3..+2 in placebo (the placebo uses only years before the join)", () => {
    for (const weighting of ["lika", "befolkning"] as const) {
      const at = (variant: string, e: number) => rows.find((r) => r.indicator === "ohalsotal" && r.variant === variant && r.weighting === weighting && r.event_time === e);
      for (const e of [-3, -2, 0, 1, 2, 3, 4, 5]) expect(at("huvud", e), `huvud ${weighting} e=${e}`).toBeDefined();
      for (const e of [-3, -2, 0, 1, 2]) expect(at("placebo", e), `placebo ${weighting} e=${e}`).toBeDefined();
      expect(at("placebo", 3)).toBeUndefined();
    }
  });

  it("keeps every estimate inside its interval, and counts at least one kommun on each side", () => {
    for (const r of rows) {
      expect(r.n_treated_kommuner).toBeGreaterThan(0);
      expect(r.n_control_kommuner).toBeGreaterThan(0);
      if (r.ci_low === null || r.ci_high === null) continue;
      expect(r.ci_low, JSON.stringify(r)).toBeLessThanOrEqual(r.estimate);
      expect(r.ci_high, JSON.stringify(r)).toBeGreaterThanOrEqual(r.estimate);
    }
    expect(rows.filter((r) => r.indicator === "ohalsotal" && r.variant === "huvud" && r.ci_low === null)).toHaveLength(0);
  });

  it("gives every kommun a status, and puts only known-year joiners in the main analysis", () => {
    expect(study.timings).toHaveLength(290);
    for (const t of study.timings) expect(t.treatment_year !== null).toBe(t.status === "ar-kant");
  });
});
