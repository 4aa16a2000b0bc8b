/**
 * How skewed the fixed April 2015 grouping (start page) is, in numbers from
 * the published data: where the non-member group's population lives, and how
 * many of its kommuner joined or may have joined a förbund later.
 */
import { kommuner, lanList, memberStatusRows, valueRows } from "../data";

export const GROUPING_DATE = "2015-04-30";
/** The later date the registry is read on for the non-members of 2015: the Stockholm list of 31 December 2020. */
export const LATER_DATE = "2020-12-31";

export interface GroupingSkew {
  /** Kommuner outside every förbund on GROUPING_DATE. */
  nonMembers: number;
  populationYear: number;
  /** The län holding the largest share of the group's population 16–64, and that share (0–1). */
  topLan: { name: string; share: number; kommuner: number } | null;
  /** Of the non-members: certainly or possibly a member on LATER_DATE, and their share of the group's population. */
  laterMembers: { certain: number; possible: number; unknown: number; share: number | null };
}

export function groupingSkew(): GroupingSkew {
  const statusOn = (date: string) => new Map(memberStatusRows().filter((r) => r.date === date).map((r) => [r.kommunkod, r.status]));
  const in2015 = statusOn(GROUPING_DATE);
  const later = statusOn(LATER_DATE);
  const group = [...in2015].filter(([, s]) => s === "not").map(([k]) => k);
  const populationYear = Number(GROUPING_DATE.slice(0, 4));
  const pop = new Map(valueRows("befolkning-16-64").filter((r) => r.level === "kommun" && r.sex === "T" && r.year === populationYear).map((r) => [r.code, r.value]));
  const sum = (codes: readonly string[]) => {
    let s = 0;
    for (const k of codes) {
      const v = pop.get(k);
      if (v === null || v === undefined) return null;
      s += v;
    }
    return s;
  };
  const total = sum(group);
  const lanOf = new Map(kommuner().map((k) => [k.kommunkod, k.lanskod]));
  const byLan = new Map<string, string[]>();
  for (const k of group) byLan.set(lanOf.get(k)!, [...(byLan.get(lanOf.get(k)!) ?? []), k]);
  let topLan: GroupingSkew["topLan"] = null;
  if (total)
    for (const [lan, codes] of byLan) {
      const share = sum(codes)! / total;
      if (!topLan || share > topLan.share) topLan = { name: lanList().find((l) => l.lanskod === lan)?.name ?? lan, share, kommuner: codes.length };
    }
  const joined = group.filter((k) => later.get(k) === "certain" || later.get(k) === "possible");
  const joinedPop = sum(joined);
  return {
    nonMembers: group.length,
    populationYear,
    topLan,
    laterMembers: {
      certain: group.filter((k) => later.get(k) === "certain").length,
      possible: group.filter((k) => later.get(k) === "possible").length,
      unknown: group.filter((k) => later.get(k) === "unknown").length,
      share: total && joinedPop !== null ? joinedPop / total : null,
    },
  };
}
