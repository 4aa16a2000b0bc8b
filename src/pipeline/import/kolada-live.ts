/**
 * Import what `npm run fetch` wrote from Kolada API v3 (<from>/kolada-v3/) and
 * merge it with the archive snapshot (data/snapshot/kolada/, Kolada v2 up to
 * 2022). Rules:
 *  - every fetched file must still match the sha256 in its manifest;
 *  - rows with isdeleted are dropped, Kolada groups (G…) are skipped, a null
 *    value is kept as not_published with Kolada's status in the note;
 *  - where archive and live overlap (same KPI, area, year, sex) the values must
 *    agree at the indicator's published rounding, else the import stops and
 *    names both values;
 *  - the live source is written only for years the archive lacks for that
 *    KPI; each row names the fetched file it came from (source_file), and
 *    sources.csv gives that file's URL, retrieval time, sha256 and licence;
 *  - the new rows get the archive's checks (../live-values.ts): bounds, both
 *    sexes within women and men (else a source_defect with the reason), every
 *    kommun present, and län/riket against their kommuner (derive/check-totals.ts)
 *    where the population weights for the year exist;
 *  - the Finsam KPIs U40460–U40469 are routed by their KPI metadata
 *    (./kolada-live-assessments.ts) into deltagarbedomning.csv.
 * Writes data/snapshot/kolada-live/: values/<kpi>.csv, deltagarbedomning.csv,
 * kpi-metadata.csv, sources.csv, provenance.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FileTree } from "../atomic";
import { decodeUtf8, formatCsv, parseCsv } from "../csv";
import { DataInputError } from "../errors";
import { boundsProblem, FIRST_YEAR, INDICATOR_BY_KPI, LAST_YEAR } from "../indicators";
import { FINSAM_KPIS, KOLADA_DIR, KOLADA_RIKET, koladaKpiSchema, koladaValueSchema, type KoladaKpi, type KoladaValueRow } from "../fetch/kolada";
import { MANIFEST_FILE } from "../fetch/provenance";
import { RIKET_CODE, SNAPSHOT_COLUMNS, indicatorValueSchema, type AreaLevel, type IndicatorValue, type Kommun, type Provenance, type Sex } from "../schema";
import { validateRows } from "../validate";
import { firstMissingLiveKommunRow, liveTotalsOutsideParts, missingLiveRowProblem } from "../live-values";
import { checkTotals } from "../derive/check-totals";
import { population16to64 } from "../derive/population";
import { populationWeights, weightFor } from "../derive/weights";
import { ASSESSMENT_COLUMNS, ASSESSMENT_FILE, assessmentUnits, readOuRows, routeAssessments, type AssessmentValue, type RawAssessmentRow } from "./kolada-live-assessments";
import { readFetchedFolder, sha256 as sha, type FetchedFolder } from "./fetched";
import { sealProvenance } from "./seal";

export const LIVE_SOURCE = "kolada-live";
export const LIVE_VALUE_COLUMNS = [...SNAPSHOT_COLUMNS.indicatorValue, "source_file"] as const;
export const LIVE_META_COLUMNS = ["kpi", "title", "description", "publisher", "kolada_publication_date", "auspice", "municipality_type", "is_divided_by_gender", "has_ou_data"] as const;

/**
 * A live value: the snapshot's columns, with not_published allowed (value
 * null, Kolada's status in the note) and source_defect for a both-sexes value
 * outside its parts, as in the archive.
 */
export type LiveValue = Omit<IndicatorValue, "status"> & { status: "published" | "not_published" | "source_defect"; source_file: string };


