/**
 * Import what `npm run fetch -- --only scb` wrote from SCB PxWebApi 2.0
 * (<from>/scb-v2/data/*.json: table TAB638 in JSON-stat 2.0, population per
 * kommun, marital status, one-year age 16–64, sex and year) into
 * data/snapshot/scb-live/ as the project's population KPIs: N01954 (16–19
 * år) and N01955 (20–64 år) per kommun, year and sex (K, M, and T = K + M),
 * each the sum over every marital status and age in its band. Rules:
 *  - every fetched file must still match the sha256 in its manifest;
 *  - every age 16–64 and the four marital statuses must be there for each
 *    kommun, year and sex, with a number, or the import stops naming the cell;
 *  - where the Kolada archive (or kolada-live) has the same KPI, kommun, year
 *    and sex, the two must be equal, or the import stops naming both.
 * The build uses these only for years Kolada lacks (load.ts).
 */
import type { FileTree } from "../atomic";
import { decodeUtf8, formatCsv } from "../csv";
import { DataInputError } from "../errors";
import { checkJsonStat, SCB_AGES, SCB_DIR, SCB_TABLE } from "../fetch/scb";
import type { Provenance, Sex } from "../schema";
import { fromEntry, readAreaCodes, readFetchedFolder, SOURCES_COLUMNS, sourcesRows, yearSpan, type AreaCodes } from "./fetched";
import { compareValues, koladaValues } from "./fk-live";
import { LIVE_VALUE_COLUMNS, type LiveValue } from "./kolada-live";

export const SCB_LIVE_SOURCE = "scb-live";
/** TAB638's marital statuses (ogifta, gifta, skilda, änkor/änklingar); the sum needs all four. */
export const SCB_CIVILSTAND = ["OG", "G", "SK", "ÄNKL"] as const;
const SEX_BY_KON: Record<string, Sex> = { "1": "M", "2": "K" };
const BANDS = [
  { kpi: "N01954", title: "Invånare 16–19 år", ages: SCB_AGES.filter((a) => Number(a) <= 19) },
  { kpi: "N01955", title: "Invånare 20–64 år", ages: SCB_AGES.filter((a) => Number(a) >= 20) },
] as const;

export function importScbLive(from: string, snapshotDir: string): { files: FileTree; values: LiveValue[]; compared: number } {
  const fetched = readFetchedFolder(from, SCB_DIR);
  const areas = readAreaCodes(snapshotDir);
  const dataFiles = fetched.manifest.files.filter((f) => f.path.startsWith("data/")).map((f) => f.path);
  if (!dataFiles.length) throw new DataInputError({ file: `${SCB_DIR}/manifest.json`, column: "files" }, "no data/ files: fetch again (npm run fetch -- --only scb)");
  /** kommun|year|sex|age → persons, summed over marital status, with the file it came from. */
  const cells = new Map<string, { persons: number; file: string }>();
  for (const path of dataFiles) readFile(`${SCB_DIR}/${path}`, path, fetched.bytes.get(path)!, areas, cells);

  const values: LiveValue[] = [];
  const keys = new Set([...cells.keys()].map((k) => k.split("|").slice(0, 2).join("|")));
  for (const key of [...keys].sort()) {
    const [code, year] = key.split("|") as [string, string];
    for (const band of BANDS) {
      const bySex = { K: 0, M: 0 };
      let file = "";
      for (const sex of ["K", "M"] as const)
        for (const age of band.ages) {
          const cell = cells.get(`${code}|${year}|${sex}|${age}`);
          if (!cell) throw new DataInputError({ file: `${SCB_DIR}/data`, column: "Alder", value: `${code} ${year} ${sex} ${age}` }, `no value for this kommun, year, sex and age: the sum ${band.title} would be incomplete`);
          bySex[sex] += cell.persons;
          file = cell.file;
        }
      const note = `SCB ${SCB_TABLE}, summa över civilstånd och ettårsklasser ${band.ages[0]}–${band.ages[band.ages.length - 1]} år`;
      for (const [sex, value] of [["T", bySex.K + bySex.M], ["K", bySex.K], ["M", bySex.M]] as const)
        values.push({ kpi: band.kpi, level: "kommun", code, year: Number(year), sex, value, status: "published", note, source_file: file });
    }
  }
  const compared = crossCheck(values, snapshotDir);

  const files: FileTree = new Map();
  const provenanceFiles: Provenance["files"] = [];
  for (const band of BANDS) {
    const rows = values.filter((v) => v.kpi === band.kpi).sort(compareValues);
    const path = `values/${band.kpi.toLowerCase()}.csv`;
    files.set(path, formatCsv(LIVE_VALUE_COLUMNS, rows));
    provenanceFiles.push({ path, title: `${band.title} per kommun (SCB ${SCB_TABLE}; samma mått som Kolada ${band.kpi})`, from: [...new Set(rows.map((r) => r.source_file))].sort().map((p) => fromEntry(fetched, p)), source_ref: `SCB ${SCB_TABLE}, ${yearSpan(rows)}`, rows: rows.length });
  }
  files.set("sources.csv", formatCsv(SOURCES_COLUMNS, sourcesRows(fetched)));
  provenanceFiles.push({ path: "sources.csv", title: "Hämtade filer med adress, tid, sha256 och licens", from: dataFiles.map((p) => fromEntry(fetched, p)), source_ref: `${SCB_DIR}/manifest.json`, rows: fetched.manifest.files.length });
  const m = fetched.manifest;
  const provenance: Provenance = {
    source: SCB_LIVE_SOURCE,
    title: `SCB – befolkning 16–19 och 20–64 år per kommun (${SCB_TABLE}, folkmängd 31 december)`,
    publisher: m.publisher,
    original_publishers: ["Statistiska centralbyrån (SCB)"],
    licence: m.licence,
    period: yearSpan(values),
    retrieval: {
      method: `Hämtat med npm run fetch från SCB PxWebApi 2.0 (${m.base_url}/tables/${SCB_TABLE}/data, json-stat2), ettårsklasser 16–64 år per kommun och kön; varje fil med adress och sha256 i sources.csv.`,
      archive: `${m.files.length} svar sparade som de kom (manifest.json)`,
      archived_on: m.fetched_at.slice(0, 10),
      url: m.base_url,
    },
    files: provenanceFiles.sort((a, b) => a.path.localeCompare(b.path)),
    notes: [
      "N01954 = summan av åldrarna 16–19 år, N01955 = 20–64 år, över alla civilstånd; T = kvinnor + män. Samma mått som Kolada (som hämtar dem från SCB).",
      compared ? `Kontroll mot Kolada: ${compared} värden finns i båda och är lika.` : "Kontroll mot Kolada: inga gemensamma år att jämföra.",
      "Bygget använder värdena bara för år som Kolada (arkivet och API v3) saknar, som vikter för befolkningsvägda värden.",
      ...m.notes,
    ],
  };
  files.set("provenance.json", JSON.stringify(provenance, null, 2) + "\n");
  return { files, values, compared };
}

