/**
 * The registry's date grammar. Sources often state only a month or a year, or
 * only prove that something held at a snapshot, so a date is an interval of
 * possible days rather than one day:
 *
 *   2015-01-01      exact day            2015-04   a month       2005   a year
 *   <=2015-04       no later than X      >=2020-12-31   no earlier than X
 *   2009..2015-04   between X and Y (X and Y are day, month or year)
 *
 * `earliest`/`latest` are the first/last possible ISO days (null = unbounded).
 */

export type Precision = "day" | "month" | "year";

/** One day, month or year, as the first and last ISO day it covers. */
export interface Anchor {
  start: string;
  end: string;
  precision: Precision;
}

export type BoundKind = "exact" | "atMost" | "atLeast" | "range";

export interface DateBound {
  raw: string;
  kind: BoundKind;
  earliest: string | null;
  latest: string | null;
  precision: Precision | "bound" | "range";
  /** The "no earlier than" anchor (exact, >=X, or X of X..Y). */
  lower: Anchor | null;
  /** The "no later than" anchor (exact, <=X, or Y of X..Y). */
  upper: Anchor | null;
}

export class DateGrammarError extends Error {}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;

/** Parse a bare day, month or year. */
export function parseAnchor(s: string): Anchor {
  let m = DAY.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new DateGrammarError(`"${s}" is not a real calendar day`);
    return { start: s, end: s, precision: "day" };
  }
  m = MONTH.exec(s);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) throw new DateGrammarError(`"${s}" has no month ${mo}`);
    return { start: `${s}-01`, end: `${s}-${pad(daysInMonth(y, mo))}`, precision: "month" };
  }
  m = YEAR.exec(s);
  if (m) return { start: `${s}-01-01`, end: `${s}-12-31`, precision: "year" };
  throw new DateGrammarError(`"${s}" is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY`);
}

/** Parse one cell of the date grammar; throws DateGrammarError with a readable message. */
export function parseDateBound(input: string): DateBound {
  const raw = input.trim();
  if (raw === "") throw new DateGrammarError("empty date");
  if (raw.startsWith("<=")) {
    const a = parseAnchor(raw.slice(2));
    return { raw, kind: "atMost", earliest: null, latest: a.end, precision: "bound", lower: null, upper: a };
  }
  if (raw.startsWith(">=")) {
    const a = parseAnchor(raw.slice(2));
    return { raw, kind: "atLeast", earliest: a.start, latest: null, precision: "bound", lower: a, upper: null };
  }
  const parts = raw.split("..");
  if (parts.length === 2) {
    const lower = parseAnchor(parts[0]!);
    const upper = parseAnchor(parts[1]!);
    // A range must leave room for at least one day.
    if (upper.end < lower.start) throw new DateGrammarError(`range "${raw}" ends before it starts`);
    return { raw, kind: "range", earliest: lower.start, latest: upper.end, precision: "range", lower, upper };
  }
  if (parts.length > 2) throw new DateGrammarError(`"${raw}" has more than one ".."`);
  const a = parseAnchor(raw);
  return { raw, kind: "exact", earliest: a.start, latest: a.end, precision: a.precision, lower: a, upper: a };
}

// ---- Interval semantics shared by spells, förbund and names. ----
//
// A start ("from", "founded") is inclusive: possible from `earliest`, certain from `latest`.
// An end ("to", "ended") is exclusive, but what a bound proves differs by kind:
//   exact X    the end happened within X: certainly active before X starts, possibly before X ends
//              (so a merger on 2015-01-01 gives old to = 2015-01-01 and new from = 2015-01-01);
//   >=X        still active at X, read at X's precision (">=2015-04" = through April 2015, the
//              Bilaga 4 snapshot month): certainly active through the end of X, end unknown;
//   X..Y       still active at X (as >=X) and no longer active by Y;
//   <=Y        ended by Y: never certain from the end alone.

/** First day on which the start is certain (null: never certain). */
export function certainFrom(start: DateBound): string | null {
  return start.latest;
}

/** First day on which activity is possible (null: unbounded in the past). */
export function possibleFrom(start: DateBound): string | null {
  return start.earliest;
}

/** Exclusive day before which activity is certain as far as the end is concerned (null: never). */
export function certainUntil(end: DateBound | null): string | null {
  if (end === null) return null; // unknown end: nothing after the start is certain
  switch (end.kind) {
    case "exact":
      return end.lower!.start;
    case "atLeast":
    case "range":
      return addDays(end.lower!.end, 1);
    case "atMost":
      return null;
  }
}

/** Exclusive day from which activity is impossible (null: possibly still active). */
export function possibleUntil(end: DateBound | null): string | null {
  return end === null ? null : end.latest;
}

export type Status = "certain" | "possible" | "no";

/** Whether something that started at `start` and ended at `end` was active on `date`. */
export function statusOn(start: DateBound, end: DateBound | null, date: string): Status {
  const pFrom = possibleFrom(start);
  const pUntil = possibleUntil(end);
  if ((pFrom !== null && date < pFrom) || (pUntil !== null && date >= pUntil)) return "no";
  const cFrom = certainFrom(start);
  const cUntil = certainUntil(end);
  if (cFrom !== null && cUntil !== null && cFrom <= date && date < cUntil) return "certain";
  return "possible";
}

/** The certain interval [from, until) or null if there is no day of certain activity. */
export function certainInterval(start: DateBound, end: DateBound | null): { from: string; until: string } | null {
  const from = certainFrom(start);
  const until = certainUntil(end);
  if (from === null || until === null || from >= until) return null;
  return { from, until };
}

/**
 * The window in which an end (exclusive day) can fall: [earliest, latest].
 * `earliest` is certainUntil (null = unbounded in the past, for "<=Y"); `latest`
 * is possibleUntil (null = possibly still active). Every dataset that publishes
 * an end's window uses this, so "to_earliest" agrees with statusOn: ">=2015-04"
 * ends no earlier than 2015-05-01 because the member is certain through April.
 */
export function endWindow(end: DateBound | null): { earliest: string | null; latest: string | null } {
  return { earliest: end !== null && end.kind === "atMost" ? null : certainUntil(end), latest: possibleUntil(end) };
}

/**
 * Whether spell `a` can be read as wholly before spell `b`: its end cannot
 * fall after `b`'s start on either side of the uncertainty. Written as
 * "a's earliest end <= b's earliest start and a's latest end <= b's latest
 * start" (null ends/starts are unbounded). The same date code as a's end and
 * b's start (a handover on one unknown day) also counts as ordered.
 */
export function precedes(a: { from: DateBound; to: DateBound | null }, b: { from: DateBound; to: DateBound | null }): boolean {
  if (a.to !== null && a.to.raw === b.from.raw) return true;
  const w = endWindow(a.to);
  const bEarliest = possibleFrom(b.from);
  const bLatest = certainFrom(b.from);
  const lowOk = w.earliest === null || (bEarliest !== null && w.earliest <= bEarliest);
  const highOk = bLatest === null || (w.latest !== null && w.latest <= bLatest);
  return lowOk && highOk;
}

/** True when no day can be active: the latest possible end is not after the earliest possible start. */
export function endsBeforeStart(start: DateBound, end: DateBound | null): boolean {
  const pFrom = possibleFrom(start);
  const pUntil = possibleUntil(end);
  return pFrom !== null && pUntil !== null && pUntil <= pFrom;
}

// ---- small calendar helpers (UTC, ISO strings compare lexicographically) ----

export function addDays(iso: string, days: number): string {
  const d = new Date(iso + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
