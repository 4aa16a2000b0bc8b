/**
 * The build reads data/snapshot/kolada-live/ when it is there: its values join
 * the archive's for the years the archive lacks, each row naming its source,
 * and the dataset cites Kolada API v3 with the fetch date. Without the folder
 * the published files are exactly what the archive alone gives.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentText } from "../../src/pipeline/atomic";
import { INDICATORS } from "../../src/pipeline/indicators";
import { loadSnapshot, type Snapshot } from "../../src/pipeline/load";
import { buildData } from "../../src/pipeline/build";
import { datapackage } from "../../src/pipeline/publish/datapackage";
import { indicatorValueDataset } from "../../src/pipeline/publish/datasets/indicator-values";
import { datasetFiles } from "../../src/pipeline/publish/write";
import { completeN00957, LIVE_FIXTURE_FETCHED, writeLiveFixture } from "../fixtures/kolada-live-snapshot";

const OHALSOTAL = INDICATORS.find((i) => i.kpi === "N00957")!;
const BUILD = { version: "test", dataVintage: "test" };
let withLive: string;
let archive: Snapshot;
let merged: Snapshot;

beforeAll(() => {
  withLive = mkdtempSync(join(tmpdir(), "live-merge-"));
  cpSync("data/snapshot", withLive, { recursive: true });
  writeLiveFixture(withLive);
  archive = loadSnapshot("data/snapshot");
  merged = loadSnapshot(withLive);
});
afterAll(() => rmSync(withLive, { recursive: true, force: true }));

const files = (s: Snapshot) => datasetFiles(indicatorValueDataset(s, OHALSOTAL));
const csv = (s: Snapshot) => contentText(files(s).get("ohalsotal.csv"));
/** The CSV's lines for one year (the fifth column; a kommun code such as 2023 must not match). */
const yearIs = (line: string, year: number) => line.split(",")[4] === String(year);

