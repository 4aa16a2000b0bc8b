/**
 * Import Kolada KPI values as archived in Gapminder's DDF CSV layout:
 *   ddf--datapoints--<kpi>--by--geo--year.csv          geo,year,<kpi>          (both sexes, Kolada "T")
 *   ddf--datapoints--<kpi>--by--geo--gender--year.csv  geo,gender,year,<kpi>   (k / m)
 * geo: "0" riket, "01".."25" län (Kolada region), 4 digits kommun.
 * Writes data/snapshot/kolada/values/<kpi>.csv (tidy, one row per area, year and sex),
 * indicators.csv (Kolada's own title, description and publisher) and provenance.json.
 */
import { z } from "zod";
import type { FileTree } from "../atomic";
import { formatCsv, type CsvTable } from "../csv";
import { DataInputError } from "../errors";
import { boundsProblem, FIRST_YEAR, INDICATORS, LAST_YEAR, totalOutsidePartsReason, type IndicatorInfo } from "../indicators";
import { RIKET_CODE, SNAPSHOT_COLUMNS, type AreaLevel, type IndicatorMeta, type IndicatorValue, type Provenance, type Sex } from "../schema";
import { assertUniqueKey, pointDecimal, validateRow, yearIn } from "../validate";
import { firstMissingKommunValue, KOLADA_SOURCE_COVERAGE, type CoverageSpec } from "../coverage";
import type { Areas } from "./areas";
import { checksum, readSourceCsv, type SourceFile } from "./source-files";
import { KOLADA_ARCHIVE_LICENCE } from "../licences";


const DIR = "kolada";
export const koladaFileName = (kpi: string, byGender: boolean) =>
  `${DIR}/ddf--datapoints--${kpi.toLowerCase()}--by--geo${byGender ? "--gender" : ""}--year.csv`;
const CONCEPTS_FILE = `${DIR}/ddf--concepts.csv`;

/** KPIs Kolada publishes for both sexes only. */
const TOTAL_ONLY = new Set(["N31807"]);

/**
 * Values present in the archive that are placeholders, not measurements. They
 * are kept in the snapshot with status "source_defect", an empty value and the
 * reason, so the rejection is visible and never silent.
 */
export const KNOWN_SOURCE_DEFECTS: ReadonlyArray<{ kpi: string; geo: string; year: number; gender: string; printed: string; reason: string }> = [
  ...(["k", "m"] as const).map((gender) => ({
    kpi: "N02797",
    geo: "0",
    year: 2007,
    gender,
    printed: "0.0",
    reason:
      "Arkivet har 0.0 för riket 2007 (kvinnor och män) men inget värde för båda könen; alla län ligger mellan 5 och 10 %. En platshållare för saknat värde, inte en mätning.",
  })),
];

const SEX_OF_GENDER: Record<string, Sex> = { k: "K", m: "M" };

