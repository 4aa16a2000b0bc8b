/**
 * The scb-live importer on SCB TAB638 answers constructed in test code from
 * the documented JSON-stat 2.0 shape (id, size, dimension.*.category.index,
 * value, row-major; as in a recorded real answer) — not real data: every
 * number is made up. Sums to 16–19 and 20–64 per kommun, year and sex, the
 * exact cross-check against Kolada, and incomplete or odd answers.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentText } from "../../src/pipeline/atomic";
import { SCB_AGES } from "../../src/pipeline/fetch/scb";
import { importScbLive, SCB_CIVILSTAND } from "../../src/pipeline/import/scb-live";
import { provenanceSchema } from "../../src/pipeline/schema";
import { writeFetchedSource } from "./fk-fixture";

/** A made-up head count for one cell, so sums can be computed independently below. */
const persons = (region: string, civ: number, age: number, kon: number, year: number) => (Number(region) % 7) + civ * 3 + (age % 5) + kon * 11 + (year - 2020);

function answer(regions: string[], years: number[], options: { civilstand?: readonly string[]; ages?: readonly string[]; nullAt?: number } = {}) {
  const civ = options.civilstand ?? SCB_CIVILSTAND;
  const ages = options.ages ?? SCB_AGES;
  const index = (codes: readonly string[]) => ({ category: { index: Object.fromEntries(codes.map((c, i) => [c, i])) } });
  const value: Array<number | null> = [];
  for (const r of regions) for (const [c] of civ.entries()) for (const a of ages) for (const k of [1, 2]) for (const y of years) value.push(persons(r, c, Number(a), k, y));
  if (options.nullAt !== undefined) value[options.nullAt] = null;
  return {
    _fixture: "CONSTRUCTED from the documented JSON-stat 2.0 shape of SCB PxWebApi 2.0 TAB638; values made up.",
    version: "2.0", class: "dataset",
    id: ["Region", "Civilstand", "Alder", "Kon", "ContentsCode", "Tid"],
    size: [regions.length, civ.length, ages.length, 2, 1, years.length],
    dimension: { Region: index(regions), Civilstand: index(civ), Alder: index(ages), Kon: index(["1", "2"]), ContentsCode: index(["BE0101N1"]), Tid: index(years.map(String)) },
    value,
  };
}

const expected = (region: string, year: number, kon: number, lo: number, hi: number) => {
  let sum = 0;
  for (let c = 0; c < 4; c++) for (let a = lo; a <= hi; a++) sum += persons(region, c, a, kon, year);
  return sum;
};

function fetched(...answers: object[]): string {
  const from = mkdtempSync(join(tmpdir(), "scb-from-"));
  writeFetchedSource(from, "scb-v2", answers.map((a, i) => [`data/regions-${String(i + 1).padStart(3, "0")}.json`, Buffer.from(JSON.stringify(a))] as const));
  return from;
}

function snapshot(kolada1954?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "scb-snap-"));
  mkdirSync(join(dir, "areas"));
  mkdirSync(join(dir, "kolada", "values"), { recursive: true });
  writeFileSync(join(dir, "areas", "kommuner.csv"), "kommunkod,name,lanskod\n0114,Upplands Väsby,01\n0115,Vallentuna,01\n");
  writeFileSync(join(dir, "areas", "lan.csv"), "lanskod,name\n01,Stockholms län\n");
  if (kolada1954) writeFileSync(join(dir, "kolada", "values", "n01954.csv"), `kpi,level,code,year,sex,value,status,note\n${kolada1954}`);
  return dir;
}

describe("scb-live importer", () => {
  it("sums one-year ages over marital status to 16–19 and 20–64 per kommun, year and sex, T = K + M", () => {
    const t2022 = expected("0114", 2022, 1, 16, 19) + expected("0114", 2022, 2, 16, 19);
    const { files, values, compared } = importScbLive(fetched(answer(["0114"], [2022, 2023]), answer(["0115"], [2022, 2023])), snapshot(`N01954,kommun,0114,2022,T,${t2022},published,\nN01954,riket,00,2022,T,1,published,\n`));
    expect(compared).toBe(1);
    expect(values).toHaveLength(2 * 2 * 2 * 3);
    const lines = contentText(files.get("values/n01954.csv")).trim().split("\n");
    expect(lines[0]).toBe("kpi,level,code,year,sex,value,status,note,source_file");
    expect(lines[1]).toBe(`N01954,kommun,0114,2022,T,${t2022},published,"SCB TAB638, summa över civilstånd och ettårsklasser 16–19 år",data/regions-001.json`);
    expect(lines[2]).toContain(`N01954,kommun,0114,2022,K,${expected("0114", 2022, 2, 16, 19)},`);
    expect(lines[3]).toContain(`N01954,kommun,0114,2022,M,${expected("0114", 2022, 1, 16, 19)},`);
    expect(contentText(files.get("values/n01955.csv"))).toContain(`N01955,kommun,0115,2023,M,${expected("0115", 2023, 1, 20, 64)},published,"SCB TAB638, summa över civilstånd och ettårsklasser 20–64 år",data/regions-002.json`);
    const prov = provenanceSchema.parse(JSON.parse(contentText(files.get("provenance.json"))));
    expect(prov.period).toBe("2022–2023");
    expect(prov.notes).toContain("Kontroll mot Kolada: 1 värden finns i båda och är lika.");
  });

  it("stops naming both values when Kolada has a different population", () => {
    expect(() => importScbLive(fetched(answer(["0114"], [2022])), snapshot("N01954,kommun,0114,2022,K,5,published,\n"))).toThrow(
      `scb-v2/data/regions-001.json, column "N01954 kommun 0114 2022 K", value ${expected("0114", 2022, 2, 16, 19)}: SCB TAB638 sums to ${expected("0114", 2022, 2, 16, 19)}, but Kolada (kolada/values/n01954.csv, row 2) has 5; population must agree exactly`,
    );
  });

  it("refuses an incomplete answer: a missing age, a missing marital status, a null cell", () => {
    expect(() => importScbLive(fetched(answer(["0114"], [2022], { ages: SCB_AGES.slice(1) })), snapshot())).toThrow(/scb-v2\/data, column "Alder", value "0114 2022 K 16": no value for this kommun, year, sex and age/);
    expect(() => importScbLive(fetched(answer(["0114"], [2022], { civilstand: ["OG", "G", "SK"] })), snapshot())).toThrow(/regions-001\.json, column "dimension\.Civilstand", value "OG,G,SK": expected exactly OG, G, SK, ÄNKL; lacking ÄNKL/);
    expect(() => importScbLive(fetched(answer(["0114"], [2022], { nullAt: 3 })), snapshot())).toThrow(/regions-001\.json, column "value\[3\]", value null: Region 0114, Civilstand OG, Alder 17, Kon 2, ContentsCode BE0101N1, Tid 2022: a population must be a whole number/);
  });

  it("refuses a region that is not a kommun, the same cell in two files, and a truncated answer", () => {
    expect(() => importScbLive(fetched(answer(["0199"], [2022])), snapshot())).toThrow(/column "dimension\.Region", value "0199": not a kommun/);
    expect(() => importScbLive(fetched(answer(["0114"], [2022]), answer(["0114"], [2022])), snapshot())).toThrow(/regions-002\.json, column "value\[0\]": Region 0114.*also in data\/regions-001\.json/);
    const cut = { ...answer(["0114"], [2022]), value: [1, 2] };
    expect(() => importScbLive(fetched(cut), snapshot())).toThrow(/regions-001\.json: value has 2 cells but size \[1, 4, 49, 2, 1, 1\] says 392: truncated answer\?/);
  });
});
