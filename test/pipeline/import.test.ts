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
import { writeSourceTree } from "../fixtures/source-tree";

let src: string;
let out: string;
beforeAll(() => {
  src = writeSourceTree();
  out = mkdtempSync(join(tmpdir(), "finsam-import-"));
  runImport(src, out);
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
    expect(lines).toContain("N00957,lan,01,2019,K,10,published,");
    expect(lines).toContain("N00957,kommun,0114,2020,M,6,published,");
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
  it("writes a snapshot that the build's loader accepts", () => {
    const s = loadSnapshot(out);
    expect(s.values.get("N00957")).toHaveLength(15);
    expect(s.printed.get("T01")).toHaveLength(1);
  });
});