export function importKoladaLive(from: string, snapshotDir: string): { files: FileTree; values: LiveValue[]; assessments: AssessmentValue[] } {
  const fetched = readFetched(from);
  const areas = readAreas(snapshotDir);
  const { values, deleted, groups, finsam } = readLiveValues(fetched, areas);
  // The Finsam KPIs' unit fields first, so a missing or odd field is named in the routing's own words.
  const units = assessmentUnits(pagesUnder(fetched, "meta/kpi-"));
  const meta = readLiveMeta(fetched);
  const { kept, checked, unmatched } = mergeWithArchive(values, snapshotDir);
  const checkNotes = checkNewRows(kept, areas, snapshotDir);
  const ou = readOuRows(pagesUnder(fetched, "oudata/"));
  const assessments = routeAssessments([...finsam, ...ou.rows], units);

  const files: FileTree = new Map();
  const byKpi = new Map<string, LiveValue[]>();
  for (const v of kept) {
    if (!byKpi.has(v.kpi)) byKpi.set(v.kpi, []);
    byKpi.get(v.kpi)!.push(v);
  }
  const provenanceFiles: Provenance["files"] = [];
  for (const [kpi, rows] of [...byKpi].sort(([a], [b]) => a.localeCompare(b))) {
    rows.sort(compareValues);
    const path = `values/${kpi.toLowerCase()}.csv`;
    files.set(path, formatCsv(LIVE_VALUE_COLUMNS, rows));
    const sources = [...new Set(rows.map((r) => r.source_file))].sort();
    const years = yearSpan(rows);
    provenanceFiles.push({
      path,
      title: `${meta.find((m) => m.id === kpi)?.title ?? kpi} (${kpi}), från Kolada API v3`,
      from: sources.map((file) => ({ file: `${KOLADA_DIR}/${file}`, sha256: sha(fetched.bytes.get(file)!) })),
      source_ref: `Kolada KPI ${kpi}, ${years}`,
      rows: rows.length,
    });
  }
  // Like every snapshot CSV, never header-only: without Finsam values there is no file, and a note says so.
  if (assessments.length) files.set(ASSESSMENT_FILE, formatCsv(ASSESSMENT_COLUMNS, assessments));
  if (assessments.length) provenanceFiles.push({
    path: ASSESSMENT_FILE,
    title: "Deltagarbedömning Finsam (U40460–U40469), från Kolada API v3, per enhet som Kolada:s metadata anger",
    from: [...new Set(assessments.map((a) => a.source_file))].sort().map((file) => ({ file: `${KOLADA_DIR}/${file}`, sha256: sha(fetched.bytes.get(file)!) })),
    source_ref: `Kolada KPI ${FINSAM_KPIS[0]}–${FINSAM_KPIS[FINSAM_KPIS.length - 1]}, ${yearSpan(assessments)}`,
    rows: assessments.length,
  });
  files.set("kpi-metadata.csv", formatCsv(LIVE_META_COLUMNS, meta.map(metaRow)));
  const metaFiles = fetched.manifest.files.filter((f) => f.path.startsWith("meta/kpi-"));
  provenanceFiles.push({ path: "kpi-metadata.csv", title: "Kolada:s beskrivning av varje nyckeltal (API v3)", from: metaFiles.map((f) => ({ file: `${KOLADA_DIR}/${f.path}`, sha256: f.sha256 })), source_ref: "Kolada /kpi", rows: meta.length });
  files.set("sources.csv", formatCsv(["file", "url", "retrieved_at", "sha256", "bytes", "licence"], fetched.manifest.files.map((f) => ({ ...f, file: `${KOLADA_DIR}/${f.path}` }))));
  provenanceFiles.push({ path: "sources.csv", title: "Hämtade svar från Kolada API v3: adress, tid, sha256 och licens", from: [{ file: `${KOLADA_DIR}/${MANIFEST_FILE}`, sha256: sha(readFileSync(join(from, KOLADA_DIR, MANIFEST_FILE))) }], source_ref: "manifest.json", rows: fetched.manifest.files.length });
  const m = fetched.manifest;
  const provenance: Provenance = {
    source: LIVE_SOURCE,
    title: "Kolada – nyckeltal per kommun, län och riket, år som arkivet saknar (API v3)",
    publisher: m.publisher,
    original_publishers: ["Försäkringskassan", "Arbetsförmedlingen", "Statistiska centralbyrån (SCB)", "Socialstyrelsen", "MUCF", "RKA"],
    licence: m.licence,
    period: kept.length ? yearSpan(kept) : "inga nya år",
    retrieval: {
      method: `Hämtat med npm run fetch från Kolada API v3 (${m.base_url}/data/kpi/{kpi}/municipality/{id}, sidor via next_url)${m.since ? `, bara värden ändrade sedan ${m.since}` : ""}; varje fil med adress och sha256 i sources.csv.`,
      archive: `${m.files.length} svar sparade som de kom (manifest.json)`,
      archived_on: m.fetched_at.slice(0, 10),
      url: m.base_url,
    },
    files: provenanceFiles.sort((a, b) => a.path.localeCompare(b.path)),
    notes: [
      "Värden från arkivet (data/snapshot/kolada, Kolada API v2) gäller för de år arkivet har; API v3 används bara för år som arkivet saknar för samma nyckeltal.",
      `${checked} värden finns i både arkivet och API v3 och stämmer överens med den publicerade avrundningen.`,
      `${unmatched} värden från API v3 gäller år som arkivet har men saknar i arkivet (eller som arkivet avvisat som platshållare); de används inte.`,
      `${deleted} rader markerade isdeleted togs bort; ${groups} rader för kommungrupper (G…) hoppades över.`,
      ...checkNotes,
      `Deltagarbedömning Finsam: ${assessments.length} värden (${assessments.filter((a) => a.level === "ou").length} per organisationsenhet från /oudata, som inte kan knytas till ett förbund härifrån); ${ou.deleted} /oudata-rader markerade isdeleted togs bort, ${ou.otherKpis} /oudata-rader för andra nyckeltal används inte.`,
      "Ett värde som Kolada publicerar utan siffra har status not_published och Kolada:s status i note.",
      ...m.notes,
    ],
  };
  files.set("provenance.json", JSON.stringify(provenance, null, 2) + "\n");
  // Sealed here (sha256 of every file), as scripts/import.ts seals the other sources: load.ts refuses an unsealed folder.
  return { files: sealProvenance(LIVE_SOURCE, files), values: kept, assessments };
}