export function importKolada(from: string, areas: Areas, coverage: CoverageSpec = KOLADA_SOURCE_COVERAGE): { files: FileTree; values: IndicatorValue[]; meta: IndicatorMeta[] } {
  const kommunCodes = new Set(areas.kommuner.map((k) => k.kommunkod));
  const lanCodes = new Set(areas.lan.map((l) => l.lanskod));
  const files: FileTree = new Map();
  const allValues: IndicatorValue[] = [];
  const provenanceFiles: Provenance["files"] = [];
  const detectedDefects: string[] = [];

  const concepts = readSourceCsv(from, CONCEPTS_FILE, CONCEPT_COLUMNS);
  const meta = readIndicatorMeta(concepts.table);

  for (const info of INDICATORS) {
    const sources: SourceFile[] = [];
    const values: IndicatorValue[] = [];
    for (const byGender of TOTAL_ONLY.has(info.kpi) ? [false] : [false, true]) {
      const name = koladaFileName(info.kpi, byGender);
      const column = info.kpi.toLowerCase();
      const { table, source } = readSourceCsv(from, name, byGender ? ["geo", "gender", "year", column] : ["geo", "year", column]);
      sources.push(source);
      values.push(...readValues(table, info, byGender, kommunCodes, lanCodes));
    }
    const missing = firstMissingKommunValue(info.kpi, values, areas.kommuner.map((k) => k.kommunkod), coverage);
    if (missing)
      throw new DataInputError(
        { file: koladaFileName(info.kpi, missing.sex !== "T"), column: "geo", value: `${missing.code} ${missing.year}${missing.sex === "T" ? "" : " " + missing.sex.toLowerCase()}` },
        `a kommun value is missing: ${missing.reason}. A cut or edited file? (Known gaps are listed in src/pipeline/coverage.ts.)`,
      );
    values.sort(compareValues);
    detectedDefects.push(...markTotalsOutsideParts(info, values));
    allValues.push(...values);
    const path = `values/${info.kpi.toLowerCase()}.csv`;
    files.set(path, formatCsv(SNAPSHOT_COLUMNS.indicatorValue, values));
    const years = values.map((v) => v.year);
    provenanceFiles.push({
      path,
      title: `${meta.get(info.kpi)!.title} (${info.kpi})`,
      from: sources.map(checksum),
      source_ref: `Kolada KPI ${info.kpi}, ${Math.min(...years)}–${Math.max(...years)}`,
      rows: values.length,
    });
  }

  const metaRows = INDICATORS.map((i) => meta.get(i.kpi)!);
  files.set("indicators.csv", formatCsv(SNAPSHOT_COLUMNS.indicatorMeta, metaRows));
  provenanceFiles.push({ path: "indicators.csv", title: "Kolada:s beskrivning av varje nyckeltal", from: [checksum(concepts.source)], source_ref: "Kolada KPI-metadata", rows: metaRows.length });
  provenanceFiles.sort((a, b) => a.path.localeCompare(b.path));

  const provenance: Provenance = {
    source: "kolada",
    title: "Kolada – nyckeltal per kommun, län och riket",
    publisher: "RKA (Rådet för främjande av kommunala analyser), Kolada",
    original_publishers: ["Försäkringskassan", "Arbetsförmedlingen", "Statistiska centralbyrån (SCB)", "Socialstyrelsen", "MUCF"],
    // As the source folder's MANIFEST.md states it: the archive names no licence; the rest is third-party hearsay, said as such.
    licence: KOLADA_ARCHIVE_LICENCE,
    period: "1994–2022 (olika för varje nyckeltal)",
    retrieval: {
      method:
        "Hämtat från Kolada API v2 (/v2/data/kpi/{kpi}/year/{year}, åren 1994–2022) av open-numbers/Gapminder och arkiverat som DDF-CSV; importerat härifrån utan ändrade värden.",
      archive: "github.com/open-numbers/ddf--kolada--dump @ 8501d5c7694b444dbf59d063c5156754e2a9b819 (datapunkter ändrade senast i 57f4d84, 2024-08-31)",
      archived_on: "2024-08-31",
      url: "https://api.kolada.se/v2/",
    },
    files: provenanceFiles,
    notes: [
      "Värden för 2023 och senare finns inte i arkivet (Kolada API v3 nås inte från byggmiljön).",
      "Årsvärdet för ohälsotal är decembervärdet (rullande 12 månader).",
      "Riket har koden 00, län två tecken och kommuner fyra tecken.",
      ...KNOWN_SOURCE_DEFECTS.map((d) => `${d.kpi} ${d.geo === "0" ? "riket" : d.geo} ${d.year} ${d.gender}: ${d.reason}`),
      ...detectedDefects,
    ],
  };
  files.set("provenance.json", JSON.stringify(provenance, null, 2) + "\n");
  return { files, values: allValues, meta: metaRows };
}

const CONCEPT_COLUMNS = [
  "concept", "concept_type", "domain", "name", "description", "drill_up", "tags", "usability", "municipality_type", "perspective",
  "auspices", "is_divided_by_gender", "operating_area", "ou_publication_date", "publication_date", "has_ou_data", "prel_publication_date",
];

function readIndicatorMeta(table: CsvTable): Map<string, IndicatorMeta> {
  const wanted = new Set(INDICATORS.map((i) => i.kpi.toLowerCase()));
  const meta = new Map<string, IndicatorMeta>();
  for (const row of table.rows) {
    const id = row.values.concept!;
    if (!wanted.has(id)) continue;
    const description = row.values.description!.trim();
    const publisher = /Källa:\s*(.+?)\.?\s*$/.exec(description)?.[1];
    if (!publisher) throw new DataInputError({ file: table.file, row: row.row, column: "description", value: description }, "no \"Källa: …\" naming the publisher");
    if (!row.values.name!.trim()) throw new DataInputError({ file: table.file, row: row.row, column: "name", value: "" }, "KPI has no title");
    meta.set(id.toUpperCase(), {
      kpi: id.toUpperCase(),
      title: row.values.name!.trim(),
      description,
      publisher,
      kolada_publication_date: row.values.publication_date!.trim(),
    });
  }
  for (const i of INDICATORS) {
    if (!meta.has(i.kpi)) throw new DataInputError({ file: table.file, column: "concept", value: i.kpi.toLowerCase() }, "KPI not described in the concepts file");
  }
  return meta;
}

