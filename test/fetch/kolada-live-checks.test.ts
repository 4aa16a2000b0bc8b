/**
 * The kolada-live importer gives the rows from API v3 the archive's checks:
 * bounds, both sexes within women and men, every kommun present, and län and
 * riket against their kommuner. Each bad fixture (constructed in the
 * documented shape, made-up numbers) must stop the import with the file,
 * the KPI/area/year, the column and the value, or be marked as the archive
 * marks it.
 */
import { describe, expect, it } from "vitest";
import { contentText } from "../../src/pipeline/atomic";
import { importKoladaLive } from "../../src/pipeline/import/kolada-live";
import { valueFileOf } from "../../src/pipeline/live-values";
import { dataRow, kpiMeta, tinySnapshot, writeFetched } from "./live-fetched";

const PAGE = "data/k001-m001-p001.json";
const fetched = (kpi: string, rows: unknown[]) => writeFetched({ "meta/kpi-b001-p001.json": { values: [kpiMeta(kpi)], next_url: "" }, [PAGE]: { values: rows, next_url: "" } });

describe("kolada-live: the archive's checks on live rows", () => {
  it("accepts a complete, consistent answer and says how many län/riket values it checked", () => {
    // Invånare (a sum): 1 000 + 2 000 = 3 000 for the län and riket.
    const from = fetched("N01951", [dataRow("N01951", "0114", 2023, 1000), dataRow("N01951", "0115", 2023, 2000), dataRow("N01951", "0001", 2023, 3000), dataRow("N01951", "0000", 2023, 3000)]);
    const { files } = importKoladaLive(from, tinySnapshot());
    expect(JSON.parse(contentText(files.get("provenance.json"))).notes).toContain(
      "Län och riket från API v3 mot sina kommuner: 2 värden kontrollerade och inom toleransen; 0 kunde inte kontrolleras (befolkning för året eller ett kommunvärde saknas).",
    );
  });

  it("stops when a kommun has no row for a year and sex the others have (completeness)", () => {
    const from = fetched("N00957", [dataRow("N00957", "0114", 2023, 21.9, 26.4, 17.2), dataRow("N00957", "0115", 2023, 20, 24, 16), dataRow("N00957", "0114", 2024, 21.5, 26, 17)]);
    expect(() => importKoladaLive(from, tinySnapshot())).toThrow(
      'kolada-v3/data/k001-m001-p001.json, column "municipality", value "0115 2024 K": no row for kommun 0115, 2024, sex K, although Kolada API v3 gave N00957 2024 (sex K) for other kommuner',
    );
  });

  it("counts Kolada's explicit 'no value' row as present (not as a lost page)", () => {
    const from = fetched("N00957", [dataRow("N00957", "0114", 2023, 21.9, 26.4, 17.2), dataRow("N00957", "0115", 2023, null, null, null)]);
    expect(contentText(importKoladaLive(from, tinySnapshot()).files.get("values/n00957.csv"))).toContain("N00957,kommun,0115,2023,K,,not_published,");
  });

  it("stops on a value outside its indicator's bounds, naming file, row, column and value", () => {
    const from = fetched("N03920", [dataRow("N03920", "0114", 2023, 104.2), dataRow("N03920", "0115", 2023, 5)]);
    expect(() => importKoladaLive(from, tinySnapshot())).toThrow(/^kolada-v3\/data\/k001-m001-p001\.json, row 1, column "values\.value", value 104\.2: a share above 100 % for N03920/);
  });

  it("marks a both-sexes value outside women and men as source_defect with the reason, as the archive does", () => {
    const from = fetched("N00957", [dataRow("N00957", "0114", 2023, 30.1, 26.4, 17.2), dataRow("N00957", "0115", 2023, 20, 24, 16)]);
    const { files } = importKoladaLive(from, tinySnapshot());
    expect(contentText(files.get("values/n00957.csv"))).toContain(
      'N00957,kommun,0114,2023,T,,source_defect,"Källan anger 30,1 för båda könen men 26,4 för kvinnor och 17,2 för män; värdet för båda könen ska ligga mellan dem. Ett fel i källan, inte en mätning, så värdet används inte.",data/k001-m001-p001.json',
    );
    expect(JSON.parse(contentText(files.get("provenance.json"))).notes.some((n: string) => n.startsWith("N00957 0114 2023 T: Källan anger 30,1"))).toBe(true);
  });

  it("stops when a län or riket value differs from its kommuner beyond the build's tolerance", () => {
    const from = fetched("N01951", [dataRow("N01951", "0114", 2023, 1000), dataRow("N01951", "0115", 2023, 2000), dataRow("N01951", "0001", 2023, 3000), dataRow("N01951", "0000", 2023, 3500)]);
    expect(() => importKoladaLive(from, tinySnapshot())).toThrow(
      'kolada-v3/data/k001-m001-p001.json, column "N01951 riket 00 2023 T", value 3500: Kolada API v3 gives 3500 for riket, but its kommuner give 3000 (-14.29 %, tolerance 0.1 %',
    );
  });

  it("says how many län/riket values could not be checked when the year has no population weights", () => {
    const from = fetched("N00957", [dataRow("N00957", "0114", 2023, 21.9, 26.4, 17.2), dataRow("N00957", "0115", 2023, 20, 24, 16), dataRow("N00957", "0000", 2023, 99, 99, 99)]);
    const notes: string[] = JSON.parse(contentText(importKoladaLive(from, tinySnapshot()).files.get("provenance.json"))).notes;
    expect(notes).toContain("Län och riket från API v3 mot sina kommuner: 0 värden kontrollerade och inom toleransen; 3 kunde inte kontrolleras (befolkning för året eller ett kommunvärde saknas).");
  });

  it("the build's län/riket error names the live file for a value merged from API v3, the archive's otherwise", () => {
    const values = [
      { level: "riket", code: "00", year: 2022, sex: "T", note: "" },
      { level: "riket", code: "00", year: 2023, sex: "T", note: "Kolada API v3, hämtat 2026-11-02 (kolada-live/values/n00957.csv, data/k001-m001-p001.json)" },
    ];
    expect(valueFileOf(values, { kpi: "N00957", level: "riket", code: "00", year: 2023, sex: "T" })).toBe("data/snapshot/kolada-live/values/n00957.csv");
    expect(valueFileOf(values, { kpi: "N00957", level: "riket", code: "00", year: 2022, sex: "T" })).toBe("data/snapshot/kolada/values/n00957.csv");
  });
});
