/**
 * The kolada-live importer: reads what fetch wrote (fetched here from a local
 * server with constructed fixtures) and merges it with a small archive
 * snapshot. Checks deleted rows, null values with status, groups, the overlap
 * rule (agree at the published rounding, else stop naming both values), that
 * live rows are kept only for years the archive lacks, and checksums.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentText } from "../../src/pipeline/atomic";
import { PUBLISHERS } from "../../src/pipeline/fetch/config";
import { runFetch } from "../../src/pipeline/fetch/index";
import { importKoladaLive, roundPublished } from "../../src/pipeline/import/kolada-live";
import { provenanceSchema } from "../../src/pipeline/schema";
import { fixture, json, startServer, testConfig, type LocalServer } from "./server";

let server: LocalServer;
let from: string;

beforeAll(async () => {
  server = await startServer();
  server.route = (req, res) => {
    const path = req.path.replace(/^\/kolada\/v3/, "");
    if (path.startsWith("/kpi/")) return json(res, 200, fixture("kolada-kpi.json"));
    if (path.startsWith("/municipality")) return json(res, 200, fixture("kolada-municipality.json"));
    if (path.startsWith("/oudata/")) return json(res, 200, fixture("kolada-oudata.json"));
    json(res, 200, fixture("kolada-data.json"));
  };
  from = mkdtempSync(join(tmpdir(), "live-from-"));
  await runFetch(testConfig(server.base), { to: from, only: ["kolada"], kommunkoder: [], kpis: ["N00957", "U40460"] });
});
afterAll(() => server.close());

/** A tiny archive snapshot: two kommuner in Stockholms län, ohälsotal 2022 for Upplands Väsby. */
function snapshot(archiveT2022 = "22.1", archiveK2022 = "27"): string {
  const dir = mkdtempSync(join(tmpdir(), "live-snap-"));
  mkdirSync(join(dir, "areas"));
  mkdirSync(join(dir, "kolada", "values"), { recursive: true });
  writeFileSync(join(dir, "areas", "kommuner.csv"), "kommunkod,name,lanskod\n0114,Upplands Väsby,01\n0115,Vallentuna,01\n");
  writeFileSync(join(dir, "areas", "lan.csv"), "lanskod,name\n01,Stockholms län\n");
  writeFileSync(
    join(dir, "kolada", "values", "n00957.csv"),
    `kpi,level,code,year,sex,value,status,note\nN00957,kommun,0114,2022,T,${archiveT2022},published,\nN00957,kommun,0114,2022,K,${archiveK2022},published,\nN00957,kommun,0114,2022,M,17.5,published,\n`,
  );
  return dir;
}

