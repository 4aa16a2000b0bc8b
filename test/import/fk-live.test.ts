/**
 * The fk-live importer on Försäkringskassan workbooks constructed in test
 * code from the documented layout (test/import/fk-fixture.ts; not real data):
 * December values kept as the yearly value, other months and ages left out,
 * kommun/län/riket and T/K/M read from the text columns, the cross-check
 * against Kolada (archive and kolada-live), checksums, and bad cells named.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentText } from "../../src/pipeline/atomic";
import { FK_TABLES } from "../../src/pipeline/fetch/fk";
import { agreeAsPublished, importFkLive } from "../../src/pipeline/import/fk-live";
import { provenanceSchema } from "../../src/pipeline/schema";
import { fkWorkbook, writeFetched, type FkRow } from "./fk-fixture";

const [OHT, SPT] = FK_TABLES;
const ALL = "Samtliga 16-64 år";
const L01 = "01 Stockholms län";

/** Made-up rows: 2022 (overlaps the test archive) and 2023 Decembers, a November, another age group, and 2024 without December. */
function ohtRows(dec2022T: number | string = 22.14): FkRow[] {
  return [
    [2022, 12, "Riket", "Riket", "Kvinnor och män", ALL, 24.0],
    [2022, 12, L01, L01, "Kvinnor och män", ALL, 20.0],
    [2022, 12, L01, "0114 Upplands Väsby", "Kvinnor och män", ALL, dec2022T],
    [2022, 12, L01, "0114 Upplands Väsby", "Kvinnor", ALL, 26.96],
    [2022, 11, L01, "0114 Upplands Väsby", "Kvinnor och män", ALL, 99.0],
    [2023, 12, L01, "0114 Upplands Väsby", "Kvinnor och män", ALL, "21,9"],
    [2023, 12, L01, "0114 Upplands Väsby", "Män", ALL, 17.2],
    [2023, 12, L01, "0114 Upplands Väsby", "Kvinnor och män", "16-19 år", 3.0],
    [2024, 6, L01, "0114 Upplands Väsby", "Kvinnor och män", ALL, 21.0],
  ];
}
const sptRows: FkRow[] = [[2023, 12, L01, "0115 Vallentuna", "Kvinnor", ALL, 9.1]];

/** A tiny archive snapshot: two kommuner in Stockholms län; ohälsotal 2022 for Upplands Väsby, T and K. */
function snapshot(archiveT2022 = "22.1"): string {
  const dir = mkdtempSync(join(tmpdir(), "fk-snap-"));
  mkdirSync(join(dir, "areas"));
  mkdirSync(join(dir, "kolada", "values"), { recursive: true });
  writeFileSync(join(dir, "areas", "kommuner.csv"), "kommunkod,name,lanskod\n0114,Upplands Väsby,01\n0115,Vallentuna,01\n");
  writeFileSync(join(dir, "areas", "lan.csv"), "lanskod,name\n01,Stockholms län\n");
  writeFileSync(join(dir, "kolada", "values", "n00957.csv"), `kpi,level,code,year,sex,value,status,note\nN00957,kommun,0114,2022,T,${archiveT2022},published,\nN00957,kommun,0114,2022,K,27,published,\nN00957,kommun,0114,2022,M,,source_defect,x\n`);
  return dir;
}

function fetched(oht: Buffer = fkWorkbook(OHT, ohtRows(), { sheets: 2 }), spt: Buffer = fkWorkbook(SPT, sptRows)): string {
  const from = mkdtempSync(join(tmpdir(), "fk-from-"));
  writeFetched(from, { N00957: oht, N00938: spt });
  return from;
}

