/**
 * The förbund pages' model: typed access to the published registry datasets
 * (public/data/forbund*.json, medlemskap, kallor, …) and the page models built
 * from them. Page models are page.ts and year-page.ts; arithmetic and
 * wording live in the pure modules dates.ts, stats.ts, ranking.ts and
 * timeline.ts.
 */
import {
  RIKET,
  foerbundFigureRows,
  foerbundTableRows,
  foerbundNameRows,
  foerbundRows,
  foerbundValueRows,
  kommun,
  lan,
  memberYearRows,
  memberDuringYearRows,
  registrySources,
  series,
  spellRows,
  type AreaRef,
  type ForbundSiffrorRow,
  type ForbundTabellerRow,
  type ForbundNamnRow,
  type ForbundRow,
  type ForbundIndikatorerRow,
  type ForbundMedlemmarPerArRow,
  type KallorRow,
  type MedlemskapRow,
} from "../data";
import type { ForbundMedlemmarUnderArRow } from "../../pipeline/publish/datasets/forbund-medlemmar-under-ar";
import { measure, type Measure } from "../measures";
import { rankOf, type Rank } from "./ranking";
import { nameInForce } from "./dates";

// ---- indexes, built once per build ----

const cache = new Map<string, unknown>();

function memo<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    let list = m.get(k);
    if (!list) m.set(k, (list = []));
    list.push(r);
  }
  return m;
}

const list = (s: string) => (s ? s.split(";") : []);
const collator = new Intl.Collator("sv");

// ---- förbund ----

/** What kind of förbund, as a label ("Slag") and inside a sentence ("… är ett länsförbund"). */
export const KIND_WORDS: Record<ForbundRow["kind"], string> = {
  en_kommun: "Förbund med en kommun",
  flera_kommuner: "Förbund med flera kommuner",
  lansforbund: "Länsförbund (alla kommuner i länet)",
  stadsdelar: "Förbund för stadsdelar i Göteborg",
};
export const KIND_PHRASE: Record<ForbundRow["kind"], string> = {
  en_kommun: "ett samordningsförbund med en kommun",
  flera_kommuner: "ett samordningsförbund med flera kommuner",
  lansforbund: "ett länsförbund, där alla kommuner i länet är med",
  stadsdelar: "ett samordningsförbund för stadsdelar i Göteborg",
};

export interface Foerbund {
  id: string;
  name: string;
  kind: ForbundRow["kind"];
  kindWords: string;
  lanCodes: string[];
  lanNames: string[];
  founded: string;
  ended: string;
  endReason: ForbundRow["end_reason"];
  successors: string[];
  predecessors: string[];
  sourceIds: string[];
  note: string;
}

