/**
 * The site's one way to the data: the published datasets (public/data/),
 * read at build time with the pipeline's readPublished, which checks every
 * row against the same zod schema the writer used. `npm run data` writes them
 * before `astro build`, so pages show exactly what researchers download. Row
 * types are the published ones, named after their dataset.
 */
import fs from "node:fs";
import path from "node:path";
import type { Topology } from "topojson-specification";
import type { DataPackage, PackageResource } from "../pipeline/publish/datapackage";
import type { PublishedName, PublishedRow } from "../pipeline/publish/datasets";
import type { Befolkning1664Row } from "../pipeline/publish/datasets/befolkning-16-64";
import type { ForbundRow } from "../pipeline/publish/datasets/forbund";
import type { ForbundIndikatorerRow } from "../pipeline/publish/datasets/forbund-indikatorer";
import type { ForbundMedlemmarPerArRow } from "../pipeline/publish/datasets/forbund-medlemmar-per-ar";
import type { ForbundNamnRow } from "../pipeline/publish/datasets/forbund-namn";
import type { ForbundSiffrorRow } from "../pipeline/publish/datasets/forbund-siffror-2015";
import type { ForbundTabellerRow } from "../pipeline/publish/datasets/forbund-tabeller-2015";
import type { FullstandigaListorRow } from "../pipeline/publish/datasets/fullstandiga-listor";
import type { IndicatorValueRow } from "../pipeline/publish/datasets/indicator-values";
import type { KallorRow } from "../pipeline/publish/datasets/kallor";
import type { KommunerRow } from "../pipeline/publish/datasets/kommuner";
import type { KontrollLanRiketRow } from "../pipeline/publish/datasets/kontroll-lan-riket";
import type { LanRow } from "../pipeline/publish/datasets/lan";
import type { MedOchUtanForbundRow } from "../pipeline/publish/datasets/med-och-utan-forbund";
import type { MedlemskapRow } from "../pipeline/publish/datasets/medlemskap";
import type { MedlemsstatusPerDatumRow } from "../pipeline/publish/datasets/medlemsstatus-per-datum";
import type { PrintedTableRow } from "../pipeline/publish/datasets/printed-tables";
import type { TackningJamforelseRow } from "../pipeline/publish/datasets/tackning-jamforelse";
import type { TackningPerArRow } from "../pipeline/publish/datasets/tackning-per-ar";
import { readPublished } from "../pipeline/publish/read";
import { checkRows } from "../pipeline/publish/row-check";
import { deltagarbedomningRowSchema, type DeltagarbedomningRow } from "../pipeline/publish/datasets/deltagarbedomning";
import { RIKET_CODE, type AreaLevel, type Sex } from "../pipeline/schema";

export type {
  Befolkning1664Row,
  ForbundIndikatorerRow,
  ForbundMedlemmarPerArRow,
  ForbundNamnRow,
  ForbundRow,
  ForbundSiffrorRow,
  ForbundTabellerRow,
  FullstandigaListorRow,
  IndicatorValueRow,
  KallorRow,
  KommunerRow,
  KontrollLanRiketRow,
  LanRow,
  MedOchUtanForbundRow,
  MedlemskapRow,
  MedlemsstatusPerDatumRow,
  PrintedTableRow,
  TackningJamforelseRow,
  TackningPerArRow,
};

/** Any row with an area, a year, a sex and a value (an indicator, or population 16–64). */
export type ValueRow = IndicatorValueRow | Befolkning1664Row;
export type ValueStatus = ValueRow["status"];
/** A kommun's membership status on a map date. */
export type MapStatus = MedlemsstatusPerDatumRow["status"];

/** An area on any level; riket is { level: "riket", code: "00" }. */
export interface AreaRef {
  level: AreaLevel;
  code: string;
}
export const RIKET: AreaRef = { level: "riket", code: RIKET_CODE };

export interface SeriesPoint {
  year: number;
  value: number | null;
  /** Why a value is what it is; "missing" = no row at all for this year. */
  status: ValueStatus | "missing";
  note: string;
}

// ---- loading (each file read and checked once per build) ----

/** Where the pipeline publishes; the build runs from the project root. */
export const DATA_DIR = path.resolve(process.cwd(), "public/data");
/** The URL the same files have on the site (public/data/ is served as /data/, next to the data page). */
export const DATA_URL = "/data/";

const cache = new Map<string, unknown>();

function memo<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

/** The path of a published file; a missing one says how to make it. */
function publishedFile(file: string): string {
  const full = path.join(DATA_DIR, file);
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npm run data\` before building the site`);
  return full;
}

const readFile = (file: string) => fs.readFileSync(publishedFile(file), "utf8");

