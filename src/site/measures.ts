/**
 * What the site shows of each published value dataset. Names, units and
 * decimals come from the pipeline's indicator catalogue; the site adds only
 * wording: the definite form used in generated sentences ("ohälsotalet").
 */
import { INDICATORS, type IndicatorInfo } from "../pipeline/indicators";
import { resource } from "./data";

export interface Measure extends Pick<IndicatorInfo, "slug" | "shortName" | "unit" | "shortUnit" | "decimals" | "kind"> {
  /** The published dataset the values come from (public/data/<dataset>.json). */
  dataset: string;
  /** Kolada KPI id, or null for values we derive. */
  kpi: string | null;
  /** Definite form for sentences: "ohälsotalet steg …". */
  subject: string;
  keyFacts: string[];
}

/** Definite forms, keyed by slug (Swedish grammar is not derivable from a title). */
const SUBJECTS: Record<string, string> = {
  ohalsotal: "ohälsotalet",
  sjukpenningtal: "sjukpenningtalet",
  arbetsloshet: "arbetslösheten 18–64 år",
  "arbetsloshet-unga": "arbetslösheten 16–24 år",
  langtidsarbetsloshet: "långtidsarbetslösheten 25–64 år",
  "ekonomiskt-bistand": "andelen med ekonomiskt bistånd",
  "unga-utanfor": "andelen unga som varken arbetar eller studerar",
  invanare: "antalet invånare",
  "invanare-16-19": "antalet invånare 16–19 år",
  "invanare-20-64": "antalet invånare 20–64 år",
};

function fromIndicator(info: IndicatorInfo): Measure {
  return {
    slug: info.slug,
    dataset: info.slug,
    kpi: info.kpi,
    shortName: info.shortName,
    unit: info.unit,
    shortUnit: info.shortUnit,
    decimals: info.decimals,
    kind: info.kind,
    subject: SUBJECTS[info.slug] ?? info.shortName.toLowerCase(),
    keyFacts: info.keyFacts,
  };
}

export const POPULATION_16_64_SLUG = "befolkning-16-64";

function population16to64(): Measure {
  return {
    slug: POPULATION_16_64_SLUG,
    dataset: POPULATION_16_64_SLUG,
    kpi: null,
    shortName: "Invånare 16–64 år",
    unit: "personer den 31 december",
    shortUnit: "personer",
    decimals: 0,
    kind: "count",
    subject: "antalet invånare 16–64 år",
    keyFacts: [resource(POPULATION_16_64_SLUG).description],
  };
}

export function measure(slug: string): Measure {
  if (slug === POPULATION_16_64_SLUG) return population16to64();
  const info = INDICATORS.find((i) => i.slug === slug);
  if (!info) throw new Error(`unknown measure ${slug}`);
  return fromIndicator(info);
}

/** The measures on every kommun page, in this order. */
export const KOMMUN_PAGE_MEASURES = ["ohalsotal", "sjukpenningtal", "arbetsloshet", "ekonomiskt-bistand", "unga-utanfor", POPULATION_16_64_SLUG] as const;

/** Rates that can be compared between areas of different size (the compare page). */
export function comparableMeasures(): Measure[] {
  return INDICATORS.filter((i) => i.kind !== "count").map(fromIndicator);
}
