/**
 * Län values of sjukpenningtal, which Kolada does not publish, computed from
 * the kommuner weighted by population 16–64: on a small labelled fixture, and
 * on the real snapshot (every län, with the method in the note; riket still
 * Kolada's own value).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { deriveLanValues, derivedLanNote } from "../../src/pipeline/derive/lan-from-kommuner";
import { INDICATORS } from "../../src/pipeline/indicators";
import { loadSnapshot, type Snapshot } from "../../src/pipeline/load";
import { indicatorValueDataset } from "../../src/pipeline/publish/datasets/indicator-values";
import type { IndicatorValue } from "../../src/pipeline/schema";

const SJP = INDICATORS.find((i) => i.kpi === "N00938")!;
const OHT = INDICATORS.find((i) => i.kpi === "N00957")!;

// TEST FIXTURE: two made-up kommuner in län 01 and one in län 03; values and populations are invented.
const kommuner = [
  { kommunkod: "0114", name: "A", lanskod: "01" },
  { kommunkod: "0115", name: "B", lanskod: "01" },
  { kommunkod: "0305", name: "C", lanskod: "03" },
];
const v = (level: IndicatorValue["level"], code: string, year: number, value: number | null): IndicatorValue => ({ kpi: "N00938", level, code, year, sex: "T", value, status: value === null ? "source_defect" : "published", note: value === null ? "platshållare" : "" });
const w = (code: string, year: number, value: number) => ({ code, year, sex: "T" as const, value });
const weights = { pop16to64: [w("0114", 2020, 1000), w("0115", 2020, 3000), w("0305", 2020, 500), w("0114", 2021, 1000), w("0115", 2021, 3000), w("0305", 2021, 500)], popTotal: [] };

describe("län values computed from the kommuner", () => {
  it("weights each kommun by its population 16–64, rounds as published, and leaves an incomplete län without a value", () => {
    const values = [v("kommun", "0114", 2020, 10), v("kommun", "0115", 2020, 14), v("kommun", "0305", 2020, 8), v("kommun", "0114", 2021, 12), v("kommun", "0115", 2021, null), v("kommun", "0305", 2021, 9)];
    const derived = deriveLanValues(SJP, values, kommuner, weights);
    // (10·1000 + 14·3000) / 4000 = 13; 0115 has no value in 2021, so län 01 gets none that year.
    expect(derived.map((d) => `${d.code} ${d.year} ${d.value} ${d.status}`)).toEqual(["01 2020 13 derived", "03 2020 8 derived", "03 2021 9 derived"]);
    // Rounded to 2 decimals, as Kolada's riket value: (10.024·1000 + 14·3000) / 4000 = 13.006 → 13.01.
    const fine = deriveLanValues(SJP, [v("kommun", "0114", 2020, 10.024), v("kommun", "0115", 2020, 14), v("kommun", "0305", 2020, 8.123)], kommuner, weights);
    expect(fine.map((d) => d.value)).toEqual([13.01, 8.12]);
    expect(derived[0]!.note).toBe(derivedLanNote(SJP));
    expect(derivedLanNote(SJP)).toBe(
      "Beräknat från kommunerna: medelvärdet av länets kommuners värden, vägt med befolkningen 16–64 år i varje kommun, avrundat till 2 decimaler. Kolada publicerar inga länsvärden för sjukpenningtal.",
    );
  });

  it("never replaces a published län value, and derives nothing for a KPI whose publisher gives län values", () => {
    const values = [v("kommun", "0114", 2020, 10), v("kommun", "0115", 2020, 14), v("kommun", "0305", 2020, 8), v("lan", "01", 2020, 12.9)];
    expect(deriveLanValues(SJP, values, kommuner, weights).map((d) => d.code)).toEqual(["03"]);
    expect(deriveLanValues(OHT, values.map((x) => ({ ...x, kpi: "N00957" })), kommuner, weights)).toEqual([]);
  });
});

describe("the published sjukpenningtal dataset", () => {
  let snapshot: Snapshot;
  beforeAll(() => {
    snapshot = loadSnapshot("data/snapshot");
  });

  it("has a derived value for every län and year where all its kommuner have one; riket stays Kolada's", () => {
    expect(snapshot.values.get("N00938")!.some((r) => r.level === "lan")).toBe(false);
    const rows = indicatorValueDataset(snapshot, SJP).rows as Array<{ level: string; code: string; year: number; sex: string; value: number | null; status: string; note: string }>;
    const lan = rows.filter((r) => r.level === "lan");
    expect(lan.every((r) => r.status === "derived" && r.value !== null && r.note === derivedLanNote(SJP))).toBe(true);
    expect(new Set(lan.map((r) => r.code)).size).toBe(21);
    // 2007–2022: no kommun value missing, so 21 län × 16 years × 3 sexes.
    expect(lan.filter((r) => r.year >= 2007).length).toBe(21 * 16 * 3);
    // Knivsta (0330) has no values 1998–2002 and Heby (0331) none 1998–2006; Heby counts to Västmanland (19) until 2005.
    const years = (code: string) => [...new Set(lan.filter((r) => r.code === code).map((r) => r.year))];
    expect(years("03")).toEqual([2003, 2004, 2005, ...Array.from({ length: 16 }, (_, i) => 2007 + i)]);
    expect(years("19")[0]).toBe(2006);
    expect(years("01")[0]).toBe(1998);
    expect(rows.filter((r) => r.level === "riket").every((r) => r.status === "published")).toBe(true);
    const other = indicatorValueDataset(snapshot, OHT).rows as Array<{ status: string }>;
    expect(other.some((r) => r.status === "derived")).toBe(false);
  });
});