/** Add one JSON-stat answer's cells (summed over marital status) to `cells`. */
function readFile(file: string, path: string, bytes: Buffer, areas: AreaCodes, cells: Map<string, { persons: number; file: string }>): void {
  let body: unknown;
  try {
    body = JSON.parse(decodeUtf8(bytes, file));
  } catch (error) {
    throw new DataInputError({ file }, `not valid JSON: ${(error as Error).message}`);
  }
  let stat: ReturnType<typeof checkJsonStat>;
  try {
    stat = checkJsonStat(body, file, 200);
  } catch (error) {
    throw new DataInputError({ file }, (error as Error).message.replace(/^.*?\(HTTP 200\): /, ""));
  }
  const codes = stat.id.map((d) => Object.entries(stat.dimension[d]!.category.index).sort((a, b) => a[1] - b[1]).map(([code]) => code));
  const dim = (name: string) => stat.id.indexOf(name);
  const expectCodes = (name: string, allowed: readonly string[], exact: boolean) => {
    const got = codes[dim(name)] ?? [];
    const odd = got.filter((c) => !allowed.includes(c));
    const lacking = exact ? allowed.filter((c) => !got.includes(c)) : [];
    if (odd.length || lacking.length) throw new DataInputError({ file, column: `dimension.${name}`, value: got.join(",") }, `expected ${exact ? "exactly" : "only"} ${allowed.join(", ")}${lacking.length ? `; lacking ${lacking.join(", ")}` : ""}`);
  };
  expectCodes("Civilstand", SCB_CIVILSTAND, true);
  expectCodes("Kon", Object.keys(SEX_BY_KON), false);
  expectCodes("Alder", SCB_AGES, false);
  if (dim("ContentsCode") >= 0) expectCodes("ContentsCode", ["BE0101N1"], true);
  for (const r of codes[dim("Region")]!) if (!areas.kommuner.has(r)) throw new DataInputError({ file, column: "dimension.Region", value: r }, "not a kommun in data/snapshot/areas/kommuner.csv");
  for (const y of codes[dim("Tid")]!) if (!/^\d{4}$/.test(y)) throw new DataInputError({ file, column: "dimension.Tid", value: y }, "expected a year");
  // Row-major strides (JSON-stat 2.0): the last dimension varies fastest.
  const strides = stat.size.map((_, i) => stat.size.slice(i + 1).reduce((a, b) => a * b, 1));
  const position = new Array<number>(stat.id.length).fill(0);
  const seenHere = new Set<string>();
  stat.value.forEach((value, flat) => {
    for (let d = 0; d < stat.id.length; d++) position[d] = Math.floor(flat / strides[d]!) % stat.size[d]!;
    const at = (name: string) => codes[dim(name)]![position[dim(name)]!]!;
    const where = stat.id.map((d) => `${d} ${at(d)}`).join(", ");
    if (value === null || !Number.isInteger(value) || value < 0) throw new DataInputError({ file, column: `value[${flat}]`, value }, `${where}: a population must be a whole number ≥ 0`);
    const key = `${at("Region")}|${at("Tid")}|${SEX_BY_KON[at("Kon")]}|${at("Alder")}`;
    const cell = cells.get(key);
    if (cell && !seenHere.has(key)) throw new DataInputError({ file, column: `value[${flat}]` }, `${where}: also in ${cell.file}`);
    seenHere.add(key);
    cells.set(key, { persons: (cell?.persons ?? 0) + value, file: path });
  });
}

/** Where Kolada has the same population value, they must be equal. */
function crossCheck(values: readonly LiveValue[], snapshotDir: string): number {
  let compared = 0;
  for (const band of BANDS) {
    const kolada = koladaValues(band.kpi, snapshotDir);
    for (const v of values) {
      if (v.kpi !== band.kpi) continue;
      const k = kolada.get(`kommun|${v.code}|${v.year}|${v.sex}`);
      if (!k) continue;
      if (k.value !== v.value)
        throw new DataInputError(
          { file: `${SCB_DIR}/${v.source_file}`, column: `${v.kpi} kommun ${v.code} ${v.year} ${v.sex}`, value: v.value },
          `SCB ${SCB_TABLE} sums to ${v.value}, but Kolada (${k.file}, row ${k.row}) has ${k.value}; population must agree exactly`,
        );
      compared++;
    }
  }
  return compared;
}