function readFetched(from: string): FetchedFolder {
  const fetched = readFetchedFolder(from, KOLADA_DIR);
  const since = fetched.manifest.since;
  if (since !== null) {
    // A from_date fetch holds only the values changed since then; merging it alone would drop every other live value.
    throw new DataInputError({ file: `${KOLADA_DIR}/${MANIFEST_FILE}`, column: "since", value: since }, "an incremental fetch (--since) cannot be imported; fetch everything (npm run fetch without --since) and import that");
  }
  return fetched;
}

function pagesUnder(fetched: FetchedFolder, prefix: string): Array<{ path: string; values: unknown[] }> {
  return fetched.manifest.files.filter((f) => f.path.startsWith(prefix)).map((f) => ({ path: f.path, values: pageValues(fetched, f.path) }));
}

function pageValues(fetched: FetchedFolder, path: string): unknown[] {
  const name = `${KOLADA_DIR}/${path}`;
  let body: unknown;
  try {
    body = JSON.parse(decodeUtf8(fetched.bytes.get(path)!, name));
  } catch (error) {
    throw new DataInputError({ file: name }, `not valid JSON: ${(error as Error).message}`);
  }
  const values = (body as { values?: unknown }).values;
  if (!Array.isArray(values)) throw new DataInputError({ file: name, column: "values" }, "no values array");
  return values;
}

function checked<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }, element: unknown, file: string, i: number): T {
  const r = schema.safeParse(element);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new DataInputError({ file, row: i + 1, column: issue.path.map(String).join(".") }, `${issue.message} (element ${i + 1} of values)`);
}

interface AreaCodes {
  kommuner: Set<string>;
  lan: Set<string>;
  /** The kommun list with each kommun's län (for the län/riket check). */
  kommunList: Kommun[];
}

function readAreas(snapshotDir: string): AreaCodes {
  const rows = (file: string) => {
    const path = join(snapshotDir, "areas", file);
    if (!existsSync(path)) throw new DataInputError({ file: `areas/${file}` }, `not found under ${snapshotDir}; import areas first`);
    return parseCsv(readFileSync(path, "utf8"), `areas/${file}`).rows.map((r) => r.values);
  };
  const kommunList = rows("kommuner.csv").map((r) => ({ kommunkod: r.kommunkod!, name: r.name ?? "", lanskod: r.lanskod ?? "" }));
  return { kommuner: new Set(kommunList.map((k) => k.kommunkod)), lan: new Set(rows("lan.csv").map((r) => Object.values(r)[0]!)), kommunList };
}

function areaOf(id: string, areas: AreaCodes): { level: AreaLevel; code: string } | null {
  if (id === KOLADA_RIKET) return { level: "riket", code: RIKET_CODE };
  if (/^00\d{2}$/.test(id) && areas.lan.has(id.slice(2))) return { level: "lan", code: id.slice(2) };
  if (areas.kommuner.has(id)) return { level: "kommun", code: id };
  return null;
}

