/**
 * The page model of /analys/med-och-utan-forbund/: the published event-study
 * rows per outcome, and a reading generated from the numbers. The reading
 * never states an effect: an interval that contains zero is said to be
 * indistinguishable from no difference, and even an interval beside zero is
 * called a difference between joiners and not-yet-joiners, not an effect.
 * The pure functions (readOutcome, …) take plain rows, so tests can feed them.
 */
import { csvNumber, csvText } from "../csv";
import { formatNumber } from "../format";

export interface EventPoint {
  e: number;
  estimate: number;
  low: number | null;
  high: number | null;
  nTreated: number;
  nControl: number;
}

export interface OutcomeMeasure {
  slug: string;
  name: string;
  /** Definite form for sentences: "ohälsotalet". */
  subject: string;
  unit: string;
  /** The unit of a difference: "dagar", or "procentenheter" for a share. */
  shortUnit: string;
  decimals: number;
}

export interface OutcomeAnalysis {
  measure: OutcomeMeasure;
  main: EventPoint[];
  weighted: EventPoint[];
  placebo: EventPoint[];
  boundEarliest: EventPoint[];
  boundLatest: EventPoint[];
  /** First and last year the outcome's kommun series has values. */
  seriesYears: { first: number; last: number } | null;
  /** Known-year joiners whose year before joining lies before the series starts (they cannot enter for this outcome). */
  joinsBeforeSeries: number;
  knownYearJoiners: number;
}

export interface EventRowLike {
  indicator: string;
  variant: string;
  weighting: string;
  event_time: number;
  estimate: number;
  ci_low: number | null;
  ci_high: number | null;
  n_treated_kommuner: number;
  n_control_kommuner: number;
}

/** The points of one outcome, variant and weighting, by event time. */
export function pointsOf(rows: readonly EventRowLike[], indicator: string, variant: string, weighting = "lika"): EventPoint[] {
  return rows
    .filter((r) => r.indicator === indicator && r.variant === variant && r.weighting === weighting)
    .sort((a, b) => a.event_time - b.event_time)
    .map((r) => ({ e: r.event_time, estimate: r.estimate, low: r.ci_low, high: r.ci_high, nTreated: r.n_treated_kommuner, nControl: r.n_control_kommuner }));
}

/** Below this many kommuner on either side, a sentence says the estimate is fragile. */
export const FEW = 20;

export type IntervalSide = "contains-zero" | "below-zero" | "above-zero" | "no-interval";

/** Where an interval lies against zero. A missing interval proves nothing, like one that contains zero. */
export function sideOfZero(p: Pick<EventPoint, "low" | "high">): IntervalSide {
  if (p.low === null || p.high === null) return "no-interval";
  if (p.high < 0) return "below-zero";
  if (p.low > 0) return "above-zero";
  return "contains-zero";
}

const excludesZero = (p: EventPoint) => sideOfZero(p) === "below-zero" || sideOfZero(p) === "above-zero";

/** "3 år efter anslutningen", "samma år som anslutningen", "2 år före". */
export function eventWords(e: number): string {
  if (e === 0) return "Samma år som kommunerna gick med";
  if (e > 0) return `${e} år efter anslutningen`;
  return `${-e} år före anslutningen`;
}

function num(m: OutcomeMeasure, v: number | null): string {
  return formatNumber(v, m.decimals + 1);
}

