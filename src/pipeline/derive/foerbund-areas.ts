/**
 * Förbund areas: which kommuner make up each förbund in each year, and the
 * area's indicator values aggregated from them (population-weighted, see
 * indicators.ts). Membership is read on 31 December of each year, the same
 * reference day as the published year-end counts.
 *
 * A spell the sources prove for that day is "certain"; one only allowed by its
 * bounds (e.g. "member no later than 2015-04") is "possible". The area of a
 * year uses both, and says so: membership = "bounded" whenever any member is
 * only possible, so a reader sees which years rest on exact dates.
 */
import { INDICATORS, type IndicatorInfo } from "../indicators";
import { membershipOn, type Registry } from "../registry";
import { areaStatusEnum, type IndicatorValue, type Sex } from "../schema";
import { areaGroups, forEachAggregate, type AreaMember } from "./aggregate";
import { kommunIndex } from "./kommun-index";
import { weightFor, type PopulationWeights } from "./weights";

export interface FoerbundYearMember {
  foerbund_id: string;
  year: number;
  member_code: string;
  stadsdel: string;
  status: "certain" | "possible";
}

export function foerbundMembersByYear(registry: Registry, fromYear: number, toYear: number): FoerbundYearMember[] {
  const rows: FoerbundYearMember[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const seen = new Map<string, FoerbundYearMember>();
    for (const { spell, status } of membershipOn(registry, `${year}-12-31`)) {
      if (status === "no") continue;
      const key = `${spell.foerbund_id}|${spell.member_code}|${spell.stadsdel}`;
      const previous = seen.get(key);
      // Two spells of the same member can both match; the certain one wins.
      if (!previous || (previous.status === "possible" && status === "certain"))
        seen.set(key, { foerbund_id: spell.foerbund_id, year, member_code: spell.member_code, stadsdel: spell.stadsdel, status });
    }
    rows.push(...[...seen.values()].sort((a, b) => a.foerbund_id.localeCompare(b.foerbund_id) || a.member_code.localeCompare(b.member_code) || a.stadsdel.localeCompare(b.stadsdel)));
  }
  return rows;
}

export const AREA_STATUSES = areaStatusEnum.options;

export interface FoerbundIndicatorValue {
  foerbund_id: string;
  kpi: string;
  year: number;
  sex: Sex;
  value: number | null;
  status: (typeof AREA_STATUSES)[number];
  membership: "certain" | "bounded";
  members: number;
  members_possible_only: number;
  weight_total: number | null;
  missing_codes: string;
}

/**
 * Aggregate every indicator to every förbund area and year. Areas whose
 * members include stadsdelar get no value: Kolada has values for whole
 * kommuner only, and a kommun's value does not describe one of its stadsdelar.
 */