function readLiveValues(fetched: FetchedFolder, areas: AreaCodes): { values: LiveValue[]; deleted: number; groups: number; finsam: RawAssessmentRow[] } {
  const out = new Map<string, LiveValue>();
  const finsam: RawAssessmentRow[] = [];
  let deleted = 0;
  let groups = 0;
  for (const f of fetched.manifest.files.filter((f) => f.path.startsWith("data/"))) {
    const file = `${KOLADA_DIR}/${f.path}`;
    pageValues(fetched, f.path).forEach((element, i) => {
      const row: KoladaValueRow = checked(koladaValueSchema, element, file, i);
      if (row.isdeleted) return void deleted++;
      if (row.municipality.startsWith("G")) return void groups++;
      const area = areaOf(row.municipality, areas);
      if (!area) throw new DataInputError({ file, row: i + 1, column: "municipality", value: row.municipality }, "not riket 0000, a region 00NN of a known län, or a kommun in data/snapshot/areas");
      // The Finsam KPIs are routed by their metadata (kolada-live-assessments.ts), not merged with the archive.
      if (FINSAM_KPIS.includes(row.kpi)) return void finsam.push({ kpi: row.kpi, area, period: row.period, values: row.values, file, path: f.path, row: i + 1 });
      for (const v of row.values) {
        const value = v.value;
        const live: LiveValue = {
          kpi: row.kpi, ...area, year: row.period, sex: v.gender as Sex, value,
          status: value === null ? "not_published" : "published",
          note: value === null ? `Kolada: inget värde (status "${v.status ?? ""}")` : "",
          source_file: f.path,
        };
        checkLive(live, { file, row: i + 1, column: "values.value", value });
        const key = `${live.kpi}|${live.code}|${live.year}|${live.sex}`;
        const earlier = out.get(key);
        if (earlier) throw new DataInputError({ file, row: i + 1, column: "kpi+municipality+period+gender", value: key }, `the same value also came in ${earlier.source_file}`);
        out.set(key, live);
      }
    });
  }
  return { values: [...out.values()], deleted, groups, finsam };
}

function checkLive(v: LiveValue, at: ConstructorParameters<typeof DataInputError>[0]): void {
  if (!/^[NU]\d{5}$/.test(v.kpi)) throw new DataInputError({ ...at, column: "kpi", value: v.kpi }, "KPI id must look like N00957");
  if (v.year < FIRST_YEAR || v.year > LAST_YEAR) throw new DataInputError({ ...at, column: "period", value: v.year }, `year out of range ${FIRST_YEAR}–${LAST_YEAR}`);
  if (v.value === null) return;
  const info = INDICATOR_BY_KPI.get(v.kpi);
  // The archive's bounds (indicators.ts) for the site's KPIs; any other KPI at least not negative.
  const problem = info ? boundsProblem(info, v.value) : v.value < 0 ? `negative value for ${v.kpi}` : null;
  if (problem) throw new DataInputError(at, problem);
}

/**
 * The archive's checks on the rows kept from API v3 (../live-values.ts): every
 * kommun present; a both-sexes value outside women and men becomes a
 * source_defect with the reason (in place, as kolada.ts does); and län and
 * riket against their kommuner for the new years. Returns provenance notes.
 */
function checkNewRows(kept: LiveValue[], areas: AreaCodes, snapshotDir: string): string[] {
  const notes: string[] = [];
  const kommunCodes = [...areas.kommuner].sort();
  const byKpi = groupByKpi(kept);
  for (const [kpi, rows] of byKpi) {
    const info = INDICATOR_BY_KPI.get(kpi);
    if (!info) continue;
    const missing = firstMissingLiveKommunRow(kpi, rows, kommunCodes);
    if (missing) {
      const file = `${KOLADA_DIR}/${[...new Set(rows.map((r) => r.source_file))].sort().join(", ")}`;
      throw new DataInputError({ file, column: "municipality", value: `${missing.code} ${missing.year} ${missing.sex}` }, missingLiveRowProblem(kpi, missing));
    }
    for (const { row, reason } of liveTotalsOutsideParts(info, rows)) {
      const i = kept.indexOf(row);
      kept[i] = { ...row, value: null, status: "source_defect", note: reason };
      notes.push(`${kpi} ${row.level === "riket" ? "riket" : row.code} ${row.year} T: ${reason}`);
    }
  }
  notes.push(...checkNewTotals(groupByKpi(kept), areas, snapshotDir));
  return notes;
}

