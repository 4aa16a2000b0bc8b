/** The fixed April-2015 grouping of kommuner with and without a förbund, on the real registry and snapshot. */
import { beforeAll, describe, expect, it } from "vitest";
import { population16to64 } from "../../src/pipeline/derive/population";
import { groupsOn, withWithout } from "../../src/pipeline/derive/with-without";
import { indicatorInfo } from "../../src/pipeline/indicators";
import { loadSnapshot, type Snapshot } from "../../src/pipeline/load";
import { loadRegistry, type Registry } from "../../src/pipeline/registry";

let snapshot: Snapshot;
let registry: Registry;
beforeAll(() => {
  snapshot = loadSnapshot("data/snapshot");
  registry = loadRegistry("data/registry", new Set(snapshot.kommuner.map((k) => k.kommunkod)));
});

describe("with and without a förbund", () => {
  it("splits the 290 kommuner by Bilaga 4: 241 members and 49 without", () => {
    const groups = groupsOn(registry);
    expect(groups["med-forbund-2015"]).toHaveLength(241);
    expect(groups["utan-forbund-2015"]).toHaveLength(49);
    expect(groups["utan-forbund-2015"]).toContain("0162"); // Danderyd had no förbund in April 2015
    expect(new Set([...groups["med-forbund-2015"], ...groups["utan-forbund-2015"]]).size).toBe(290);
  });

  it("weights each group's ohälsotal by its population 16–64, like a förbund area", () => {
    const pop = population16to64(snapshot.values.get("N01954")!, snapshot.values.get("N01955")!).filter((v) => v.level === "kommun");
    const popTotal = snapshot.values.get("N01951")!.filter((v) => v.level === "kommun");
    const rows = withWithout(registry, snapshot.values, { pop16to64: pop, popTotal }, [indicatorInfo("N00957")]);
    const without2022 = rows.find((r) => r.group === "utan-forbund-2015" && r.year === 2022 && r.sex === "T")!;
    // Independent arithmetic over the same published numbers.
    const codes = new Set(groupsOn(registry)["utan-forbund-2015"]);
    const value = new Map(snapshot.values.get("N00957")!.filter((v) => v.level === "kommun" && v.year === 2022 && v.sex === "T").map((v) => [v.code, v.value!]));
    const weight = new Map(pop.filter((v) => v.year === 2022 && v.sex === "T").map((v) => [v.code, v.value!]));
    let num = 0;
    let den = 0;
    for (const c of codes) {
      num += value.get(c)! * weight.get(c)!;
      den += weight.get(c)!;
    }
    expect(without2022.value).toBeCloseTo(num / den, 9);
    expect(without2022).toMatchObject({ status: "aggregated", members: 49 });
  });
});