/** Every row of a published dataset, checked against its schema. */
function rows<N extends PublishedName>(name: N): PublishedRow<N>[] {
  return memo(`rows:${name}`, () => {
    publishedFile(`${name}.json`);
    return readPublished(DATA_DIR, name);
  });
}

export function datapackage(): DataPackage {
  return memo("datapackage", () => JSON.parse(readFile("datapackage.json")) as DataPackage);
}

export function resource(name: string): PackageResource {
  const r = datapackage().resources.find((x) => x.name === name);
  if (!r) throw new Error(`dataset ${name} is not in datapackage.json`);
  return r;
}

/** The published map (sverige.topo.json): kommun and län boundaries. */
export function topology(): Topology {
  return memo("topology", () => {
    const t = JSON.parse(readFile("sverige.topo.json")) as Topology;
    if (t.type !== "Topology" || !t.objects?.kommuner || !t.objects?.lan) throw new Error(`${path.join(DATA_DIR, "sverige.topo.json")}: not a topology with the objects kommuner and lan`);
    return t;
  });
}

// ---- areas ----

export function kommuner(): KommunerRow[] {
  return rows("kommuner");
}

export function lanList(): LanRow[] {
  return rows("lan");
}

export function kommun(kommunkod: string): KommunerRow | undefined {
  return memo("kommunByCode", () => new Map(kommuner().map((k) => [k.kommunkod, k]))).get(kommunkod);
}

export function lan(lanskod: string): LanRow | undefined {
  return lanList().find((l) => l.lanskod === lanskod);
}

/** The kommuner grouped by län, in länskod order, each sorted by name (Swedish collation). */
export function kommunerByLan(): Array<{ lan: LanRow; kommuner: KommunerRow[] }> {
  const collator = new Intl.Collator("sv");
  return lanList().map((l) => ({
    lan: l,
    kommuner: kommuner()
      .filter((k) => k.lanskod === l.lanskod)
      .sort((a, b) => collator.compare(a.name, b.name)),
  }));
}

export function areaName(area: AreaRef): string {
  if (area.level === "riket") return "Riket";
  if (area.level === "lan") return lan(area.code)?.name ?? area.code;
  return kommun(area.code)?.name ?? area.code;
}

export function kommunArea(kommunkod: string): AreaRef {
  return { level: "kommun", code: kommunkod };
}

export function lanAreaOf(kommunkod: string): AreaRef {
  const k = kommun(kommunkod);
  if (!k) throw new Error(`unknown kommun ${kommunkod}`);
  return { level: "lan", code: k.lanskod };
}

// ---- values ----

interface ValueIndex {
  firstYear: number;
  lastYear: number;
  byArea: Map<string, Map<number, ValueRow>>;
}

const areaKey = (a: AreaRef, sex: Sex) => `${a.level}:${a.code}|${sex}`;

function valueIndex(dataset: string): ValueIndex {
  return memo(`index:${dataset}`, () => {
    const byArea = new Map<string, Map<number, ValueRow>>();
    let firstYear = Infinity;
    let lastYear = -Infinity;
    for (const r of valueRows(dataset)) {
      const key = areaKey(r, r.sex);
      let years = byArea.get(key);
      if (!years) byArea.set(key, (years = new Map()));
      years.set(r.year, r);
      firstYear = Math.min(firstYear, r.year);
      lastYear = Math.max(lastYear, r.year);
    }
    return { firstYear, lastYear, byArea };
  });
}

/** First and last year any area has a row for in a dataset. */
export function yearSpan(dataset: string): { first: number; last: number } {
  const i = valueIndex(dataset);
  return { first: i.firstYear, last: i.lastYear };
}

/**
 * One point per year over the dataset's whole span, so a year without a value
 * is an explicit null (a gap in a line, "–" in a table), never a skipped year.
 */
export function series(dataset: string, area: AreaRef, sex: Sex = "T"): SeriesPoint[] {
  const index = valueIndex(dataset);
  const years = index.byArea.get(areaKey(area, sex));
  const points: SeriesPoint[] = [];
  for (let year = index.firstYear; year <= index.lastYear; year++) {
    const row = years?.get(year);
    points.push(row ? { year, value: row.value, status: row.status, note: row.note } : { year, value: null, status: "missing", note: "" });
  }
  return points;
}

/** The most recent year with a value, or null if the area has none. */
export function latest(dataset: string, area: AreaRef, sex: Sex = "T"): SeriesPoint | null {
  const points = series(dataset, area, sex);
  for (let i = points.length - 1; i >= 0; i--) if (points[i]!.value !== null) return points[i]!;
  return null;
}

export function valueAt(dataset: string, area: AreaRef, year: number, sex: Sex = "T"): SeriesPoint | null {
  return series(dataset, area, sex).find((p) => p.year === year) ?? null;
}

/** Every row of a value dataset (for summaries over all areas, e.g. the methods page). */
export function valueRows(dataset: string): ValueRow[] {
  return rows(dataset as PublishedName) as ValueRow[];
}