function groupByKpi(rows: readonly LiveValue[]): Map<string, LiveValue[]> {
  const out = new Map<string, LiveValue[]>();
  for (const r of rows) {
    if (!out.has(r.kpi)) out.set(r.kpi, []);
    out.get(r.kpi)!.push(r);
  }
  return out;
}

/**
 * Län and riket from API v3 against their kommuner, with the build's method
 * and tolerances (derive/check-totals.ts). The weights are the population
 * from the archive and from API v3; a year without them (or with a kommun
 * without a value) cannot be checked, which the provenance says in numbers.
 */
function checkNewTotals(byKpi: ReadonlyMap<string, LiveValue[]>, areas: AreaCodes, snapshotDir: string): string[] {
  const population = (kpi: string): IndicatorValue[] => [...readArchive(snapshotDir, kpi), ...asValues(byKpi.get(kpi) ?? [])];
  const kommunCodes = [...areas.kommuner].sort();
  const [p16, p20] = [population("N01954"), population("N01955")];
  // Without any population (a test archive, or a fetch of other KPIs) no weighted total can be checked.
  const weights = populationWeights(p16.length && p20.length ? population16to64(p16, p20, kommunCodes) : [], population("N01951"));
  let checked = 0;
  let unchecked = 0;
  for (const [kpi, rows] of byKpi) {
    const info = INDICATOR_BY_KPI.get(kpi);
    if (!info) continue;
    const checks = info.aggregation === "sum" || weightFor(info.aggregation, weights).length ? checkTotals(info, asValues(rows), areas.kommunList, weights) : [];
    const bad = checks.find((c) => !c.within_tolerance);
    if (bad) {
      const published = rows.find((r) => r.level === bad.level && r.code === bad.code && r.year === bad.year && r.sex === bad.sex)!;
      throw new DataInputError(
        { file: `${KOLADA_DIR}/${published.source_file}`, column: `${kpi} ${bad.level} ${bad.code} ${bad.year} ${bad.sex}`, value: bad.published },
        `Kolada API v3 gives ${bad.published} for ${bad.level === "riket" ? "riket" : `län ${bad.code}`}, but its kommuner give ${bad.recomputed} ` +
          `(${(bad.relative_difference * 100).toFixed(2)} %, tolerance ${(bad.tolerance * 100).toFixed(1)} %, derive/check-totals.ts)` +
          `${checks.filter((c) => !c.within_tolerance).length > 1 ? `; ${checks.filter((c) => !c.within_tolerance).length - 1} more beyond tolerance` : ""}`,
      );
    }
    checked += checks.length;
    unchecked += rows.filter((r) => r.level !== "kommun" && r.value !== null).length - checks.length;
  }
  return [`Län och riket från API v3 mot sina kommuner: ${checked} värden kontrollerade och inom toleransen; ${unchecked} kunde inte kontrolleras (befolkning för året eller ett kommunvärde saknas).`];
}

/** The aggregations read only area, year, sex and value; a not_published row has no value and counts as missing. */
const asValues = (rows: readonly LiveValue[]) => rows as unknown as IndicatorValue[];

/** The archive snapshot's values of one KPI (empty when the archive never had it). */
function readArchive(snapshotDir: string, kpi: string): IndicatorValue[] {
  const file = `kolada/values/${kpi.toLowerCase()}.csv`;
  const path = join(snapshotDir, file);
  if (!existsSync(path)) return [];
  return validateRows(indicatorValueSchema, parseCsv(readFileSync(path, "utf8"), file)).map(({ row: _r, ...v }) => v);
}

function readLiveMeta(fetched: FetchedFolder): KoladaKpi[] {
  const meta: KoladaKpi[] = [];
  for (const f of fetched.manifest.files.filter((f) => f.path.startsWith("meta/kpi-"))) {
    pageValues(fetched, f.path).forEach((element, i) => meta.push(checked(koladaKpiSchema, element, `${KOLADA_DIR}/${f.path}`, i)));
  }
  return meta.sort((a, b) => a.id.localeCompare(b.id));
}

