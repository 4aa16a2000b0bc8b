/**
 * The Kolada KPIs the project imports, with what a reader must know to use
 * them. Titles, descriptions and publishers come from Kolada's own metadata
 * (imported into data/snapshot/kolada/indicators.csv); this catalogue adds
 * only our editorial metadata: short names, units, and how the indicator is
 * aggregated from kommuner to a förbund area, a län or the whole country.
 */
export type Aggregation =
  /** Counts of people: sum over the kommuner. */
  | "sum"
  /** A rate per person 16–64: weighted by the population 16–64 (N01954 + N01955). */
  | "weighted_pop_16_64"
  /** A rate per inhabitant: weighted by the total population (N01951). */
  | "weighted_pop_total";

export interface IndicatorInfo {
  kpi: string;
  /** Stable slug used in file names and URLs. */
  slug: string;
  shortName: string;
  shortNameEn: string;
  unit: string;
  shortUnit: string;
  decimals: number;
  kind: "count" | "rate" | "percent";
  /**
   * What the definition allows, checked at import and on every load: days
   * per person in a year at most 365, a share 0–100, a count of people a
   * whole number ≥ 0 (null: no upper bound).
   */
  bounds: { min: number; max: number | null };
  aggregation: Aggregation;
  /** Why this aggregation, and how close it is to the publisher's own method. */
  aggregationNote: string;
  /** Shown on charts and data pages; say which measure this is. */
  keyFacts: string[];
}

const POP_16_64_NOTE =
  "Vägt med antalet invånare 16–64 år (N01954 + N01955) i varje kommun samma år.";

/** Days per person and year: at most every day of the year. */
const DAYS_IN_YEAR = { min: 0, max: 365 };
const SHARE = { min: 0, max: 100 };
const COUNT = { min: 0, max: null };

/** Keeps each slug's literal type, so the published dataset names are known to the compiler (publish/datasets/index.ts). */
function catalog<const S extends string>(list: ReadonlyArray<IndicatorInfo & { slug: S }>): ReadonlyArray<IndicatorInfo & { slug: S }> {
  return list;
}

export const INDICATORS = catalog([
  {
    kpi: "N00957",
    slug: "ohalsotal",
    shortName: "Ohälsotal",
    shortNameEn: "Sickness and disability days (ohälsotal)",
    unit: "dagar per invånare 16–64 år",
    shortUnit: "dagar",
    decimals: 1,
    kind: "rate",
    bounds: DAYS_IN_YEAR,
    aggregation: "weighted_pop_16_64",
    aggregationNote: POP_16_64_NOTE + " Ohälsotalet är dagar per invånare 16–64 år, så vägningen följer måttets egen nämnare.",
    keyFacts: [
      "Utbetalda dagar med sjukpenning, arbetsskadesjukpenning, rehabiliteringspenning, sjukersättning och aktivitetsersättning, delat med befolkningen 16–64 år.",
      "Årsvärdet är decembervärdet (rullande 12 månader).",
    ],
  },
  {
    kpi: "N00938",
    slug: "sjukpenningtal",
    shortName: "Sjukpenningtal",
    shortNameEn: "Sickness benefit days (sjukpenningtal)",
    unit: "dagar per registrerad försäkrad 16–64 år",
    shortUnit: "dagar",
    decimals: 1,
    kind: "rate",
    bounds: DAYS_IN_YEAR,
    aggregation: "weighted_pop_16_64",
    aggregationNote:
      POP_16_64_NOTE + " Måttets nämnare är registrerade försäkrade 16–64 år utan hel sjuk- eller aktivitetsersättning; befolkningen 16–64 år är en närmevärdesvikt.",
    keyFacts: ["Dagar med sjukpenning och rehabiliteringspenning per registrerad försäkrad 16–64 år."],
  },
  {
    kpi: "N03920",
    slug: "arbetsloshet",
    shortName: "Arbetslöshet 18–64 år",
    shortNameEn: "Unemployment 18–64, share of population",
    unit: "procent av befolkningen 18–64 år",
    shortUnit: "%",
    decimals: 1,
    kind: "percent",
    bounds: SHARE,
    aggregation: "weighted_pop_16_64",
    aggregationNote: POP_16_64_NOTE + " Måttets nämnare är befolkningen 18–64 år; 16–64 år är en närmevärdesvikt.",
    keyFacts: [
      "Öppet arbetslösa och personer i program med aktivitetsstöd, som andel av hela befolkningen 18–64 år (årsmedelvärde).",
      "Det är inte Arbetsförmedlingens andel av den registerbaserade arbetskraften 16–64 år: det måttet är högre.",
    ],
  },
  {
    kpi: "N03921",
    slug: "arbetsloshet-unga",
    shortName: "Arbetslöshet 16–24 år",
    shortNameEn: "Unemployment 16–24, share of population",
    unit: "procent av befolkningen 16–24 år",
    shortUnit: "%",
    decimals: 1,
    kind: "percent",
    bounds: SHARE,
    aggregation: "weighted_pop_16_64",
    aggregationNote: POP_16_64_NOTE + " Befolkningen 16–24 år finns inte i underlaget; 16–64 år är en närmevärdesvikt.",
    keyFacts: ["Öppet arbetslösa och personer i program med aktivitetsstöd 16–24 år, som andel av befolkningen 16–24 år."],
  },
  {
    kpi: "N03926",
    slug: "langtidsarbetsloshet",
    shortName: "Långtidsarbetslöshet 25–64 år",
    shortNameEn: "Long-term unemployment 25–64, share of population",
    unit: "procent av befolkningen 25–64 år",
    shortUnit: "%",
    decimals: 1,
    kind: "percent",
    bounds: SHARE,
    aggregation: "weighted_pop_16_64",
    aggregationNote: POP_16_64_NOTE + " Måttets nämnare är befolkningen 25–64 år; 16–64 år är en närmevärdesvikt.",
    keyFacts: ["Arbetslösa eller i program med aktivitetsstöd i minst sex månader, 25–64 år, som andel av befolkningen."],
  },
  {
    kpi: "N31807",
    slug: "ekonomiskt-bistand",
    shortName: "Ekonomiskt bistånd",
    shortNameEn: "Social assistance recipients, share of population",
    unit: "procent av alla invånare",
    shortUnit: "%",
    decimals: 1,
    kind: "percent",
    bounds: SHARE,
    aggregation: "weighted_pop_total",
    aggregationNote: "Vägt med hela befolkningen (N01951) i varje kommun samma år, eftersom måttet är en andel av alla invånare.",
    keyFacts: ["Invånare (även barn) som någon gång under året fått ekonomiskt bistånd, som andel av alla invånare."],
  },
  {
    kpi: "N02797",
    slug: "unga-utanfor",
    shortName: "Unga som varken arbetar eller studerar",
    shortNameEn: "Young people 16–24 neither working nor studying",
    unit: "procent av befolkningen 16–24 år",
    shortUnit: "%",
    decimals: 1,
    kind: "percent",
    bounds: SHARE,
    aggregation: "weighted_pop_16_64",
    aggregationNote: POP_16_64_NOTE + " Befolkningen 16–24 år finns inte i underlaget; 16–64 år är en närmevärdesvikt.",
    keyFacts: ["Invånare 16–24 år som under året varken arbetat (inkomst över ett basbelopp) eller studerat."],
  },
  {
    kpi: "N01951",
    slug: "invanare",
    shortName: "Invånare totalt",
    shortNameEn: "Population, total",
    unit: "personer den 31 december",
    shortUnit: "personer",
    decimals: 0,
    kind: "count",
    bounds: COUNT,
    aggregation: "sum",
    aggregationNote: "Summa över kommunerna.",
    keyFacts: ["Folkbokförda invånare den 31 december."],
  },
  {
    kpi: "N01954",
    slug: "invanare-16-19",
    shortName: "Invånare 16–19 år",
    shortNameEn: "Population 16–19",
    unit: "personer den 31 december",
    shortUnit: "personer",
    decimals: 0,
    kind: "count",
    bounds: COUNT,
    aggregation: "sum",
    aggregationNote: "Summa över kommunerna.",
    keyFacts: ["Folkbokförda invånare 16–19 år den 31 december."],
  },
  {
    kpi: "N01955",
    slug: "invanare-20-64",
    shortName: "Invånare 20–64 år",
    shortNameEn: "Population 20–64",
    unit: "personer den 31 december",
    shortUnit: "personer",
    decimals: 0,
    kind: "count",
    bounds: COUNT,
    aggregation: "sum",
    aggregationNote: "Summa över kommunerna.",
    keyFacts: ["Folkbokförda invånare 20–64 år den 31 december."],
  },
]);
export type IndicatorSlug = (typeof INDICATORS)[number]["slug"];

