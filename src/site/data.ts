/**
 * The site's read-only access to the published datasets (public/data/), read
 * with node:fs at build time: `npm run data` writes them before `astro build`.
 * The site reads exactly what researchers download, so pages and files cannot
 * disagree. Row types are the pipeline's own, plus the columns publishing adds.
 */
import fs from "node:fs";
import path from "node:path";
import type { TotalCheck } from "../pipeline/derive/check-totals";
import type { DerivedValue } from "../pipeline/derive/population";
import type { DataPackage, PackageResource } from "../pipeline/publish/datapackage";
import type { FoerbundIndicatorValue } from "../pipeline/derive/foerbund-areas";
import type { GroupId, GroupValue } from "../pipeline/derive/with-without";
import type { ComparisonRow, CompleteListRow, FoerbundNameRow, FoerbundRow, MemberYearRow, RegistrySourceRow, SpellRow } from "../pipeline/publish/registry-datasets";
import type { CoverageRow } from "../pipeline/registry/derive";
import { RIKET_CODE, type AreaLevel, type IndicatorValue, type Kommun, type Lan, type FoerbundFigure, type FoerbundTableFigure, type PrintedFigure, type Sex } from "../pipeline/schema";

// ---- published row types (pipeline types + what publishing adds) ----

export type KommunRow = Kommun & { lan_name: string };
export type LanRow = Lan;
/** A Kolada indicator row; kommun gaps are explicit rows with status not_published. */
export type IndicatorRow = Omit<IndicatorValue, "status"> & { status: IndicatorValue["status"] | "not_published"; name: string };
export type PopulationRow = DerivedValue & { name: string };
export type CheckRow = TotalCheck & { name: string };
export type PrintedRow = PrintedFigure & { table_title: string };
/** Any row with an area, a year, a sex and a value. */
export type ValueRow = IndicatorRow | PopulationRow;
export type ValueStatus = ValueRow["status"];

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

// ---- loading (each file read once per build) ----

/** Where the pipeline publishes; the build runs from the project root. */
export const DATA_DIR = path.resolve(process.cwd(), "public/data");
/** The URL the same files have on the site (public/data/ is served as /data/, next to the data page). */
export const DATA_URL = "/data/";

const cache = new Map<string, unknown>();

function readJson<T>(file: string): T {
  let value = cache.get(file);
  if (value === undefined) {
    const full = path.join(DATA_DIR, file);
    if (!fs.existsSync(full)) throw new Error(`${full} is missing: run \`npm run data\` before building the site`);
    value = JSON.parse(fs.readFileSync(full, "utf8"));
    cache.set(file, value);
  }
  return value as T;
}

function memo<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

export function datapackage(): DataPackage {
  return readJson<DataPackage>("datapackage.json");
}

export function resource(name: string): PackageResource {
  const r = datapackage().resources.find((x) => x.name === name);
  if (!r) throw new Error(`dataset ${name} is not in datapackage.json`);
  return r;
}

// ---- areas ----

export function kommuner(): KommunRow[] {
  return readJson<KommunRow[]>("kommuner.json");
}

export function lanList(): LanRow[] {
  return readJson<LanRow[]>("lan.json");
}

export function kommun(kommunkod: string): KommunRow | undefined {
  return memo("kommunByCode", () => new Map(kommuner().map((k) => [k.kommunkod, k]))).get(kommunkod);
}

export function lan(lanskod: string): LanRow | undefined {
  return lanList().find((l) => l.lanskod === lanskod);
}

