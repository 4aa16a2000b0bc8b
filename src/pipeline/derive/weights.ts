/**
 * The population weights of the aggregations, and the one rule choosing
 * between them: rates per person 16–64 are weighted by the population 16–64,
 * rates per inhabitant (ekonomiskt bistånd) by the total population, and
 * counts are summed without a weight. Every aggregation (förbund areas,
 * län/riket checks, the with/without groups) asks weightFor.
 */
import type { Aggregation } from "../indicators";
import type { IndicatorValue } from "../schema";
import type { KommunValue } from "./aggregate";
import type { DerivedValue } from "./population";

export interface PopulationWeights {
  /** Kommun population 16–64 (N01954 + N01955). */
  pop16to64: readonly KommunValue[];
  /** Kommun total population (N01951). */
  popTotal: readonly KommunValue[];
}

/** Kommun-level weights from the derived population 16–64 and Kolada's N01951. */
export function populationWeights(population16to64: readonly DerivedValue[], populationTotal: readonly IndicatorValue[]): PopulationWeights {
  return {
    pop16to64: population16to64.filter((v) => v.level === "kommun"),
    popTotal: populationTotal.filter((v) => v.level === "kommun"),
  };
}

/** The weights an indicator's aggregation uses; none (an empty list) for a sum. */
export function weightFor(aggregation: Aggregation, weights: PopulationWeights): readonly KommunValue[] {
  switch (aggregation) {
    case "sum":
      return [];
    case "weighted_pop_16_64":
      return weights.pop16to64;
    case "weighted_pop_total":
      return weights.popTotal;
  }
}
