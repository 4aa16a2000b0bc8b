/**
 * The SOCSAM/FINSAM history importer on the small labelled samples of
 * test/fixtures/socsam-history.ts: what it writes, and every kind of bad
 * input it must refuse with file, row and column, writing nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runImport } from "../../scripts/import";
import { DataInputError } from "../../src/pipeline/errors";
import { statedNumbers } from "../../src/pipeline/import/stated-number";
import { FIXTURE_COVERAGE, rewrite, writeSourceTree } from "../fixtures/source-tree";

let src: string;
let out: string;
beforeEach(() => {
  src = writeSourceTree();
  out = mkdtempSync(join(tmpdir(), "finsam-socsam-"));
  runImport(src, out, ["socsam"]);
  writeFileSync(join(out, "socsam", "SENTINEL"), "previous run");
});
afterEach(() => {
  rmSync(src, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});
const read = (p: string) => readFileSync(join(out, "socsam", p), "utf8").trim().split("\n");

describe("SOCSAM history import", () => {
  it("keeps each date at the precision the source states, with the wording of the flag", () => {
    const rows = read("history/tidslinje.csv");
    expect(rows[0]).toBe("date,precision,precision_printed,scheme,area,event,seed,source_line");
    expect(rows).toContain("1992,year,,FINSAM,Nationellt,Fixturlagen,001,92");
    expect(rows).toContain("1994-07,month,halvårsskiftet,SOCSAM,Fixturområde,Fixturområdet startar vid halvårsskiftet 1994,000;004,309;224");
  });
  it("resolves trial areas to today's kommunkod, one FINSAM row per kommun", () => {
    expect(read("history/finsam-omraden.csv").slice(1)).toEqual(["Stockholms län,Upplands Väsby,0114,Fixturanteckning,004,224", "Stockholms län,Vallentuna,0115,Fixturanteckning,004,224"]);
    expect(read("history/socsam-omraden.csv")[1]).toMatch(/^Fixturområde,kommun,Fixturprojekt,beställarförbund,0114,vid halvårsskiftet 1994,1994-07,month,/);
  });
  it("keeps a stated share and drops a share the extract read from outside the quote", () => {
    const rows = read("history/socsam-enkater.csv");
    expect(rows[2]).toContain(",33,,procent,drygt en tredjedel,");
    expect(rows[3]).toMatch(/^personalenkät,försäkringskassan,Alla,lägre kostnader,,,procent,en majoritet \(>50\),/);
  });
  it("records every history file in provenance with its source checksum", () => {
    const p = JSON.parse(readFileSync(join(out, "socsam", "provenance.json"), "utf8"));
    const files = p.files.map((f: { path: string }) => f.path);
    expect(files).toEqual(expect.arrayContaining(["socsam-t1-1998.csv", "history/tidslinje.csv", "history/finsam-omraden.csv", "history/socsam-enkater.csv"]));
    expect(p.files.find((f: { path: string }) => f.path === "history/finsam-omraden.csv").rows).toBe(2);
  });
  it("reads numbers in digits, digit groups and words", () => {
    expect(statedNumbers("ca 280 000 personer")).toContain(280000);
    expect(statedNumbers("1,7 1,9 procent ca 70 000 100 000")).toEqual(expect.arrayContaining([1.7, 1.9, 70000, 100000]));
    expect(statedNumbers("knappt en halv procent")).toContain(0.5);
    expect(statedNumbers("Två tredjedelar av personalen")).toContain(67);
    expect(statedNumbers("Svarsfrekvensen uppgick till 66 procent")).not.toContain(67);
  });
});

const TIMELINE = "socsam/tables/socsam_timeline.csv";
const PROSE = "socsam/tables/socsam_financial_result_prose.csv";
const SURVEYS = "socsam/tables/socsam_actor_surveys_pct.csv";
const NATIONAL = "socsam/tables/national_coordination_numbers.csv";
const cases: Array<{ name: string; file: string; edit: (t: string) => string; row: number; column: string; says: RegExp }> = [
  { name: "a year sharpened to a day", file: TIMELINE, edit: (t) => t.replace("1992,year", "1992-01-01,year"), row: 2, column: "date", says: /stated precision \(year\)/ },
  { name: "an unknown precision flag", file: TIMELINE, edit: (t) => t.replace("1992,year", "1992,decade"), row: 2, column: "date_precision", says: /expected one of/ },
  { name: "a seed without its line", file: TIMELINE, edit: (t) => t.replace("000;004,309;224", "000;004,309"), row: 3, column: "seed_line", says: /needs its line/ },
  { name: "a number the quote does not state", file: PROSE, edit: (t) => t.replace("pct_of_ram,-1,", "pct_of_ram,-2,"), row: 2, column: "value", says: /not stated in the quoted text/ },
  { name: "an överskott with a minus sign", file: PROSE, edit: (t) => t.replace("pct_of_ram,1.5,", "pct_of_ram,-1.5,"), row: 3, column: "value", says: /sign does not match/ },
  { name: "a start year sharpened to a month", file: PROSE, edit: (t) => t.replace("1997,1997,1997-12-31", "1997,1997-01,1997-12-31"), row: 2, column: "period_start", says: /YYYY/ },
  { name: "a survey share changed from the quote", file: SURVEYS, edit: (t) => t.replace("svarsfrekvens,66,", "svarsfrekvens,67,"), row: 2, column: "value_pct", says: /not stated/ },
  { name: "a unit outside the closed list", file: NATIONAL, edit: (t) => t.replace(",parter,", ",stycken,"), row: 3, column: "unit", says: /expected one of|Invalid/ },
  { name: "a decimal comma", file: NATIONAL, edit: (t) => t.replace("1.7,1.9", '"1,7",1.9'), row: 2, column: "value", says: /not stated|decimal point/ },
  { name: "a kommun that does not exist", file: "socsam/tables/finsam_1993_1997_areas.csv", edit: (t) => t.replace("Vallentuna", "Fixturby"), row: 2, column: "kommuner_as_stated", says: /no kommun of that name/ },
  { name: "an area result that differs from Tabell 1", file: "socsam/socsam_areas.csv", edit: (t) => t.replace("Fixturaktivitet,-100,1000,", "Fixturaktivitet,-101,1000,"), row: 2, column: "finansiellt_resultat_1998_tkr", says: /differs from Tabell 1/ },
  { name: "a classification outside ja/nej", file: "socsam/tables/coordination_forms_classification.csv", edit: (t) => t.replace(",ja,ja,nej,", ",ja,kanske,nej,"), row: 2, column: "finansiell_samordning (Fig.2)", says: /expected one of/ },
];

describe("bad SOCSAM history input stops the import and writes nothing", () => {
  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      const before = readdirSync(join(out, "socsam"), { recursive: true }).map(String).sort();
      const tidslinje = readFileSync(join(out, "socsam", "history", "tidslinje.csv"), "utf8");
      rewrite(src, c.file, c.edit);
      let error: unknown;
      try {
        runImport(src, out, ["socsam"]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataInputError);
      const message = (error as Error).message;
      expect(message).toContain(c.file);
      expect(message).toContain(`row ${c.row}`);
      expect(message).toContain(`column "${c.column}"`);
      expect(message).toMatch(c.says);
      expect(readdirSync(join(out, "socsam"), { recursive: true }).map(String).sort()).toEqual(before);
      expect(readFileSync(join(out, "socsam", "history", "tidslinje.csv"), "utf8")).toBe(tidslinje);
    });
  }
  it("rejects activity types that do not add up to the printed total", () => {
    rewrite(src, "socsam/tables/gotland_activities_by_type.csv", (t) => t.replace("fixture mapping,10,", "fixture mapping,11,"));
    expect(() => runImport(src, out, ["socsam"])).toThrow(/gotland_activities_by_type\.csv, column "count", value "17": the total row \(17\) differs from the sum of the types \(18\)/);
  });
  it("rejects an interview sample whose functions do not add up to the number interviewed", () => {
    rewrite(src, "socsam/tables/gotland_interview_sample.csv", (t) => t.replace("fixtur stöd,2,", "fixtur stöd,3,"));
    expect(() => runImport(src, out, ["socsam"])).toThrow(/gotland_interview_sample\.csv, column "count", value "6": interviewed \(6\) differs from the sum by function \(7\)/);
  });
});

describe("a changed source value reaches the published dataset", () => {
  it("re-importing a changed survey share changes socsam-enkater", async () => {
    const { loadSnapshot } = await import("../../src/pipeline/load");
    const { socsamEnkaterDataset } = await import("../../src/pipeline/publish/datasets/socsam-enkater");
    const full = mkdtempSync(join(tmpdir(), "finsam-socsam-full-"));
    try {
      runImport(src, full, undefined, FIXTURE_COVERAGE);
      const share = () => socsamEnkaterDataset(loadSnapshot(full, undefined, FIXTURE_COVERAGE)).rows.find((r) => r.indicator === "svarsfrekvens")!;
      expect(share()).toMatchObject({ value: 66, source_lines: "459", quote: "Svarsfrekvensen uppgick till 66 procent (fixtur)." });
      rewrite(src, SURVEYS, (t) => t.replace("svarsfrekvens,66,,as stated,Svarsfrekvensen uppgick till 66", "svarsfrekvens,71,,as stated,Svarsfrekvensen uppgick till 71"));
      runImport(src, full, undefined, FIXTURE_COVERAGE);
      expect(share()).toMatchObject({ value: 71 });
    } finally {
      rmSync(full, { recursive: true, force: true });
    }
  });
});
