/**
 * Län values for indicators whose publisher gives none, computed from the
 * kommuner with the indicator's own weighting (weights.ts). Used only where
 * the source has no län value for that län, year and sex: a published value
 * always wins. A län with any kommun value missing that year gets none, so a
 * gap stays a gap.
 */
import type { IndicatorInfo } from "../indicators";
import { round } from "../publish/dataset";
import type { IndicatorValue, Kommun, Sex } from "../schema";
import { aggregateToAreas, type AreaMember, type KommunValue } from "./aggregate";
import { lanOf } from "./check-totals";
import { weightFor, type PopulationWeights } from "./weights";

/**
 * KPI → why its län values are derived, and the decimals they are rounded to:
 * those of the publisher's own riket value (sjukpenningtal: 2, e.g. 9.74 in
 * 2022), so a derived län is as precise as the published total beside it.
 */
export const DERIVED_LAN_KPIS: Readonly<Record<string, { reason: string; decimals: number }>> = {
  N00938: { reason: "Kolada publicerar inga länsvärden för sjukpenningtal.", decimals: 2 },
};

export interface DerivedLanValue {
  kpi: string;
  level: "lan";
  code: string;
  year: number;
  sex: Sex;
  value: number;
  status: "derived";
  note: string;
}

/** The method, in the words the note and the pages use. */
export function derivedLanNote(info: IndicatorInfo): string {
  const weight = info.aggregation === "weighted_pop_total" ? "hela befolkningen" : "befolkningen 16–64 år";
  const how = info.aggregation === "sum" ? "summan av kommunernas värden" : `medelvärdet av länets kommuners värden, vägt med ${weight} i varje kommun`;
  const spec = DERIVED_LAN_KPIS[info.kpi];
  const decimals = spec?.decimals ?? info.decimals;
  return `Beräknat från kommunerna: ${how}, avrundat till ${decimals} decimal${decimals === 1 ? "" : "er"}. ${spec?.reason ?? ""}`.trim();
}

export function deriveLanValues(info: IndicatorInfo, values: readonly IndicatorValue[], kommuner: readonly Kommun[], weights: PopulationWeights): DerivedLanValue[] {
  const spec = DERIVED_LAN_KPIS[info.kpi];
  if (!spec) return [];
  const kommunValues: KommunValue[] = values.filter((v) => v.level === "kommun");
  const years = [...new Set(kommunValues.map((v) => v.year))].sort((a, b) => a - b);
  // The län each kommun belonged to that year (Heby moved in 2007), as the totals check does.
  const members: AreaMember[] = years.flatMap((year) => kommuner.map((k) => ({ area: `lan:${lanOf(k, year)}`, year, code: k.kommunkod })));
  const sexes = [...new Set(kommunValues.map((v) => v.sex))];
  const published = new Set(values.filter((v) => v.level === "lan" && v.value !== null).map((v) => `lan:${v.code}|${v.year}|${v.sex}`));
  const note = derivedLanNote(info);
  return aggregateToAreas(kommunValues, members, info.aggregation, weightFor(info.aggregation, weights), sexes)
    .filter((a) => a.status === "aggregated" && a.value !== null && !published.has(`${a.area}|${a.year}|${a.sex}`))
    .map((a) => ({ kpi: info.kpi, level: "lan", code: a.area.slice("lan:".length), year: a.year, sex: a.sex, value: round(a.value!, spec.decimals), status: "derived", note }));
}
