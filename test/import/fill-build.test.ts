/**
 * The build reads data/snapshot/fk-live/ and scb-live/ when they are there:
 * their values fill only the years Kolada (archive and kolada-live) lacks,
 * each row naming the publisher, the fetch date and the file, and the
 * dataset sources list them with their fetch date. Without the folders the
 * published files are exactly what Kolada alone gives. Fixtures:
 * test/fixtures/fk-scb-live-snapshot.ts (made-up numbers).
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentText } from "../../src/pipeline/atomic";
import { buildData } from "../../src/pipeline/build";
import { INDICATORS } from "../../src/pipeline/indicators";
import { loadSnapshot, type Snapshot } from "../../src/pipeline/load";
import { indicatorValueDataset } from "../../src/pipeline/publish/datasets/indicator-values";
import { datasetFiles } from "../../src/pipeline/publish/write";
import { FK_FIXTURE_FETCHED, FK_N00957, SCB_FIXTURE_FETCHED, writeFkLiveFixture, writeScbLiveFixture } from "../fixtures/fk-scb-live-snapshot";
import { LIVE_FIXTURE_FETCHED, writeLiveFixture } from "../fixtures/kolada-live-snapshot";

const OHALSOTAL = INDICATORS.find((i) => i.kpi === "N00957")!;
const BUILD = { version: "test", dataVintage: "test" };
const FK_NOTE = `"decembervärdet, rullande 12 månader; Försäkringskassan, hämtat ${FK_FIXTURE_FETCHED} (fk-live/values/n00957.csv, ohm-ohalsotal/SJPohttal.xlsx)"`;
let dir: string;
let archive: Snapshot;
let filled: Snapshot;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "fill-"));
  cpSync("data/snapshot", dir, { recursive: true });
  writeFkLiveFixture(dir);
  writeScbLiveFixture(dir);
  archive = loadSnapshot("data/snapshot");
  filled = loadSnapshot(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csv = (s: Snapshot) => contentText(datasetFiles(indicatorValueDataset(s, OHALSOTAL)).get("ohalsotal.csv"));
const yearIs = (line: string, year: number) => line.split(",")[4] === String(year);

describe("Försäkringskassan and SCB values in the build", () => {
  it("fill the years Kolada lacks, each row naming its source; Kolada's years stay Kolada's", () => {
    const before = csv(archive).trim().split("\n");
    const after = csv(filled).trim().split("\n");
    expect(after).toContain(`N00957,riket,00,Riket,2023,T,24.6,published,${FK_NOTE}`);
    expect(after).toContain(`N00957,kommun,0114,Upplands Väsby,2023,M,17.4,published,${FK_NOTE}`);
    // The fixture's 2022 riket value (99.9) is not used: the archive has 2022.
    expect(after.filter((l) => !yearIs(l, 2023))).toEqual(before);
    expect(after.join("\n")).not.toContain("99.9");
    const pop = filled.values.get("N01954")!.filter((v) => v.year === 2023);
    expect(pop).toEqual([
      { kpi: "N01954", level: "kommun", code: "0114", year: 2023, sex: "T", value: 2000, status: "published", note: `SCB TAB638, summa över civilstånd och ettårsklasser 16–19 år; SCB, hämtat ${SCB_FIXTURE_FETCHED} (scb-live/values/n01954.csv, data/regions-001.json)` },
      expect.objectContaining({ sex: "K", value: 980 }),
      expect.objectContaining({ sex: "M", value: 1020 }),
    ]);
  });

  it("list Försäkringskassan with its fetch date among the dataset's sources", () => {
    const sources = indicatorValueDataset(filled, OHALSOTAL).sources;
    expect(sources.map((s) => s.title)).toContain(`TESTFIXTUR values/n00957.csv — testfixtur, hämtat ${FK_FIXTURE_FETCHED}`);
    expect(sources.length).toBe(indicatorValueDataset(archive, OHALSOTAL).sources.length + 1);
  });

  it("leave a year to Kolada API v3 when kolada-live has it", () => {
    const both = mkdtempSync(join(tmpdir(), "fill-live-"));
    try {
      cpSync(dir, both, { recursive: true });
      writeLiveFixture(both);
      const lines = csv(loadSnapshot(both)).split("\n").filter((l) => yearIs(l, 2023));
      expect(lines).toContain(`N00957,riket,00,Riket,2023,T,24.3,published,"Kolada API v3, hämtat ${LIVE_FIXTURE_FETCHED} (kolada-live/values/n00957.csv, data/k001-m001-p001.json)"`);
      expect(lines.join("\n")).not.toContain("Försäkringskassan");
    } finally {
      rmSync(both, { recursive: true, force: true });
    }
  });

  it("refuse an unknown kommun and an edited file", () => {
    const bad = mkdtempSync(join(tmpdir(), "fill-bad-"));
    try {
      cpSync("data/snapshot", bad, { recursive: true });
      writeFkLiveFixture(bad, FK_N00957.replace("N00957,kommun,0114,2023,M", "N00957,kommun,0199,2023,M"));
      expect(() => loadSnapshot(bad)).toThrow(/fk-live\/values\/n00957\.csv, row 7, column "code", value "0199": unknown kommun code/);
      cpSync("data/snapshot/kolada/values/n00957.csv", join(bad, "fk-live/values/n00957.csv"));
      expect(() => loadSnapshot(bad)).toThrow(/fk-live\/values\/n00957\.csv.*differs from what the importer wrote/);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it("the whole data build: without the folders nothing has 2023; with them, only the files that hold ohälsotal or population change", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "fill-build-"));
    try {
      cpSync("data", dataDir, { recursive: true });
      writeFkLiveFixture(join(dataDir, "snapshot"));
      writeScbLiveFixture(join(dataDir, "snapshot"));
      const without = buildData("data", BUILD).files;
      const withFill = buildData(dataDir, BUILD).files;
      const changed = [...withFill.keys()].filter((k) => contentText(withFill.get(k)) !== contentText(without.get(k))).sort();
      // Ohälsotal and the population KPIs gain 2023; so do the population 16–64 (their sum), the förbund aggregates
      // (marked incomplete: the fixtures hold one kommun) and the with/without comparison, which read them.
      expect(changed).toEqual([
        "befolkning-16-64.csv", "befolkning-16-64.json", "codebook.md", "datapackage.json", "forbund-indikatorer.csv", "forbund-indikatorer.json",
        "invanare-16-19.csv", "invanare-16-19.json", "invanare-20-64.csv", "invanare-20-64.json", "med-och-utan-forbund.csv", "med-och-utan-forbund.json",
        "ohalsotal.csv", "ohalsotal.json",
      ]);
      expect(contentText(without.get("befolkning-16-64.csv")).split("\n").filter((l) => l.includes(",0114,") && l.includes(",2023,"))).toEqual([]);
      expect(contentText(withFill.get("befolkning-16-64.csv")).split("\n").filter((l) => l.includes(",0114,") && l.includes(",2023,T,"))[0]).toContain(",30000,");
      expect(contentText(without.get("datapackage.json"))).not.toContain("Försäkringskassan, hämtat");
      expect(contentText(withFill.get("ohalsotal.csv"))).toContain(`N00957,kommun,0114,Upplands Väsby,2023,T,21.8,published,${FK_NOTE}`);
      expect(contentText(withFill.get("datapackage.json"))).toContain(`hämtat ${FK_FIXTURE_FETCHED}`);
      // The förbund aggregates' source line names the fill sources and their fetch dates.
      const pkg = JSON.parse(contentText(withFill.get("datapackage.json"))) as { resources: Array<{ name: string; sources: Array<{ title: string; retrieved?: string }> }> };
      const agg = pkg.resources.find((r) => r.name === "forbund-indikatorer")!.sources.find((s) => s.title.startsWith("Kolada, nyckeltal per kommun"))!;
      expect(agg.title).toBe("Kolada, nyckeltal per kommun (se datamängden för varje nyckeltal); för år som Kolada saknar: Försäkringskassan och SCB");
      expect(agg.retrieved).toContain(FK_FIXTURE_FETCHED);
      expect(agg.retrieved).toContain(SCB_FIXTURE_FETCHED);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