/** The kommuner grouped by län, in länskod order, each sorted by name (Swedish collation). */
export function kommunerByLan(): Array<{ lan: LanRow; kommuner: KommunRow[] }> {
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
    const rows = readJson<ValueRow[]>(`${dataset}.json`);
    const byArea = new Map<string, Map<number, ValueRow>>();
    let firstYear = Infinity;
    let lastYear = -Infinity;
    for (const r of rows) {
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
  return readJson<ValueRow[]>(`${dataset}.json`);
}

// ---- checks and printed tables ----

export function totalChecks(): CheckRow[] {
  return readJson<CheckRow[]>("kontroll-lan-riket.json");
}

export const NATIONAL_DATASET = "finsam-nationellt-2011-2015";

/** Rows of one printed table of the Riksdag's 2015 follow-up, e.g. "T01". */
export function printedTable(table: string, dataset = NATIONAL_DATASET): PrintedRow[] {
  return readJson<PrintedRow[]>(`${dataset}.json`).filter((r) => r.table === table);
}

/** The year a printed figure refers to (period "2015-05" → 2015), or null for tables without a period. */
export function periodYear(row: Pick<PrintedRow, "period">): number | null {
  return row.period ? Number(row.period.slice(0, 4)) : null;
}

// ---- the förbund registry and what is derived from it ----
// Row types are the pipeline's own (registry/derive.ts, derive/*.ts) in their
// published shape: dates as the registry writes them, lists joined with ";".


/** tackning-per-ar: coverage on 31 December of each registry year. */
export type CoverageYearRow = CoverageRow;
/** tackning-jamforelse, forbund, forbund-namn, medlemskap, forbund-medlemmar-per-ar, kallor, fullstandiga-listor: the pipeline's row types. */
export type { ComparisonRow, CompleteListRow, FoerbundNameRow, FoerbundRow, MemberYearRow, RegistrySourceRow, SpellRow };
/** forbund-indikatorer: a förbund area's value. */
export type FoerbundValueRow = FoerbundIndicatorValue;
/** med-och-utan-forbund: the two fixed groups of April 2015. */
export type GroupValueRow = GroupValue;
export type { GroupId };
/** forbund-siffror-2015: a per-förbund figure from the 2015 report's text. */
export type FoerbundFigureRow = FoerbundFigure;
/** forbund-tabeller-2015: one cell of a Bilaga 2 table about one förbund. */
export type FoerbundTableRow = FoerbundTableFigure & { table_title: string };

export const completeListRows = (): CompleteListRow[] => readJson<CompleteListRow[]>("fullstandiga-listor.json");
export const coverageYears = (): CoverageYearRow[] => readJson<CoverageYearRow[]>("tackning-per-ar.json");
export const publishedComparisons = (): ComparisonRow[] => readJson<ComparisonRow[]>("tackning-jamforelse.json");
export const foerbundRows = (): FoerbundRow[] => readJson<FoerbundRow[]>("forbund.json");
export const foerbundNameRows = (): FoerbundNameRow[] => readJson<FoerbundNameRow[]>("forbund-namn.json");
export const spellRows = (): SpellRow[] => readJson<SpellRow[]>("medlemskap.json");
export const memberYearRows = (): MemberYearRow[] => readJson<MemberYearRow[]>("forbund-medlemmar-per-ar.json");
export const foerbundValueRows = (): FoerbundValueRow[] => readJson<FoerbundValueRow[]>("forbund-indikatorer.json");
export const groupValueRows = (): GroupValueRow[] => readJson<GroupValueRow[]>("med-och-utan-forbund.json");
export const registrySources = (): RegistrySourceRow[] => readJson<RegistrySourceRow[]>("kallor.json");
export const foerbundFigureRows = (): FoerbundFigureRow[] => readJson<FoerbundFigureRow[]>("forbund-siffror-2015.json");
export const foerbundTableRows = (): FoerbundTableRow[] => readJson<FoerbundTableRow[]>("forbund-tabeller-2015.json");

export function registrySource(id: string): RegistrySourceRow | undefined {
  return memo("registrySourceById", () => new Map(registrySources().map((s) => [s.id, s]))).get(id);
}

/** A förbund's latest name (forbund.json), or undefined for an unknown id. */
export function foerbundName(id: string): string | undefined {
  return memo("foerbundNameById", () => new Map(foerbundRows().map((f) => [f.id, f.foerbund_name]))).get(id);
}

/** The years (31 December) a förbund has certain or possible members: the years /forbund/<id>/<year>/ exists for. */
export function foerbundMemberYears(id: string): ReadonlySet<number> {
  const byId = memo("memberYearsById", () => {
    const m = new Map<string, Set<number>>();
    for (const r of memberYearRows()) {
      let s = m.get(r.foerbund_id);
      if (!s) m.set(r.foerbund_id, (s = new Set()));
      s.add(r.year);
    }
    return m;
  });
  return byId.get(id) ?? new Set();
}

/** Every förbund area's value for one KPI, sex T, keyed by id then year. */
export function foerbundValuesByKpi(kpi: string): Map<string, Map<number, FoerbundValueRow>> {
  return memo(`foerbundValues:${kpi}`, () => {
    const m = new Map<string, Map<number, FoerbundValueRow>>();
    for (const r of foerbundValueRows()) {
      if (r.kpi !== kpi || r.sex !== "T") continue;
      let years = m.get(r.foerbund_id);
      if (!years) m.set(r.foerbund_id, (years = new Map()));
      years.set(r.year, r);
    }
    return m;
  });
}

/** One group's series for a KPI (sex T), over the years the group file has. */
export function groupSeries(group: GroupId, kpi: string): SeriesPoint[] {
  const rows = groupValueRows().filter((r) => r.group === group && r.kpi === kpi && r.sex === "T").sort((a, b) => a.year - b.year);
  return rows.map((r) => ({ year: r.year, value: r.value, status: r.value === null ? "missing" : "derived", note: r.missing_codes ? `saknas för ${r.missing_codes}` : "" }));
}