/** One event time in words, with its interval, n and what the interval allows one to say. */
export function describePoint(m: OutcomeMeasure, p: EventPoint): string {
  const value = `${num(m, p.estimate)} ${m.shortUnit}`.trim();
  const n = `${p.nTreated} kommuner som gick med, ${p.nControl} jämförelsekommuner${p.nTreated < FEW || p.nControl < FEW ? `; så få kommuner gör skattningen skör` : ""}`;
  const side = sideOfZero(p);
  if (side === "no-interval") return `${eventWords(p.e)}: ${value} (${n}). Inget intervall kunde beräknas, så inget kan sägas om skillnaden.`;
  const interval = `95 % intervall ${num(m, p.low)} till ${num(m, p.high)}`;
  if (side === "contains-zero")
    return `${eventWords(p.e)}: ${value} (${interval}; ${n}). Intervallet rymmer noll, så data kan inte skilja skillnaden från ingen skillnad alls.`;
  const direction = side === "below-zero" ? "lägre" : "högre";
  return `${eventWords(p.e)}: ${value} (${interval}; ${n}). Intervallet ligger helt ${side === "below-zero" ? "under" : "över"} noll: ${m.subject} förändrades till ett ${direction} värde i kommunerna som gick med än i jämförelsekommunerna.`;
}

/** The headline: what the numbers allow, weakest claim first. */
export function headline(a: Pick<OutcomeAnalysis, "main" | "placebo" | "measure">): string {
  const post = a.main.filter((p) => p.e >= 0);
  const pre = a.main.filter((p) => p.e < 0);
  const postOff = post.filter(excludesZero);
  const checksOff = [...pre, ...a.placebo].filter(excludesZero);
  if (post.length === 0) return `Det finns inga skattningar efter anslutningen för ${a.measure.subject}.`;
  if (postOff.length === 0)
    return `Analysen visar ingen skillnad som går att skilja från noll: alla ${post.length} intervall efter anslutningen rymmer noll. Det betyder inte att förbunden saknar betydelse, bara att dessa data inte kan visa någon.`;
  const years = postOff.map((p) => (p.e === 0 ? "samma år" : `${p.e} år efter`)).join(", ");
  // With many intervals, about 1 in 20 misses zero by chance alone; one or two of many are no pattern.
  const chance = postOff.length <= 2 && post.length >= 5 ? " Bland så många intervall kan ett enstaka hamna vid sidan om noll av en slump (ungefär 1 av 20)." : "";
  if (checksOff.length > 0)
    return `${postOff.length} av ${post.length} skattningar efter anslutningen (${years}) har ett intervall som inte rymmer noll, men det har också ${checksOff.length} av kontrollerna före anslutningen eller i placebon. Skillnaderna kan därför lika gärna bero på att kommunerna som gick med redan utvecklades annorlunda; de visar ingen effekt.${chance}`;
  return `${postOff.length} av ${post.length} skattningar efter anslutningen (${years}) har ett intervall som inte rymmer noll, och kontrollerna före anslutningen och placebon rymmer noll. Det är en skillnad mellan kommuner som gick med och kommuner som ännu inte var med, inte ett bevis för en effekt: kommunerna valde själva när de gick med.${chance}`;
}

/** The check of parallel trends (pre-join event times) and the placebo, in words. */
export function checksText(a: Pick<OutcomeAnalysis, "main" | "placebo">): string[] {
  const pre = a.main.filter((p) => p.e < 0);
  const preOff = pre.filter(excludesZero);
  const plOff = a.placebo.filter(excludesZero);
  const out: string[] = [];
  if (pre.length)
    out.push(
      preOff.length === 0
        ? `Före anslutningen rymmer alla ${pre.length} intervall noll: inget tecken på att kommunerna som gick med redan utvecklades annorlunda (men det bevisar inte att de gjorde likadant).`
        : `Före anslutningen ligger ${preOff.length} av ${pre.length} intervall på ena sidan om noll (${preOff.map((p) => `${-p.e} år före`).join(", ")}): kommunerna som gick med utvecklades redan annorlunda, så jämförelsen efter anslutningen är osäker.`,
    );
  if (a.placebo.length)
    out.push(
      plOff.length === 0
        ? `Placebon (anslutningsåret flyttat 3 år tidigare, bara år före den verkliga anslutningen) rymmer noll i alla ${a.placebo.length} intervall, som den ska.`
        : `Placebon (anslutningsåret flyttat 3 år tidigare) har ${plOff.length} av ${a.placebo.length} intervall som inte rymmer noll, fast inget hade hänt då: jämförelsen fångar skillnader som inte beror på förbunden.`,
    );
  return out;
}

