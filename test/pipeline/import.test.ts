/** Importers on small samples in the exact layouts of the published sources (test/fixtures/source-tree.ts). */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { geoArea } from "d3";
import type { FeatureCollection } from "geojson";
import { feature } from "topojson-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImport } from "../../scripts/import";
import { loadSnapshot } from "../../src/pipeline/load";
import { FIXTURE_COVERAGE, writeSourceTree } from "../fixtures/source-tree";

let src: string;
let out: string;
beforeAll(() => {
  src = writeSourceTree();
  out = mkdtempSync(join(tmpdir(), "finsam-import-"));
  runImport(src, out, undefined, FIXTURE_COVERAGE);
});
afterAll(() => {
  rmSync(src, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});
const read = (p: string) => readFileSync(join(out, p), "utf8");

describe("Kolada importer (DDF layout)", () => {
  it("writes one tidy row per area, year and sex, with riket as 00, sexes as T/K/M and codes as text", () => {
    const lines = read("kolada/values/n00957.csv").trim().split("\n");
    expect(lines[0]).toBe("kpi,level,code,year,sex,value,status,note");
    expect(lines).toContain("N00957,riket,00,2019,T,40,published,");
    expect(lines).toContain("N00957,lan,01,2019,K,20,published,");
    expect(lines).toContain("N00957,kommun,0114,2020,M,12,published,");
    expect(lines).toHaveLength(1 + 5 * 3);
  });
  it("writes counts as whole numbers and keeps a KPI without a sex split as T only", () => {
    expect(read("kolada/values/n01951.csv")).toContain("N01951,kommun,0115,2019,T,8000,published,");
    expect(read("kolada/values/n31807.csv").split("\n").filter((l) => /,(K|M),/.test(l))).toEqual([]);
  });
  it("takes each KPI's title, description and publisher from Kolada's concepts", () => {
    expect(read("kolada/indicators.csv")).toContain('N00957,Ohälsotal,Fixturbeskrivning av Ohälsotal. Källa: Fixturmyndigheten.,Fixturmyndigheten,2025-01-16');
  });
  it("records provenance with the checksum of every file read", () => {
    const p = JSON.parse(read("kolada/provenance.json"));
    const file = p.files.find((f: { path: string }) => f.path === "values/n00957.csv");
    expect(file.from.map((f: { file: string }) => f.file)).toEqual([
      "kolada/ddf--datapoints--n00957--by--geo--year.csv",
      "kolada/ddf--datapoints--n00957--by--geo--gender--year.csv",
    ]);
    expect(file.rows).toBe(15);
  });
});

describe("areas, geo and printed-table importers", () => {
  it("keeps kommunkod and länskod as strings with leading zeros", () => {
    expect(read("areas/kommuner.csv").split("\n")[1]).toBe("0114,Upplands Väsby,01");
    expect(read("areas/lan.csv").split("\n")[1]).toBe("01,Stockholms län");
  });
  it("builds a quantized topology with string ids, restoring the län code's leading zero", () => {
    const topo = JSON.parse(read("geo/sweden.topo.json"));
    expect(topo.type).toBe("Topology");
    expect(topo.transform).toBeDefined();
    expect(topo.objects.lan.geometries.map((g: { id: string }) => g.id)).toContain("06");
    expect(topo.objects.kommuner.geometries).toHaveLength(290);
  });
  it("winds polygons for d3-geo, so a kommun is a small area and not the globe minus it", () => {
    const topo = JSON.parse(read("geo/sweden.topo.json"));
    const areas = (feature(topo, topo.objects.kommuner) as unknown as FeatureCollection).features.map((f) => geoArea(f));
    // The fixture's squares are 0.1° wide (about 2e-6 steradians); the whole sphere is 4π.
    expect(Math.max(...areas)).toBeLessThan(1e-4);
  });
  it("maps each table's own columns to one tidy shape and keeps the printed cell and line", () => {
    expect(read("riksdag-2015/t10.csv").trim().split("\n")[1]).toBe("T10,2013,Fixtur insatstyp,Fixtur kon,1234,persons,1 234,100,");
    expect(read("riksdag-2015/t16.csv").trim().split("\n")[1]).toBe("T16,2013,Fixtur aktor_syfte,,1234,persons,1 234,100,Fixturtext");
    expect(read("riksdag-2015/t15.csv").trim().split("\n")[1]).toBe("T15,,Fixtur nyckeltal,Fixtur part,1234,persons,1 234,100,");
    expect(read("socsam/socsam-t1-1998.csv")).toContain("SOCSAM-T1,1998,Finansiellt resultat,Fixturområde,-100,TSEK,-100,291,");
  });
  it("keeps per-förbund figures from the running text with their quote, and splits a printed range", () => {
    const lines = read("riksdag-2015/foerbund/figures.csv").trim().split("\n");
    expect(lines[2]).toBe("txt_03,fixtur-forbund,Fixturförbundet,Hela förbundet,2015?,andel_resurser,,90,95,percent,,3483,90–95 procent (fixtur)");
    expect(lines[3]).toContain("txt_04,fixtur-forbund,Fixturförbundet,,2015,statlig_tilldelning,3052000,,,SEK,,2960,");
  });
  it("maps each Bilaga 2 table to one row per cell, with the förbund, a span period and Swedish notes", () => {
    const b208 = read("riksdag-2015/foerbund/b2-08.csv").trim().split("\n");
    expect(b208[0]).toBe("table,foerbund_id,activity,period,measure,measure_printed,breakdown,value,unit,value_printed,source_line,note");
    expect(b208[1]).toBe("B2-08,skelleftea-norsjo,Fixtur Arbetsmarknadstorget,2010..2013,deltagare,Deltagare under projekttiden,,79,persons,Unga 16–29 år. 79 deltagare,2934,Status: Ordinarie verksamhet fr.o.m. 2013-09-01.");
    // A printed mark that ends in a full stop gets no second one.
    expect(b208[2]).toMatch(/,Status: Avslutat\. Finansiering: Soc\.styr\.$/);
    expect(b208[3]).toMatch(/,200,persons,Gymnasieelever\. Ca 200,2943,Ungefärligt tal \(tryckt ”Ca”\)\. Status: Pågår\. Finansiering: ESF\.$/);
    // The förbund named in a column becomes its registry id.
    expect(read("riksdag-2015/foerbund/b2-09.csv")).toContain("B2-09,uddevalla-orust-fargelanda,,2013,antal_deltagare,Antal deltagare,,143,persons,143,3006,");
    // A blank cell stays blank, never 0, and the reason is said in Swedish.
    const b210 = read("riksdag-2015/foerbund/b2-10.csv");
    expect(b210).toContain("B2-10,goteborg-nordost,Fixtur Bergsjön,2013,antal_avslutade_fortsatt_rehab,,man,,persons,,3090,Tom ruta i tabellen.");
    expect(b210).toContain("B2-10,goteborg-nordost,Summa,2013,andel_tagit_vidare_steg,,totalt,78,percent,78 %,3103,");
    // A unit the table does not print, and that cannot be read from it, is "unknown".
    expect(read("riksdag-2015/foerbund/b2-08b.csv")).toContain('B2-08b,skelleftea-norsjo,Fixtur Spira,2013,arbete,,,18,unknown,Arbete: 18,2949,"Enheten är oklar. Tabellen skriver ingen enhet');
    expect(read("riksdag-2015/foerbund/b2-15.csv")).toContain("B2-15,kalmar-lan,,2014-01..2014-10,andel_arbete_studier_efter_avslut,,,34,percent,34,3497,Perioden tryckt ”t.o.m. okt. 2014”.");
  });
  it("records each Bilaga 2 table in the provenance with its title, lines and what the report cites", () => {
    const p = JSON.parse(read("riksdag-2015/provenance.json"));
    const b212 = p.files.find((f: { path: string }) => f.path === "foerbund/b2-12.csv");
    expect(b212.title).toBe("Fixturtabell B2-12");
    expect(b212.source_ref).toMatch(/^Bilaga 2, rad 3000-3001 i rapporten; rapporten anger som underlag: Budget och verksamhetsplan för 2015/);
    expect(b212.from.map((f: { file: string }) => f.file)).toEqual(["riksdag-2015/tables/b2_12_delta_budget_2015.csv", "riksdag-2015/tables/INDEX.csv"]);
    expect(b212.rows).toBe(1);
  });
  it("writes a snapshot that the build's loader accepts", () => {
    const s = loadSnapshot(out, undefined, FIXTURE_COVERAGE);
    expect(s.values.get("N00957")).toHaveLength(15);
    expect(s.printed.get("T01")).toHaveLength(1);
    expect(s.foerbundTables.get("B2-10")!.rows).toHaveLength(3);
  });
});