export function foerbundList(): Foerbund[] {
  return memo("foerbundList", () =>
    foerbundRows()
      .map((r) => ({
        id: r.id,
        name: r.foerbund_name,
        kind: r.kind,
        kindWords: KIND_WORDS[r.kind],
        lanCodes: list(r.lan_codes),
        lanNames: list(r.lan_codes).map((c) => lan(c)?.name ?? c),
        founded: r.founded,
        ended: r.ended,
        endReason: r.end_reason,
        successors: list(r.successor_ids),
        predecessors: list(r.predecessor_ids),
        sourceIds: list(r.source_ids),
        note: r.note,
      }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  );
}

export function foerbund(id: string): Foerbund {
  const f = memo("foerbundById", () => new Map(foerbundList().map((x) => [x.id, x]))).get(id);
  if (!f) throw new Error(`unknown förbund ${id}`);
  return f;
}

/** A name without "Samordningsförbundet"/"samordningsförbund", for narrow labels: "Göteborg Centrum", "Sjuhärads". */
export function shortFoerbundName(name: string): string {
  const short = name.replace(/^Samordningsförbundet\s+/i, "").replace(/\s+samordningsförbund$/i, "").trim();
  return short || name;
}

export function foerbundHref(id: string, year?: number): string {
  return year === undefined ? `/forbund/${id}/` : `/forbund/${id}/${year}/`;
}

/** The förbund grouped by län (a förbund in two län is listed under both), län in länskod order. */
export function foerbundByLan(): Array<{ lanskod: string; lanName: string; foerbund: Foerbund[] }> {
  const codes = [...new Set(foerbundList().flatMap((f) => f.lanCodes))].sort();
  return codes.map((c) => ({ lanskod: c, lanName: lan(c)?.name ?? c, foerbund: foerbundList().filter((f) => f.lanCodes.includes(c)) }));
}

export function foerbundNames(id: string): ForbundNamnRow[] {
  const byId = memo("namesById", () => groupBy(foerbundNameRows(), (r) => r.foerbund_id));
  return byId.get(id) ?? [];
}

/** The förbund's name in force on 31 December of `year` (dates.ts nameInForce), else its latest known name. */
export function foerbundNameInYear(id: string, year: number): string {
  return nameInForce(foerbundNames(id), `${year}-12-31`) ?? foerbund(id).name;
}

export function foerbundSpells(id: string): MedlemskapRow[] {
  return memo("spellsById", () => groupBy(spellRows(), (r) => r.foerbund_id)).get(id) ?? [];
}

export function kommunSpells(kommunkod: string): MedlemskapRow[] {
  return memo("spellsByKommun", () => groupBy(spellRows(), (r) => r.member_code)).get(kommunkod) ?? [];
}

export function sourcesById(ids: readonly string[]): KallorRow[] {
  const byId = memo("sourcesById", () => new Map(registrySources().map((s) => [s.id, s])));
  return ids.map((id) => byId.get(id)).filter((s): s is KallorRow => s !== undefined);
}

/** Every source the förbund, its names and its spells cite, in first-cited order. */
export function foerbundSources(id: string): KallorRow[] {
  const ids = new Set<string>([...foerbund(id).sourceIds, ...foerbundNames(id).flatMap((n) => list(n.source_ids)), ...foerbundSpells(id).flatMap((s) => list(s.source_ids))]);
  return sourcesById([...ids]);
}

// ---- members per year ----

function membersIndex(): Map<string, ForbundMedlemmarPerArRow[]> {
  return memo("membersIndex", () => groupBy(memberYearRows(), (r) => `${r.foerbund_id}|${r.year}`));
}

/** Members at some time during the year (forbund-medlemmar-under-ar), certain where a dated source falls in the year. */
export function membersDuringYear(id: string, year: number): ForbundMedlemmarUnderArRow[] {
  const index = memo("membersDuringIndex", () => groupBy(memberDuringYearRows(), (r) => `${r.foerbund_id}|${r.year}`));
  return [...(index.get(`${id}|${year}`) ?? [])].sort((a, b) => collator.compare(a.member_name + a.stadsdel, b.member_name + b.stadsdel));
}

export function membersInYear(id: string, year: number): ForbundMedlemmarPerArRow[] {
  return [...(membersIndex().get(`${id}|${year}`) ?? [])].sort((a, b) => collator.compare(a.member_name + a.stadsdel, b.member_name + b.stadsdel));
}

/** The years (31 December) in which the förbund certainly or possibly had members. */
export function foerbundYears(id: string): number[] {
  return memo("yearsById", () => {
    const m = new Map<string, Set<number>>();
    for (const r of memberYearRows()) {
      if (!m.has(r.foerbund_id)) m.set(r.foerbund_id, new Set());
      m.get(r.foerbund_id)!.add(r.year);
    }
    return new Map([...m].map(([k, v]) => [k, [...v].sort((a, b) => a - b)]));
  }).get(id) ?? [];
}


// ---- area indicators ----

/** The measures on a förbund page, in this order. */
export const FOERBUND_MEASURES = ["ohalsotal", "sjukpenningtal", "arbetsloshet", "ekonomiskt-bistand", "unga-utanfor"] as const;

export function foerbundMeasures(): Measure[] {
  return FOERBUND_MEASURES.map((s) => measure(s));
}

function areaIndex(): Map<string, ForbundIndikatorerRow> {
  return memo("areaIndex", () => new Map(foerbundValueRows().filter((r) => r.sex === "T").map((r) => [`${r.foerbund_id}|${r.kpi}|${r.year}`, r])));
}

/** Every förbund area's value for one KPI, sex T, keyed by id then year. */
export function foerbundValuesByKpi(kpi: string): Map<string, Map<number, ForbundIndikatorerRow>> {
  return memo(`foerbundValues:${kpi}`, () => {
    const m = new Map<string, Map<number, ForbundIndikatorerRow>>();
    for (const r of foerbundValueRows()) {
      if (r.kpi !== kpi || r.sex !== "T") continue;
      let years = m.get(r.foerbund_id);
      if (!years) m.set(r.foerbund_id, (years = new Map()));
      years.set(r.year, r);
    }
    return m;
  });
}

/** The years Kolada has kommun values for a KPI (the area values' years). */
export function kpiYears(kpi: string): { first: number; last: number } {
  return memo(`kpiYears:${kpi}`, () => {
    const ys = foerbundValueRows().filter((r) => r.kpi === kpi).map((r) => r.year);
    return { first: Math.min(...ys), last: Math.max(...ys) };
  });
}

/** The last year with Kolada values (2022 in this vintage). */
export function latestValueYear(): number {
  return memo("latestValueYear", () => Math.max(...foerbundValueRows().map((r) => r.year)));
}

export function areaValue(id: string, kpi: string, year: number): ForbundIndikatorerRow | null {
  return areaIndex().get(`${id}|${kpi}|${year}`) ?? null;
}

/** The förbund's rank among all förbund with a value for the measure that year. */
export function areaRank(id: string, m: Measure, year: number): Rank | null {
  const inYear = memo(`inYear:${m.kpi}|${year}`, () => [...foerbundValuesByKpi(m.kpi!)].flatMap(([fid, years]) => (years.has(year) ? [{ id: fid, value: years.get(year)!.value }] : [])));
  return rankOf(inYear, id, m.decimals);
}

/** Population 16–64 of the area: N01954 (16–19) + N01955 (20–64), both summed over the members. */
export function areaPopulation(id: string, year: number): number | null {
  const a = areaValue(id, "N01954", year);
  const b = areaValue(id, "N01955", year);
  if (!a || !b || a.value === null || b.value === null) return null;
  return a.value + b.value;
}

/** A Kolada value for a kommun, län or riket (sex T), null when missing. */
export function koladaValue(dataset: string, area: AreaRef, year: number): number | null {
  return series(dataset, area).find((p) => p.year === year)?.value ?? null;
}

export function lanArea(code: string): AreaRef {
  return { level: "lan", code };
}

export { RIKET };
export type { AreaRef };

// ---- figures in the 2015 report ----

export function foerbundFigures(id: string): ForbundSiffrorRow[] {
  return memo("figuresById", () => groupBy(foerbundFigureRows(), (r) => r.foerbund_id)).get(id) ?? [];
}

/** The Bilaga 2 tables about a förbund, in table order, each with its rows as published. */
export function foerbundTables(id: string): Array<{ table: string; title: string; rows: ForbundTabellerRow[] }> {
  const rows = memo("tablesById", () => groupBy(foerbundTableRows(), (r) => r.foerbund_id)).get(id) ?? [];
  return [...groupBy(rows, (r) => r.table)].map(([table, cells]) => ({ table, title: cells[0]!.table_title, rows: cells }));
}

/** Names of kommuner for labels. */
export function kommunName(code: string): string {
  return kommun(code)?.name ?? code;
}

export function lanName(code: string): string {
  return lan(code)?.name ?? code;
}