// ---- checks and printed tables ----

export function totalChecks(): KontrollLanRiketRow[] {
  return rows("kontroll-lan-riket");
}

export const NATIONAL_DATASET = "finsam-nationellt-2011-2015";

/** Rows of one printed table of the Riksdag's 2015 follow-up, e.g. "T01". */
export function printedTable(table: string, dataset: "finsam-nationellt-2011-2015" | "socsam-1998" = NATIONAL_DATASET): PrintedTableRow[] {
  return rows(dataset).filter((r) => r.table === table);
}

/** The year a printed figure refers to (period "2015-05" → 2015), or null for tables without a period. */
export function periodYear(row: Pick<PrintedTableRow, "period">): number | null {
  return row.period ? Number(row.period.slice(0, 4)) : null;
}

// ---- the förbund registry and what is derived from it ----

export const completeListRows = () => rows("fullstandiga-listor");
export const coverageYears = () => rows("tackning-per-ar");
export const publishedComparisons = () => rows("tackning-jamforelse");
export const foerbundRows = () => rows("forbund");
export const foerbundNameRows = () => rows("forbund-namn");
export const spellRows = () => rows("medlemskap");
export const memberYearRows = () => rows("forbund-medlemmar-per-ar");
export const foerbundValueRows = () => rows("forbund-indikatorer");
export const groupValueRows = () => rows("med-och-utan-forbund");
export const registrySources = () => rows("kallor");
export const foerbundFigureRows = () => rows("forbund-siffror-2015");
export const foerbundTableRows = () => rows("forbund-tabeller-2015");
export const memberStatusRows = () => rows("medlemsstatus-per-datum");
export const memberDuringYearRows = () => rows("forbund-medlemmar-under-ar");

export function registrySource(id: string): KallorRow | undefined {
  return memo("registrySourceById", () => new Map(registrySources().map((s) => [s.id, s]))).get(id);
}

/** First and last year of the registry's yearly reading (tackning-per-ar). */
export function registryYears(): { first: number; last: number } {
  return memo("registryYears", () => {
    const years = coverageYears().map((r) => r.year);
    return { first: Math.min(...years), last: Math.max(...years) };
  });
}

/** One group's series for a KPI (sex T), over the years the group file has. */
export function groupSeries(group: MedOchUtanForbundRow["group"], kpi: string): SeriesPoint[] {
  const rows = groupValueRows().filter((r) => r.group === group && r.kpi === kpi && r.sex === "T").sort((a, b) => a.year - b.year);
  return rows.map((r) => ({ year: r.year, value: r.value, status: r.value === null ? "missing" : "derived", note: r.missing_codes ? `saknas för ${r.missing_codes}` : "" }));
}

/** A published file's size in bytes (the data page lists it beside the link). */
export function publishedFileBytes(file: string): number {
  return fs.statSync(publishedFile(file)).size;
}

// ---- deltagare, insatser, results and money ----

export const participantRows = () => rows("deltagare-nationellt");
export const foerbundParticipantRows = () => rows("deltagare-forbund");

// ---- the trials before Finsam (/historia/) ----

/** The datasets about FINSAM 1993–1997 and SOCSAM 1994–2003. */
export type HistoryDatasetName =
  | "socsam-tidslinje"
  | "socsam-omraden"
  | "finsam-omraden-1993-1997"
  | "socsam-resultat-text"
  | "socsam-enkater"
  | "socsam-gotland-intervjuer"
  | "samordningsformer-fore-2004"
  | "samordning-nationellt-fridolf"
  | "socsam-gotland-aktiviteter";

export function historyRows<N extends HistoryDatasetName>(name: N): PublishedRow<N>[] {
  return rows(name);
}

// ---- the event study (handelsestudie, handelsestudie-kommuner) ----
export type { HandelsestudieRow } from "../pipeline/publish/datasets/handelsestudie";
export type { HandelsestudieKommunerRow } from "../pipeline/publish/datasets/handelsestudie-kommuner";
export const eventStudyRows = () => rows("handelsestudie");
export const eventStudyKommunRows = () => rows("handelsestudie-kommuner");

// ---- Kolada's Deltagarbedömning Finsam (U40460–U40469): published only once fetched from API v3 ----
/** Its rows, checked like any published dataset; none while datapackage.json does not list it (nothing fetched). */
export function assessmentRows(): DeltagarbedomningRow[] {
  if (!datapackage().resources.some((r) => r.name === "deltagarbedomning")) return [];
  return memo("rows:deltagarbedomning", () => {
    const file = publishedFile("deltagarbedomning.json");
    return checkRows(deltagarbedomningRowSchema, JSON.parse(fs.readFileSync(file, "utf8")) as unknown[], file, true);
  });
}