describe("fk-live importer", () => {
  it("keeps each year's December value for kommun, län and riket, T/K/M, across sheets", () => {
    const { files, checks } = importFkLive(fetched(), snapshot());
    expect(contentText(files.get("values/n00957.csv")).trim().split("\n")).toEqual([
      "kpi,level,code,year,sex,value,status,note,source_file",
      "N00957,riket,00,2022,T,24,published,\"decembervärdet, rullande 12 månader\",ohm-ohalsotal/SJPohttal.xlsx",
      "N00957,lan,01,2022,T,20,published,\"decembervärdet, rullande 12 månader\",ohm-ohalsotal/SJPohttal.xlsx",
      "N00957,kommun,0114,2022,T,22.14,published,\"decembervärdet, rullande 12 månader\",ohm-ohalsotal/SJPohttal.xlsx",
      "N00957,kommun,0114,2022,K,26.96,published,\"decembervärdet, rullande 12 månader\",ohm-ohalsotal/SJPohttal.xlsx",
      "N00957,kommun,0114,2023,T,21.9,published,\"decembervärdet, rullande 12 månader\",ohm-ohalsotal/SJPohttal.xlsx",
      "N00957,kommun,0114,2023,M,17.2,published,\"decembervärdet, rullande 12 månader\",ohm-ohalsotal/SJPohttal.xlsx",
    ]);
    expect(contentText(files.get("values/n00938.csv"))).toContain("N00938,kommun,0115,2023,K,9.1,published");
    // 2022 T (22.14 vs 22.1) and K (26.96 vs 27) agree at one decimal; M is a source_defect in Kolada and not compared.
    expect(checks).toEqual([
      { kpi: "N00957", compared: 2, largest: { difference: 0.04, fk: 22.14, kolada: 22.1, key: "kommun 0114 2022 T" } },
      { kpi: "N00938", compared: 0, largest: null },
    ]);
    const prov = provenanceSchema.parse(JSON.parse(contentText(files.get("provenance.json"))));
    expect(prov.period).toBe("2022–2023");
    expect(prov.retrieval.archived_on).toBe("2026-11-30");
    expect(prov.notes).toContain("Kontroll mot Kolada N00957: 2 värden finns i båda och stämmer med den publicerade avrundningen (minst en decimal); största skillnad 0.04 (kommun 0114 2022 T: Försäkringskassan 22.14, Kolada 22.1).");
    expect(prov.notes).toContain("Ohälsotal: 2024 har ännu inget decembervärde och är inte med.");
    expect(prov.notes.join(" ")).toMatch(/årsvärdet här är decembervärdet/);
    expect(prov.files.map((f) => [f.path, f.rows])).toEqual([["sources.csv", 2], ["values/n00938.csv", 1], ["values/n00957.csv", 6]]);
  });

  it("stops naming both values, the file, sheet, row and cell when Försäkringskassan and the Kolada archive disagree", () => {
    expect(() => importFkLive(fetched(fkWorkbook(OHT, ohtRows(22.3))), snapshot("22.1"))).toThrow(
      'fk/ohm-ohalsotal/SJPohttal.xlsx, sheet "Blad1", row 6, column "G6 (Ohälsotalet)", value 22.3: Försäkringskassan gives 22.3 for N00957 kommun 0114 2022 T, but Kolada (kolada/values/n00957.csv, row 2) has 22.1; they differ at 1 decimal(s)',
    );
  });

  it("agrees at the published rounding without failing on double rounding", () => {
    // Kolada 24.85 (two decimals) can stand for 24.846, which Försäkringskassan rounds once to 24.8.
    expect(agreeAsPublished(24.8, 24.85, 1)).toBe(true);
    expect(agreeAsPublished(24.8, 24.86, 1)).toBe(false);
    expect(agreeAsPublished(24.8, 24.9, 1)).toBe(false);
    expect(agreeAsPublished(22, 22.04, 1)).toBe(true); // 22 in a CSV is 22.0
    expect(agreeAsPublished(22, 22.06, 1)).toBe(false);
    expect(agreeAsPublished(21.4667, 21.47, 1)).toBe(true);
  });

  it("cross-checks against kolada-live too", () => {
    const snap = snapshot();
    mkdirSync(join(snap, "kolada-live", "values"), { recursive: true });
    writeFileSync(join(snap, "kolada-live", "values", "n00957.csv"), "kpi,level,code,year,sex,value,status,note,source_file\nN00957,kommun,0114,2023,M,18.0,published,,data/p1.json\n");
    expect(() => importFkLive(fetched(), snap)).toThrow(/Försäkringskassan gives 17\.2 for N00957 kommun 0114 2023 M, but Kolada \(kolada-live\/values\/n00957\.csv, row 2\) has 18/);
  });

  it("fails naming the column when the publisher renamed one", () => {
    const header = ["År", "Månad", "Län", "Kommun", "Kön", "Åldersgrupp", "Ohälsotalet"];
    expect(() => importFkLive(fetched(fkWorkbook(OHT, ohtRows(), { header })), snapshot())).toThrow(
      /fk\/ohm-ohalsotal\/SJPohttal\.xlsx, sheet "Blad1", row 3, column "Ålder": column not found in the header \(it has: År, Månad, Län, Kommun, Kön, Åldersgrupp, Ohälsotalet\)/,
    );
  });

  it("names the cell of an unknown sex, an unknown kommun, or a value that is not a number", () => {
    const bad = (row: FkRow) => () => importFkLive(fetched(fkWorkbook(OHT, [row])), snapshot());
    expect(bad([2023, 12, L01, "0114 Upplands Väsby", "Båda", ALL, 1])).toThrow(/sheet "Blad1", row 4, column "E4 \(Kön\)", value "Båda": expected one of Kvinnor och män, Kvinnor, Män/);
    expect(bad([2023, 12, L01, "0199 Påhittad", "Kvinnor", ALL, 1])).toThrow(/row 4, column "D4 \(Kommun\)", value "0199 Påhittad": not a kommun in data\/snapshot\/areas\/kommuner\.csv/);
    expect(bad([2023, 12, L01, "Upplands Väsby", "Kvinnor", ALL, 1])).toThrow(/column "D4 \(Kommun\)".*expected "kkkk Namn"/);
    expect(bad([2023, 12, L01, "0114 Upplands Väsby", "Kvinnor", ALL, "x"])).toThrow(/column "G4 \(Ohälsotalet\)", value "x": expected a number/);
    expect(bad([2023, 13, L01, "0114 Upplands Väsby", "Kvinnor", ALL, 1])).toThrow(/column "B4 \(Månad\)", value 13: a month is 1–12/);
    expect(bad([2023, 12, L01, "0114 Upplands Väsby", "Kvinnor", ALL, 400])).toThrow(/column "G4 \(Ohälsotalet\)", value 400/);
  });

  it("refuses a file changed after it was fetched", () => {
    const from = fetched();
    const path = join(from, "fk", "ohm-sjptal", "SJPsjptal.xlsx");
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from([0])]));
    expect(() => importFkLive(from, snapshot())).toThrow(/fk\/ohm-sjptal\/SJPsjptal\.xlsx, column "sha256".*differs from manifest\.json/);
  });
});