export function foerbundIndicators(
  members: readonly FoerbundYearMember[],
  values: ReadonlyMap<string, readonly IndicatorValue[]>,
  weights: PopulationWeights,
  indicators: readonly IndicatorInfo[] = INDICATORS,
): FoerbundIndicatorValue[] {
  const byArea = new Map<string, FoerbundYearMember[]>();
  for (const m of members) {
    const key = `${m.foerbund_id}|${m.year}`;
    if (!byArea.has(key)) byArea.set(key, []);
    byArea.get(key)!.push(m);
  }
  const wholeKommunAreas: AreaMember[] = [];
  const stadsdelAreas: { foerbund_id: string; year: number; members: number; possibleOnly: number }[] = [];
  // foerbund → year → members only possible that year, counted once rather than once per KPI and sex.
  const possibleOnly = new Map<string, Map<number, number>>();
  for (const list of byArea.values()) {
    const { foerbund_id, year } = list[0]!;
    const possible = list.filter((m) => m.status === "possible").length;
    if (!possibleOnly.has(foerbund_id)) possibleOnly.set(foerbund_id, new Map());
    possibleOnly.get(foerbund_id)!.set(year, possible);
    if (list.some((m) => m.stadsdel !== "")) stadsdelAreas.push({ foerbund_id, year, members: list.length, possibleOnly: possible });
    else for (const m of list) wholeKommunAreas.push({ area: m.foerbund_id, year: m.year, code: m.member_code });
  }
  // Grouped once; a KPI takes the groups of its years (grouping a subset of years gives the same groups in the same order).
  const allGroups = areaGroups(wholeKommunAreas);
  const out: FoerbundIndicatorValue[] = [];
  for (const info of indicators) {
    const all = values.get(info.kpi) ?? [];
    const index = kommunIndex(all);
    const years = new Set(index.years);
    const sexes = index.sexes;
    const groups = allGroups.filter((g) => years.has(g.year));
    const weight = weightFor(info.aggregation, weights);
    forEachAggregate(all, groups, info.aggregation, weight, sexes, (r) => {
      const possible = possibleOnly.get(r.area)!.get(r.year)!;
      out.push({
        foerbund_id: r.area,
        kpi: info.kpi,
        year: r.year,
        sex: r.sex,
        value: r.value,
        status: r.status,
        membership: possible ? "bounded" : "certain",
        members: r.members,
        members_possible_only: possible,
        weight_total: r.weight_total,
        missing_codes: r.missing_codes,
      });
    });
    for (const a of stadsdelAreas) {
      if (!years.has(a.year)) continue;
      for (const sex of sexes)
        out.push({ foerbund_id: a.foerbund_id, kpi: info.kpi, year: a.year, sex, value: null, status: "stadsdel_members", membership: a.possibleOnly ? "bounded" : "certain", members: a.members, members_possible_only: a.possibleOnly, weight_total: null, missing_codes: "" });
    }
  }
  return sortByForbundKpiYearSex(out);
}

/**
 * Sorted by förbund and KPI (localeCompare), year and sex (T, K, M). The
 * comparison of ~400 000 rows at 100 KPIs called localeCompare millions of
 * times; each distinct id is ranked once by localeCompare instead, and the
 * rows are sorted by one number made of the ranks, with the same result:
 * the ranks order as localeCompare does, ids it finds equal share a rank,
 * and rows with equal keys keep their order, as the stable sort kept them.
 */
function sortByForbundKpiYearSex(rows: FoerbundIndicatorValue[]): FoerbundIndicatorValue[] {
  if (rows.length === 0) return rows;
  const foerbundRank = localeRanks(rows.map((r) => r.foerbund_id));
  const kpiRank = localeRanks(rows.map((r) => r.kpi));
  let minYear = Infinity;
  let maxYear = -Infinity;
  for (const r of rows) {
    if (r.year < minYear) minYear = r.year;
    if (r.year > maxYear) maxYear = r.year;
  }
  const years = maxYear - minYear + 1;
  const SEX: Record<Sex, number> = { T: 0, K: 1, M: 2 };
  const keyOf = (r: FoerbundIndicatorValue) => ((foerbundRank.get(r.foerbund_id)! * kpiRank.size + kpiRank.get(r.kpi)!) * years + (r.year - minYear)) * 3 + SEX[r.sex];
  // Key and row number in one exact integer (key · ROWS + row), sorted as plain numbers, which is many times
  // faster than a comparator; the row number breaks ties as a stable sort does. Too large for that: the comparator.
  let ROWS = 1;
  while (ROWS <= rows.length) ROWS *= 2;
  const maxKey = foerbundRank.size * kpiRank.size * years * 3;
  if (maxKey * ROWS <= Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(rows.length);
    rows.forEach((r, i) => (packed[i] = keyOf(r) * ROWS + i));
    packed.sort();
    return Array.from(packed, (p) => rows[p % ROWS]!);
  }
  const key = rows.map(keyOf);
  return Array.from(rows.keys())
    .sort((i, j) => key[i]! - key[j]! || i - j)
    .map((i) => rows[i]!);
}

/** Each distinct string's place in localeCompare order; strings localeCompare finds equal share a place. */
function localeRanks(strings: readonly string[]): Map<string, number> {
  const sorted = [...new Set(strings)].sort((a, b) => a.localeCompare(b));
  const rank = new Map<string, number>();
  let place = 0;
  sorted.forEach((s, i) => {
    if (i > 0 && sorted[i - 1]!.localeCompare(s) !== 0) place++;
    rank.set(s, place);
  });
  return rank;
}