export const INDICATOR_BY_KPI: ReadonlyMap<string, IndicatorInfo> = new Map(INDICATORS.map((i) => [i.kpi, i]));

export function indicatorInfo(kpi: string): IndicatorInfo {
  const info = INDICATOR_BY_KPI.get(kpi);
  if (!info) throw new Error(`unknown KPI ${kpi}: add it to src/pipeline/indicators.ts`);
  return info;
}

/** Years any imported value may carry; outside this a year is a typo, not data. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2026;

/** Why a value breaks its indicator's definition, or null when it fits (see IndicatorInfo.bounds). */
export function boundsProblem(info: IndicatorInfo, value: number): string | null {
  const { min, max } = info.bounds;
  const range = `${min}–${max ?? "∞"} ${info.shortUnit}`;
  if (value < min) return `${value < 0 ? "negative value" : "below the lower bound"} for ${info.kpi} (allowed ${range})`;
  if (max !== null && value > max) return `${info.kind === "percent" ? "a share above 100 %" : "above the upper bound"} for ${info.kpi} (allowed ${range}: ${info.unit})`;
  if (info.kind === "count" && !Number.isInteger(value)) return `a count of people must be a whole number (${info.kpi})`;
  return null;
}

/** How far a both-sexes value may lie outside its women's and men's values: the rounding of one published decimal. */
export const TOTAL_ROUNDING = 0.05;

/**
 * A rate or share for both sexes lies between the women's and the men's
 * values. When the publisher's total does not (beyond rounding), or is 0
 * while both parts are positive, it is a defect in the source, not a
 * measurement: the reason, in Swedish for the published note, or null.
 * (Counts are sums, not averages, and are not checked this way.)
 */
export function totalOutsidePartsReason(info: IndicatorInfo, t: number, k: number, m: number): string | null {
  if (info.kind === "count") return null;
  const [lo, hi] = [Math.min(k, m), Math.max(k, m)];
  const outside = t < lo - TOTAL_ROUNDING - 1e-9 || t > hi + TOTAL_ROUNDING + 1e-9 || (t === 0 && k > 0 && m > 0);
  if (!outside) return null;
  const sv = (x: number) => String(x).replace(".", ",");
  return `Källan anger ${sv(t)} för båda könen men ${sv(k)} för kvinnor och ${sv(m)} för män; värdet för båda könen ska ligga mellan dem. Ett fel i källan, inte en mätning, så värdet används inte.`;
}