/** The bounds and the population weighting at one event time, in words. */
export function robustnessText(a: OutcomeAnalysis, e: number): string[] {
  const at = (pts: EventPoint[]) => pts.find((p) => p.e === e);
  const m = a.measure;
  const show = (p: EventPoint | undefined) =>
    p ? `${num(m, p.estimate)} (${p.low === null ? "intervall saknas" : `${num(m, p.low)} till ${num(m, p.high)}`}, ${p.nTreated} kommuner)` : "ingen skattning";
  const out: string[] = [];
  const early = at(a.boundEarliest);
  const late = at(a.boundLatest);
  if (early || late)
    out.push(`Med de kommuner vars anslutningsår bara är känt som ett intervall inräknade blir skattningen ${eventWords(e).toLowerCase()} ${show(early)} om de läggs på sitt tidigaste möjliga år och ${show(late)} på sitt senaste.`);
  const w = at(a.weighted);
  if (w) out.push(`Vägt med befolkningen${a.measure.slug === "ekonomiskt-bistand" ? " (alla invånare)" : " 16–64 år"} i stället för en röst per kommun: ${show(w)}.`);
  return out;
}

/** The sentence on years the source does not cover. */
export function coverageText(a: Pick<OutcomeAnalysis, "seriesYears" | "joinsBeforeSeries" | "knownYearJoiners" | "measure">): string | null {
  if (!a.seriesYears) return null;
  const span = `Kommunvärdena för ${a.measure.subject} finns ${a.seriesYears.first}–${a.seriesYears.last}.`;
  if (a.joinsBeforeSeries === 0) return span;
  return `${span} ${a.joinsBeforeSeries} av de ${a.knownYearJoiners} kommuner med känt anslutningsår gick med ${a.seriesYears.first} eller tidigare, så året före deras anslutning saknas och de ingår inte för detta nyckeltal.`;
}

/** The full reading of one outcome, from its numbers. */
export function readOutcome(a: OutcomeAnalysis): { headline: string; points: string[]; checks: string[]; robustness: string[]; coverage: string | null } {
  const key = [0, 3, 5].map((e) => a.main.find((p) => p.e === e)).filter((p): p is EventPoint => p !== undefined);
  return { headline: headline(a), points: key.map((p) => describePoint(a.measure, p)), checks: checksText(a), robustness: robustnessText(a, 5), coverage: coverageText(a) };
}

// ---- table and CSV (the same rows) ----

export interface EventTableRow {
  e: number;
  main: EventPoint | undefined;
  placebo: EventPoint | undefined;
}

export function eventTable(a: Pick<OutcomeAnalysis, "main" | "placebo">): EventTableRow[] {
  const es = [...new Set([...a.main, ...a.placebo].map((p) => p.e))].sort((x, y) => x - y);
  return es.map((e) => ({ e, main: a.main.find((p) => p.e === e), placebo: a.placebo.find((p) => p.e === e) }));
}

export const EVENT_CSV_COLUMNS = [
  "event_time", "estimate", "ci_low", "ci_high", "n_treated_kommuner", "n_control_kommuner", "placebo_estimate", "placebo_ci_low", "placebo_ci_high",
];

export function eventCsv(a: Pick<OutcomeAnalysis, "main" | "placebo">): string {
  return csvText(
    EVENT_CSV_COLUMNS,
    eventTable(a).map((r) => [
      String(r.e), csvNumber(r.main?.estimate ?? null), csvNumber(r.main?.low ?? null), csvNumber(r.main?.high ?? null),
      r.main ? String(r.main.nTreated) : "", r.main ? String(r.main.nControl) : "",
      csvNumber(r.placebo?.estimate ?? null), csvNumber(r.placebo?.low ?? null), csvNumber(r.placebo?.high ?? null),
    ]),
  );
}