describe("kolada-live importer", () => {
  it("keeps live rows only for years the archive lacks, drops deleted rows and groups, keeps null values with status", () => {
    const { files } = importKoladaLive(from, snapshot());
    const lines = contentText(files.get("values/n00957.csv")).trim().split("\n");
    expect(lines).toEqual([
      "kpi,level,code,year,sex,value,status,note,source_file",
      "N00957,riket,00,2023,T,24.3,published,,data/k001-m001-p001.json",
      'N00957,lan,01,2023,T,,not_published,"Kolada: inget värde (status ""Missing"")",data/k001-m001-p001.json',
      "N00957,kommun,0114,2023,T,21.9,published,,data/k001-m001-p001.json",
      "N00957,kommun,0114,2023,K,26.4,published,,data/k001-m001-p001.json",
      "N00957,kommun,0114,2023,M,17.2,published,,data/k001-m001-p001.json",
      ...["T", "K", "M"].map((sex) => `N00957,kommun,0115,2023,${sex},,not_published,"Kolada: inget värde (status ""Missing"")",data/k001-m001-p001.json`),
    ]);
    // U40460 is routed by its metadata (kommun values from /data, OU values from /oudata), not merged as an indicator.
    expect(files.has("values/u40460.csv")).toBe(false);
    expect(contentText(files.get("deltagarbedomning.csv")).trim().split("\n")).toEqual([
      "kpi,level,code,year,sex,value,status,note,source_file",
      "U40460,kommun,0114,2024,T,81,published,,data/k001-m001-p001.json",
      "U40460,ou,V99TEST00001,2024,T,77,published,,oudata/k001-y001-p001.json",
    ]);
    const provenance = provenanceSchema.parse(JSON.parse(contentText(files.get("provenance.json"))));
    expect(provenance.notes).toContain("3 värden finns i både arkivet och API v3 och stämmer överens med den publicerade avrundningen.");
    expect(provenance.notes).toContain("3 värden från API v3 gäller år som arkivet har men saknar i arkivet (eller som arkivet avvisat som platshållare); de används inte.");
    expect(provenance.notes).toContain("1 rader markerade isdeleted togs bort; 1 rader för kommungrupper (G…) hoppades över.");
    expect(provenance.notes.some((n) => n.startsWith("/oudata asked for U40460 (has_ou_data"))).toBe(true);
    expect(provenance.files.find((f) => f.path === "values/n00957.csv")!.from[0]!.file).toBe("kolada-v3/data/k001-m001-p001.json");
    const sources = contentText(files.get("sources.csv"));
    expect(sources).toMatch(/kolada-v3\/data\/k001-m001-p001\.json,"http:\/\/127\.0\.0\.1:\d+\/kolada\/v3\/data\/kpi\/N00957,U40460\/municipality\/0000,0001,0114,0115\?per_page=5000",/);
  });

  it("records KPI metadata from v3, including the unit-of-report fields of U40460", () => {
    const meta = contentText(importKoladaLive(from, snapshot()).files.get("kpi-metadata.csv"));
    expect(meta.split("\n")[0]).toBe("kpi,title,description,publisher,kolada_publication_date,auspice,municipality_type,is_divided_by_gender,has_ou_data");
    expect(meta).toMatch(/^U40460,"Deltagarbedömning Finsam - Stöd är till stor nytta, andel \(%\)",.*,Testutgivare,2026-03-01,E,K,false,true$/m);
  });

  it("states each publisher's licence only as known, and carries Kolada's from the fetch manifest into the snapshot's provenance", () => {
    for (const p of Object.values(PUBLISHERS)) {
      expect(p.licence).not.toMatch(/fri användning/i);
      expect(p.licence).toMatch(/^Ej (angiven|kontrollerad) här – kontrollera hos utgivaren/);
    }
    const manifest = JSON.parse(readFileSync(join(from, "kolada-v3", "manifest.json"), "utf8"));
    expect(manifest.licence).toBe(PUBLISHERS.kolada.licence);
    const provenance = provenanceSchema.parse(JSON.parse(contentText(importKoladaLive(from, snapshot()).files.get("provenance.json"))));
    expect(provenance.licence).toBe(manifest.licence);
  });

  it("stops when archive and live disagree at the published rounding, naming both values", () => {
    expect(() => importKoladaLive(from, snapshot("22.2"))).toThrow(
      "kolada-v3/data/k001-m001-p001.json, column \"N00957 kommun 0114 2022 T\", value 22.14: Kolada API v3 gives 22.14 but the archive (kolada/values/n00957.csv, row 2) has 22.2; they differ at 1 decimal(s)",
    );
  });

  it("does not add live values for a year the archive has, even where the archive lacks that row", () => {
    const dir = snapshot();
    writeFileSync(join(dir, "kolada", "values", "n00957.csv"), "kpi,level,code,year,sex,value,status,note\nN00957,kommun,0114,2022,T,22.1,published,\n");
    const { files } = importKoladaLive(from, dir);
    expect(contentText(files.get("values/n00957.csv"))).not.toContain(",2022,");
    expect(JSON.parse(contentText(files.get("provenance.json"))).notes).toContain(
      "5 värden från API v3 gäller år som arkivet har men saknar i arkivet (eller som arkivet avvisat som platshållare); de används inte.",
    );
  });

  it("counts and lists further disagreements after the first", () => {
    expect(() => importKoladaLive(from, snapshot("22.2", "28"))).toThrow(/has 22\.2; they differ at 1 decimal\(s\)\. 1 more value\(s\) differ, e\.g\. N00957 0114 2022 K: 27 vs 28$/);
  });

  it("rounds half up on the decimal text", () => {
    expect(roundPublished(22.14, 1)).toBe(22.1);
    expect(roundPublished(22.15, 1)).toBe(22.2);
    expect(roundPublished(1.005, 2)).toBe(1.01);
  });

  it("refuses a fetched file that changed after fetch (checksum)", () => {
    const copy = mkdtempSync(join(tmpdir(), "live-copy-"));
    mkdirSync(join(copy, "kolada-v3", "data"), { recursive: true });
    mkdirSync(join(copy, "kolada-v3", "meta"), { recursive: true });
    mkdirSync(join(copy, "kolada-v3", "oudata"), { recursive: true });
    const manifest = JSON.parse(readFileSync(join(from, "kolada-v3", "manifest.json"), "utf8"));
    for (const f of manifest.files) writeFileSync(join(copy, "kolada-v3", f.path), readFileSync(join(from, "kolada-v3", f.path)));
    writeFileSync(join(copy, "kolada-v3", "manifest.json"), JSON.stringify(manifest));
    writeFileSync(join(copy, "kolada-v3", "data", "k001-m001-p001.json"), JSON.stringify({ values: [], next_url: "" }));
    expect(() => importKoladaLive(copy, snapshot())).toThrow(/kolada-v3\/data\/k001-m001-p001\.json, column "sha256", value "[0-9a-f]{64}": differs from manifest\.json/);
  });

  it("refuses an area code it does not know", () => {
    const dir = snapshot();
    writeFileSync(join(dir, "areas", "kommuner.csv"), "kommunkod,name,lanskod\n0115,Vallentuna,01\n");
    expect(() => importKoladaLive(from, dir)).toThrow(/kolada-v3\/data\/k001-m001-p001\.json, row 1, column "municipality", value "0114": not riket 0000/);
  });
});
