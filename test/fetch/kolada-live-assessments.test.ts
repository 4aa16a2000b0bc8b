/**
 * Kolada's Finsam KPIs U40460–U40469 (Deltagarbedömning Finsam), from a
 * fetched folder built in API v3's documented shape (test/fetch/live-fetched.ts;
 * made-up numbers, made-up OU ids) through the importer, the loader, the
 * dataset and the site's page models. The unit of report comes from the KPI
 * metadata: kommun values reach the kommun page, organisational-unit values
 * are listed as not linked to a förbund, and a missing or unexpected
 * metadata field stops the import naming file, row, field and value.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { contentText } from "../../src/pipeline/atomic";
import { loadAssessments } from "../../src/pipeline/assessments";
import { importKoladaLive } from "../../src/pipeline/import/kolada-live";
import { loadSourceProvenance } from "../../src/pipeline/load";
import { deltagarbedomningDatasets, type DeltagarbedomningRow } from "../../src/pipeline/publish/datasets/deltagarbedomning";
import { datasetFiles } from "../../src/pipeline/publish/write";
import { assessmentSection, kommunAssessments } from "../../src/site/participants/assessments";
import { dataRow, kpiMeta, tinySnapshot, writeFetched } from "./live-fetched";

const AREAS = { kommuner: [{ kommunkod: "0114", name: "Upplands Väsby", lanskod: "01" }, { kommunkod: "0115", name: "Vallentuna", lanskod: "01" }], lan: [{ lanskod: "01", name: "Stockholms län" }] };
const META = "meta/kpi-b001-p001.json";
const U40460 = "Deltagarbedömning Finsam - Stöd är till stor nytta, andel (%)";

/** Fetch pages → import → snapshot on disk → loader → published rows. */
function publish(pages: Record<string, unknown>): DeltagarbedomningRow[] {
  const snap = tinySnapshot();
  const { files } = importKoladaLive(writeFetched(pages), snap);
  for (const [path, content] of files) {
    mkdirSync(dirname(join(snap, "kolada-live", path)), { recursive: true });
    writeFileSync(join(snap, "kolada-live", path), contentText(content));
  }
  const live = loadSourceProvenance(snap, "kolada-live", (p) => relative(process.cwd(), join(snap, p)));
  const assessments = loadAssessments(snap, live, { kommuner: new Set(["0114", "0115"]), lan: new Set(["01"]) });
  const datasets = deltagarbedomningDatasets(assessments, AREAS);
  // The writer checks every row against the dataset's schema, as the build does.
  for (const d of datasets) expect(contentText(datasetFiles(d).get("deltagarbedomning.csv")).split("\n")[0]).toBe("kpi,measure_label,level,code,name,year,sex,value,status,note,source_file");
  return datasets.flatMap((d) => d.rows) as DeltagarbedomningRow[];
}

const meta = (over: Record<string, unknown>) => ({ values: [kpiMeta("U40460", { title: U40460, is_divided_by_gender: false, ...over })], next_url: "" });
const data = (rows: unknown[]) => ({ values: rows, next_url: "" });
const ouPage = (rows: unknown[]) => ({ values: rows, next_url: "" });
const ouRow = (ou: string, period: number, value: number | null) => ({ kpi: "U40460", ou, period, values: [{ gender: "T", count: 1, status: value === null ? "Missing" : "", value }] });

