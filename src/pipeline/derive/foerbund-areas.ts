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
import { aggregateToAreas, type AreaMember } from "./aggregate";
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
  const stadsdelAreas = new Set<string>();
  for (const [key, list] of byArea) {
    if (list.some((m) => m.stadsdel !== "")) stadsdelAreas.add(key);
    else for (const m of list) wholeKommunAreas.push({ area: m.foerbund_id, year: m.year, code: m.member_code });
  }
  const out: FoerbundIndicatorValue[] = [];
  for (const info of indicators) {
    const all = values.get(info.kpi) ?? [];
    const kommunValues = all.filter((v) => v.level === "kommun");
    const years = new Set(kommunValues.map((v) => v.year));
    const sexes = [...new Set(kommunValues.map((v) => v.sex))];
    const areaMembers = wholeKommunAreas.filter((m) => years.has(m.year));
    const weight = weightFor(info.aggregation, weights);
    for (const r of aggregateToAreas(kommunValues, areaMembers, info.aggregation, weight, sexes)) {
      const list = byArea.get(`${r.area}|${r.year}`)!;
      const possibleOnly = list.filter((m) => m.status === "possible").length;
      out.push({
        foerbund_id: r.area,
        kpi: info.kpi,
        year: r.year,
        sex: r.sex,
        value: r.value,
        status: r.status,
        membership: possibleOnly ? "bounded" : "certain",
        members: r.members,
        members_possible_only: possibleOnly,
        weight_total: r.weight_total,
        missing_codes: r.missing_codes,
      });
    }
    for (const key of stadsdelAreas) {
      const [foerbund_id, yearText] = key.split("|") as [string, string];
      const year = Number(yearText);
      if (!years.has(year)) continue;
      const list = byArea.get(key)!;
      const possibleOnly = list.filter((m) => m.status === "possible").length;
      for (const sex of sexes)
        out.push({ foerbund_id, kpi: info.kpi, year, sex, value: null, status: "stadsdel_members", membership: possibleOnly ? "bounded" : "certain", members: list.length, members_possible_only: possibleOnly, weight_total: null, missing_codes: "" });
    }
  }
  const SEX: Record<Sex, number> = { T: 0, K: 1, M: 2 };
  return out.sort((a, b) => a.foerbund_id.localeCompare(b.foerbund_id) || a.kpi.localeCompare(b.kpi) || a.year - b.year || SEX[a.sex] - SEX[b.sex]);
}