function metaRow(k: KoladaKpi): Record<(typeof LIVE_META_COLUMNS)[number], unknown> {
  return {
    kpi: k.id, title: k.title.trim(), description: k.description.trim(),
    publisher: /Källa:\s*(.+?)\.?\s*$/.exec(k.description.trim())?.[1] ?? "",
    kolada_publication_date: (k.publication_date ?? "").slice(0, 10), auspice: k.auspice ?? "", municipality_type: k.municipality_type ?? "",
    is_divided_by_gender: k.is_divided_by_gender ?? "", has_ou_data: k.has_ou_data ?? "",
  };
}

/** Round half up at `decimals` places, on the decimal text (no binary drift: 1.005 → 1.01). */
export function roundPublished(x: number, decimals: number): number {
  return Math.round(Number(`${x}e${decimals}`)) / 10 ** decimals;
}

/**
 * Keep live rows only for years the archive lacks for that KPI; where both
 * have a value, they must agree at the indicator's published rounding.
 */
function mergeWithArchive(values: readonly LiveValue[], snapshotDir: string): { kept: LiveValue[]; checked: number; unmatched: number } {
  const archive = new Map<string, { value: number | null; status: string; row: number; file: string }>();
  const archiveYears = new Map<string, Set<number>>();
  for (const kpi of new Set(values.map((v) => v.kpi))) {
    const file = `kolada/values/${kpi.toLowerCase()}.csv`;
    const path = join(snapshotDir, file);
    archiveYears.set(kpi, new Set());
    if (!existsSync(path)) continue; // a KPI the archive never had (e.g. U40460–U40469): every year is new
    for (const r of validateRows(indicatorValueSchema, parseCsv(readFileSync(path, "utf8"), file))) {
      archiveYears.get(kpi)!.add(r.year);
      archive.set(`${r.kpi}|${r.code}|${r.year}|${r.sex}`, { value: r.value, status: r.status, row: r.row, file });
    }
  }
  const kept: LiveValue[] = [];
  let checked = 0;
  let unmatched = 0;
  const disagreements: Array<{ v: LiveValue; a: { value: number | null; row: number; file: string }; decimals: number }> = [];
  for (const v of values) {
    if (!archiveYears.get(v.kpi)!.has(v.year)) {
      kept.push(v);
      continue;
    }
    const a = archive.get(`${v.kpi}|${v.code}|${v.year}|${v.sex}`);
    if (!a || a.status === "source_defect") {
      unmatched++; // the archive's own verdict stands for its years
      continue;
    }
    const decimals = INDICATOR_BY_KPI.get(v.kpi)?.decimals ?? 1;
    const agree = a.value !== null && v.value !== null && roundPublished(a.value, decimals) === roundPublished(v.value, decimals);
    if (agree) checked++;
    else disagreements.push({ v, a, decimals });
  }
  if (disagreements.length) {
    // Name the first in full; count and list a few more, so a maintainer sees the extent in one run.
    const { v, a, decimals } = disagreements[0]!;
    const rest = disagreements.slice(1);
    const more = rest.slice(0, 5).map((d) => `${d.v.kpi} ${d.v.code} ${d.v.year} ${d.v.sex}: ${d.v.value ?? "no value"} vs ${d.a.value ?? "no value"}`);
    throw new DataInputError(
      { file: `${KOLADA_DIR}/${v.source_file}`, column: `${v.kpi} ${v.level} ${v.code} ${v.year} ${v.sex}`, value: v.value },
      `Kolada API v3 gives ${v.value ?? "no value"} but the archive (${a.file}, row ${a.row}) has ${a.value ?? "no value"}; they differ at ${decimals} decimal(s)` +
        (rest.length ? `. ${rest.length} more value(s) differ, e.g. ${more.join("; ")}` : ""),
    );
  }
  return { kept, checked, unmatched };
}

/** "2023–2025" (a loop, not Math.min(...rows): tens of thousands of arguments can overflow the stack). */
function yearSpan(rows: readonly { year: number }[]): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) (lo = Math.min(lo, r.year)), (hi = Math.max(hi, r.year));
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

const LEVEL_ORDER: Record<AreaLevel, number> = { riket: 0, lan: 1, kommun: 2 };
const SEX_ORDER: Record<Sex, number> = { T: 0, K: 1, M: 2 };
function compareValues(a: LiveValue, b: LiveValue): number {
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code) || a.year - b.year || SEX_ORDER[a.sex] - SEX_ORDER[b.sex];
}