describe("Deltagarbedömning Finsam: unit of report from Kolada's metadata", () => {
  it("kommun-level metadata (municipality_type K, no OU data): the values reach the kommun page model", () => {
    const rows = publish({ [META]: meta({ municipality_type: "K", has_ou_data: false }), "data/k001-m001-p001.json": data([dataRow("U40460", "0114", 2024, 81.04), dataRow("U40460", "0115", 2024, null)]) });
    expect(kommunAssessments(rows, "0114")).toEqual([{ kpi: "U40460", title: U40460, code: "0114", name: "Upplands Väsby", year: 2024, sex: "alla", text: "81,0\u00a0%", note: "" }]);
    expect(kommunAssessments(rows, "0115")[0]).toMatchObject({ text: "–", note: 'Kolada: inget värde (status "Missing")' });
    const section = assessmentSection(rows);
    expect(section).toMatchObject({ fetched: true, kommunValues: 1, kommunCount: 2, unmatched: [] });
    expect(section.kpis[0]).toEqual({ kpi: "U40460", title: U40460, units: "kommun", years: "2024" });
    expect(section.kpis[1]).toMatchObject({ kpi: "U40461", units: "" });
  });

  it("OU-level metadata (has_ou_data): /oudata values are listed as not linked to any förbund, and no kommun page gets them", () => {
    const rows = publish({
      [META]: meta({ municipality_type: "K", has_ou_data: 1 }),
      "data/k001-m001-p001.json": data([]),
      "oudata/k001-y001-p001.json": ouPage([ouRow("V99TEST00001", 2024, 77), ouRow("V99TEST00002", 2024, 64.5)]),
    });
    const section = assessmentSection(rows);
    expect(section.unmatched.map((u) => [u.code, u.year, u.text])).toEqual([["V99TEST00001", 2024, "77,0\u00a0%"], ["V99TEST00002", 2024, "64,5\u00a0%"]]);
    expect(section.unmatched[0]!.note).toContain("vilket samordningsförbund den är kan inte avgöras härifrån");
    expect(section.kpis[0]!.units).toBe("organisationsenhet i Kolada");
    expect(kommunAssessments(rows, "0114")).toEqual([]);
  });

  it("stops when a metadata field the routing relies on is missing", () => {
    const m = meta({});
    delete (m.values[0] as Record<string, unknown>).municipality_type;
    expect(() => importKoladaLive(writeFetched({ [META]: m, "data/k001-m001-p001.json": data([]) }), tinySnapshot())).toThrow(
      'kolada-v3/meta/kpi-b001-p001.json, row 1, column "municipality_type": field missing in Kolada\'s metadata for U40460: municipality_type (one of K, L, A). The unit of report of the Finsam KPIs is read from it',
    );
  });

  it("stops on an unexpected metadata value", () => {
    expect(() => importKoladaLive(writeFetched({ [META]: meta({ municipality_type: "X" }), "data/k001-m001-p001.json": data([]) }), tinySnapshot())).toThrow(
      'kolada-v3/meta/kpi-b001-p001.json, row 1, column "municipality_type", value "X": unexpected value in Kolada\'s metadata for U40460: expected one of K, L, A',
    );
    expect(() => importKoladaLive(writeFetched({ [META]: meta({ is_divided_by_gender: 0 }), "data/k001-m001-p001.json": data([]) }), tinySnapshot())).toThrow(
      'column "is_divided_by_gender", value 0: unexpected value in Kolada\'s metadata for U40460: expected true/false (a boolean in API v3)',
    );
  });

  it("stops when the values contradict the metadata: OU values without has_ou_data, a kommun value for a region KPI, values by sex for a KPI not divided by sex", () => {
    const ou = { "oudata/k001-y001-p001.json": ouPage([ouRow("V99TEST00001", 2024, 77)]) };
    expect(() => importKoladaLive(writeFetched({ [META]: meta({ has_ou_data: false }), "data/k001-m001-p001.json": data([]), ...ou }), tinySnapshot())).toThrow(
      'kolada-v3/oudata/k001-y001-p001.json, row 1, column "ou", value "V99TEST00001": Kolada\'s metadata says has_ou_data is false for U40460, but /oudata gave a value',
    );
    expect(() => importKoladaLive(writeFetched({ [META]: meta({ municipality_type: "L" }), "data/k001-m001-p001.json": data([dataRow("U40460", "0114", 2024, 80)]) }), tinySnapshot())).toThrow(
      'column "municipality", value "0114": Kolada\'s metadata says municipality_type L (regions) for U40460, but /data gave a kommun value',
    );
    expect(() => importKoladaLive(writeFetched({ [META]: meta({}), "data/k001-m001-p001.json": data([dataRow("U40460", "0114", 2024, 80, 82, 78)]) }), tinySnapshot())).toThrow(
      'column "values.gender", value "K": Kolada\'s metadata says U40460 is not divided by sex (is_divided_by_gender false)',
    );
  });

  it("without values: no dataset (never a header-only CSV), and the page model says what is known – ids and the documented titles – and that nothing is fetched", () => {
    expect(deltagarbedomningDatasets(null, AREAS)).toEqual([]);
    // A fetch whose Finsam answer held no rows publishes nothing either.
    expect(publish({ [META]: meta({}), "data/k001-m001-p001.json": data([]) })).toEqual([]);
    expect(deltagarbedomningDatasets({ rows: [], kpis: [], provenance: {} as never }, AREAS)).toEqual([]);
    const section = assessmentSection([]);
    expect(section.fetched).toBe(false);
    expect(section.kpis.map((k) => k.kpi)).toEqual(["U40460", "U40461", "U40462", "U40463", "U40464", "U40465", "U40466", "U40467", "U40468", "U40469"]);
    expect(section.kpis.filter((k) => k.title !== null).map((k) => k.kpi)).toEqual(["U40460", "U40465"]);
    expect(section.kpis.every((k) => k.units === "" && k.years === "")).toBe(true);
  });
});