function readValues(table: CsvTable, info: IndicatorInfo, byGender: boolean, kommunCodes: Set<string>, lanCodes: Set<string>): IndicatorValue[] {
  const column = info.kpi.toLowerCase();
  const rowSchema = z.object({
    geo: z.string(),
    gender: byGender ? z.enum(["k", "m"], { message: "gender must be k or m" }) : z.undefined(),
    year: yearIn(FIRST_YEAR, LAST_YEAR),
    [column]: pointDecimal,
  });
  const out: Array<IndicatorValue & { row: number; key: string }> = [];
  for (const row of table.rows) {
    const parsed = validateRow(rowSchema, row, table.file);
    const geo = parsed.geo as string;
    const area = areaOfGeo(geo, kommunCodes, lanCodes);
    if (!area) throw new DataInputError({ file: table.file, row: row.row, column: "geo", value: geo }, "unknown area code (not riket 0, a länskod or a kommunkod in the kommun list)");
    const year = parsed.year as number;
    const gender = (parsed.gender as string | undefined) ?? "";
    const value = parsed[column] as number;
    const sex: Sex = byGender ? SEX_OF_GENDER[gender]! : "T";
    const defect = KNOWN_SOURCE_DEFECTS.find((d) => d.kpi === info.kpi && d.geo === geo && d.year === year && (d.gender === gender));
    if (defect) {
      if (row.values[column] !== defect.printed) throw new DataInputError({ file: table.file, row: row.row, column, value: row.values[column] }, `expected the known placeholder ${defect.printed} here; the source changed, review KNOWN_SOURCE_DEFECTS`);
      out.push({ kpi: info.kpi, ...area, year, sex, value: null, status: "source_defect", note: defect.reason, row: row.row, key: `${geo}|${year}|${gender}` });
      continue;
    }
    checkPlausible(info, value, { file: table.file, row: row.row, column, value: row.values[column] });
    out.push({ kpi: info.kpi, ...area, year, sex, value, status: "published", note: "", row: row.row, key: `${geo}|${year}|${gender}` });
  }
  assertUniqueKey(out, ["key"], table.file);
  return out.map(({ row: _row, key: _key, ...v }) => v);
}

/**
 * A both-sexes value outside its women's and men's values (or 0 while both
 * are positive) becomes a source_defect row with the reason, in place: kept
 * visible, never used (e.g. Älvsbyn 2560, N03926 2021: T 0.0, K 4.21, M 4.18).
 * Returns one provenance note per defect.
 */
function markTotalsOutsideParts(info: IndicatorInfo, values: IndicatorValue[]): string[] {
  const byKey = new Map(values.map((v) => [`${v.level}|${v.code}|${v.year}|${v.sex}`, v]));
  const notes: string[] = [];
  for (const [i, t] of values.entries()) {
    if (t.sex !== "T" || t.value === null) continue;
    const part = (sex: Sex) => byKey.get(`${t.level}|${t.code}|${t.year}|${sex}`)?.value ?? null;
    const [k, m] = [part("K"), part("M")];
    if (k === null || m === null) continue;
    const reason = totalOutsidePartsReason(info, t.value, k, m);
    if (!reason) continue;
    values[i] = { ...t, value: null, status: "source_defect", note: reason };
    notes.push(`${info.kpi} ${t.level === "riket" ? "riket" : t.code} ${t.year} T: ${reason}`);
  }
  return notes;
}

function areaOfGeo(geo: string, kommunCodes: Set<string>, lanCodes: Set<string>): { level: AreaLevel; code: string } | null {
  if (geo === "0") return { level: "riket", code: RIKET_CODE };
  if (/^\d{2}$/.test(geo) && lanCodes.has(geo)) return { level: "lan", code: geo };
  if (/^\d{4}$/.test(geo) && kommunCodes.has(geo)) return { level: "kommun", code: geo };
  return null;
}

function checkPlausible(info: IndicatorInfo, value: number, at: ConstructorParameters<typeof DataInputError>[0]): void {
  const problem = boundsProblem(info, value);
  if (problem) throw new DataInputError(at, problem);
}

const LEVEL_ORDER: Record<AreaLevel, number> = { riket: 0, lan: 1, kommun: 2 };
const SEX_ORDER: Record<Sex, number> = { T: 0, K: 1, M: 2 };
function compareValues(a: IndicatorValue, b: IndicatorValue): number {
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code) || a.year - b.year || SEX_ORDER[a.sex] - SEX_ORDER[b.sex];
}
