/**
 * Membership timelines: each spell of the registry as the days on which the
 * membership is certain (the sources prove it) and the days on which it is
 * only possible (the date bounds allow it). Pure module; the interval rules
 * are the pipeline's own (registry/dates.ts), so the bars agree with the
 * certain/possible counts in the datasets.
 */
import { addDays, certainInterval, parseDateBound, possibleFrom, possibleUntil } from "../../pipeline/registry/dates";

/** The spell columns a timeline needs (a row of the medlemskap dataset has them). */
export interface SpellLike {
  foerbund_id: string;
  member_code: string;
  member_name?: string;
  stadsdel: string;
  from: string;
  to: string;
}

export type SpanKind = "certain" | "possible";

/** [from, until): ISO days, `until` exclusive. */
export interface Span {
  kind: SpanKind;
  from: string;
  until: string;
}

export interface SpellSpans {
  spell: SpellLike;
  /** In time order; possible before, certain, possible after (each only if non-empty). */
  spans: Span[];
  /** The first possible day is unknown (before the axis starts). */
  openStart: boolean;
  /** The end is unknown: the membership may still last. */
  openEnd: boolean;
  /** No day of the spell is proven. */
  neverCertain: boolean;
}

const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);

/**
 * The spans of one spell within the axis [axisFrom, axisUntil). A start or end
 * the sources leave open is cut at the axis and flagged (openStart, openEnd).
 */
export function spellSpans(spell: SpellLike, axisFrom: string, axisUntil: string): SpellSpans {
  const from = parseDateBound(spell.from);
  const to = parseDateBound(spell.to);
  const pFrom = possibleFrom(from);
  const pUntil = possibleUntil(to);
  const lo = pFrom === null ? axisFrom : maxDay(pFrom, axisFrom);
  const hi = pUntil === null ? axisUntil : minDay(pUntil, axisUntil);
  const spans: Span[] = [];
  const certain = certainInterval(from, to);
  const push = (kind: SpanKind, a: string, b: string) => {
    const s = maxDay(a, lo);
    const e = minDay(b, hi);
    if (s < e) spans.push({ kind, from: s, until: e });
  };
  if (certain) {
    push("possible", lo, certain.from);
    push("certain", certain.from, certain.until);
    push("possible", certain.until, hi);
  } else push("possible", lo, hi);
  return { spell, spans, openStart: pFrom === null || pFrom < axisFrom, openEnd: pUntil === null, neverCertain: certain === null };
}

export interface TimelineRow {
  /** member_code, or member_code + stadsdel for a stadsdel member. */
  key: string;
  member_code: string;
  stadsdel: string;
  label: string;
  spells: SpellSpans[];
}

/**
 * One row per member (kommun or stadsdel), its spells in time order; rows
 * sorted by the first possible day, then by name (Swedish collation).
 */
export function timelineRows(spells: readonly SpellLike[], axisFrom: string, axisUntil: string, name: (code: string) => string = (c) => c): TimelineRow[] {
  const rows = new Map<string, TimelineRow>();
  for (const s of spells) {
    const key = s.stadsdel ? `${s.member_code}:${s.stadsdel}` : s.member_code;
    let row = rows.get(key);
    if (!row) {
      const base = s.member_name || name(s.member_code);
      rows.set(key, (row = { key, member_code: s.member_code, stadsdel: s.stadsdel, label: s.stadsdel ? `${base}: ${s.stadsdel}` : base, spells: [] }));
    }
    row.spells.push(spellSpans(s, axisFrom, axisUntil));
  }
  const first = (r: TimelineRow) => r.spells.flatMap((s) => s.spans.map((x) => x.from)).sort()[0] ?? "9999";
  const collator = new Intl.Collator("sv");
  for (const r of rows.values()) r.spells.sort((a, b) => (a.spans[0]?.from ?? "").localeCompare(b.spans[0]?.from ?? ""));
  return [...rows.values()].sort((a, b) => first(a).localeCompare(first(b)) || collator.compare(a.label, b.label));
}

/** An ISO day as a fractional year (2015-07-02 ≈ 2015.5), for placing it on a year axis. */
export function dayToYear(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const start = Date.UTC(y, 0, 1);
  const next = Date.UTC(y + 1, 0, 1);
  const t = Date.parse(iso + "T00:00:00Z");
  return y + (t - start) / (next - start);
}

/** The last day of a span (inclusive), for text: until is exclusive. */
export function lastDay(span: Span): string {
  return addDays(span.until, -1);
}
