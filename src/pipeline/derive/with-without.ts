/**
 * Kommuner with and without a förbund, compared over time. The only complete
 * national list of members is Bilaga 4 of the 2015 follow-up (April 2015), so
 * the two groups are fixed by that list: "member in April 2015" and "not a
 * member in April 2015". A fixed grouping, stated as such on the page: it
 * shows how the two groups' values moved, not the effect of joining.
 */
import { z } from "zod";
import { INDICATORS, type IndicatorInfo } from "../indicators";
import { registryOnDay, type Registry } from "../registry";
import type { IndicatorValue, Sex } from "../schema";
import { areaGroups, forEachAggregate, type AreaGroup, type AreaMember } from "./aggregate";
import { kommunIndex } from "./kommun-index";
import { weightFor, type PopulationWeights } from "./weights";

/** The day of the complete April 2015 list (Bilaga 4), read as the whole month. */
export const GROUPING_DATE = "2015-04-30";
export const GROUPS = ["med-forbund-2015", "utan-forbund-2015"] as const;
export const groupEnum = z.enum(GROUPS);
export type GroupId = (typeof GROUPS)[number];

export interface GroupValue {
  group: GroupId;
  kpi: string;
  year: number;
  sex: Sex;
  value: number | null;
  status: "aggregated" | "incomplete";
  members: number;
  missing_codes: string;
}

export function groupsOn(registry: Registry, date = GROUPING_DATE): Record<GroupId, string[]> {
  const snap = registryOnDay(registry, date);
  // Only certain memberships and certain non-memberships: anything else is not a fixed group.
  if (snap.member_kommuner_certain.length !== snap.member_kommuner_possible.length)
    throw new Error(`membership on ${date} is not fully certain; the with/without grouping needs a complete list`);
  return { "med-forbund-2015": snap.member_kommuner_certain, "utan-forbund-2015": snap.kommuner_without_certain };
}

export function withWithout(
  registry: Registry,
  values: ReadonlyMap<string, readonly IndicatorValue[]>,
  weights: PopulationWeights,
  catalog: readonly IndicatorInfo[] = INDICATORS,
): GroupValue[] {
  const groups = groupsOn(registry);
  // The groups of a set of years, made once for all KPIs with those years.
  const groupsByYears = new Map<string, AreaGroup[]>();
  const out: GroupValue[] = [];
  for (const info of catalog) {
    const all = values.get(info.kpi) ?? [];
    const index = kommunIndex(all);
    const years = index.years;
    const key = years.join(",");
    let areas = groupsByYears.get(key);
    if (!areas) {
      const members: AreaMember[] = GROUPS.flatMap((group) => years.flatMap((year) => groups[group].map((code) => ({ area: group, year, code }))));
      groupsByYears.set(key, (areas = areaGroups(members)));
    }
    const weight = weightFor(info.aggregation, weights);
    forEachAggregate(all, areas, info.aggregation, weight, index.sexes, (r) =>
      out.push({ group: r.area as GroupId, kpi: info.kpi, year: r.year, sex: r.sex, value: r.value, status: r.status, members: r.members, missing_codes: r.missing_codes }),
    );
  }
  return out;
}