describe("live Kolada values in the build", () => {
  it("without the folder: no 2023 rows and no API v3 source, as before", () => {
    expect(archive.provenance.has("kolada-live")).toBe(false);
    expect(csv(archive).split("\n").filter((l) => yearIs(l, 2023))).toEqual([]);
    expect(JSON.stringify(datapackage([indicatorValueDataset(archive, OHALSOTAL)], BUILD))).not.toContain("API v3");
  });

  it("with the folder: the archive's rows unchanged, the 2023 rows added with their source", () => {
    const before = csv(archive).trim().split("\n");
    const after = csv(merged).trim().split("\n");
    const note = `"Kolada API v3, hämtat ${LIVE_FIXTURE_FETCHED} (kolada-live/values/n00957.csv, data/k001-m001-p001.json)"`;
    expect(after).toContain(`N00957,riket,00,Riket,2023,T,24.3,published,${note}`);
    expect(after).toContain(`N00957,lan,01,Stockholms län,2023,T,20.5,published,${note}`);
    expect(after).toContain(`N00957,kommun,0114,Upplands Väsby,2023,K,26.4,published,${note}`);
    // A value Kolada lists without a number is a gap like any other.
    expect(after).toContain("N00957,kommun,0115,Vallentuna,2023,T,,not_published,");
    expect(after.filter((l) => !yearIs(l, 2023))).toEqual(before);
    expect(after.filter((l) => yearIs(l, 2023) && l.includes("published,\"Kolada API v3"))).toHaveLength(5);
  });

  it("with the folder: the dataset's sources list Kolada API v3 with the fetch date", () => {
    const sources = indicatorValueDataset(merged, OHALSOTAL).sources.map((s) => s.title);
    expect(sources).toContain(`Ohälsotal (N00957), från Kolada API v3 — Kolada KPI N00957, 2023, hämtat ${LIVE_FIXTURE_FETCHED}`);
    expect(sources.length).toBe(indicatorValueDataset(archive, OHALSOTAL).sources.length + 1);
  });

  it("refuses a live value for a year the archive already has", () => {
    const dir = mkdtempSync(join(tmpdir(), "live-overlap-"));
    try {
      cpSync("data/snapshot", dir, { recursive: true });
      writeLiveFixture(dir, "kpi,level,code,year,sex,value,status,note,source_file\nN00957,riket,00,2022,T,24.3,published,,data/p.json\n");
      expect(() => loadSnapshot(dir)).toThrow(/kolada-live\/values\/n00957\.csv, row 2, column "year", value 2022: the archive \(kolada\/values\/n00957\.csv\) already has 2022/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a live file where a kommun has no row for a year and sex the others have (completeness, as for the archive)", () => {
    const dir = mkdtempSync(join(tmpdir(), "live-missing-"));
    try {
      cpSync("data/snapshot", dir, { recursive: true });
      // The labelled fixture's complete rows, with Vallentuna's women's row taken out.
      const kommuner = readFileSync("data/snapshot/areas/kommuner.csv", "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]!);
      const values = completeN00957(kommuner).split("\n").filter((l) => !l.startsWith("N00957,kommun,0115,2023,K,")).join("\n");
      writeLiveFixture(dir, values);
      expect(() => loadSnapshot(dir)).toThrow(/kolada-live\/values\/n00957\.csv, column "code", value "0115 2023 K": no row for kommun 0115, 2023, sex K, although Kolada API v3 gave N00957 2023 \(sex K\) for other kommuner/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a live both-sexes value outside women and men that is not marked source_defect", () => {
    const dir = mkdtempSync(join(tmpdir(), "live-parts-"));
    try {
      cpSync("data/snapshot", dir, { recursive: true });
      const kommuner = readFileSync("data/snapshot/areas/kommuner.csv", "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]!);
      writeLiveFixture(dir, completeN00957(kommuner).replace("N00957,kommun,0114,2023,T,21.9,", "N00957,kommun,0114,2023,T,30.1,"));
      expect(() => loadSnapshot(dir)).toThrow(/kolada-live\/values\/n00957\.csv, row 4, column "status", value "published": the value for both sexes \(30\.1\) lies outside the values for women and men \(26\.4, 17\.2\) for N00957 kommun 0114 2023: it must be a source_defect/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an edited live file (the seal)", () => {
    const dir = mkdtempSync(join(tmpdir(), "live-seal-"));
    try {
      cpSync(withLive, dir, { recursive: true });
      cpSync(join("data/snapshot/kolada/values/n00957.csv"), join(dir, "kolada-live/values/n00957.csv"));
      expect(() => loadSnapshot(dir)).toThrow(/kolada-live\/values\/n00957\.csv.*differs from what the importer wrote/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the whole data build, twice: without the folder nothing has 2023; with it, only the files that hold ohälsotal change", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "live-build-"));
    try {
      cpSync("data", dataDir, { recursive: true });
      writeLiveFixture(join(dataDir, "snapshot"));
      const without = buildData("data", BUILD).files;
      const withLiveFiles = buildData(dataDir, BUILD).files;
      const changed = [...withLiveFiles.keys()].filter((k) => contentText(withLiveFiles.get(k)) !== contentText(without.get(k))).sort();
      // The förbund aggregates gain 2023 rows marked incomplete: the fixture has values for one kommun only.
      expect(changed).toEqual(["codebook.md", "datapackage.json", "forbund-indikatorer.csv", "forbund-indikatorer.json", "med-och-utan-forbund.csv", "med-och-utan-forbund.json", "ohalsotal.csv", "ohalsotal.json"]);
      expect(contentText(without.get("ohalsotal.csv")).split("\n").filter((l) => yearIs(l, 2023))).toEqual([]);
      expect(contentText(withLiveFiles.get("ohalsotal.csv"))).toContain(`N00957,kommun,0114,Upplands Väsby,2023,T,21.9,published,"Kolada API v3, hämtat ${LIVE_FIXTURE_FETCHED}`);
      expect(contentText(without.get("datapackage.json"))).not.toContain("API v3");
      expect(contentText(withLiveFiles.get("datapackage.json"))).toContain(`från Kolada API v3 — Kolada KPI N00957, 2023, hämtat ${LIVE_FIXTURE_FETCHED}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
