/**
 * Drawings for /historia/, as plain SVG geometry computed at build time:
 * a vertical timeline 1992–2006 whose marks show each date's precision (a
 * whole-year band, a month tick, a day dot), the 1998 results as bars, and the
 * trial kommuner on the site's kommun map (map.ts).
 */
import type { HistoryEvent, ResultRow, TrialKommun, TrialStatus } from "../history/model";
import { swedenKommunMap } from "./map";

/** A tenth of a pixel is enough for these shapes. */
const roundPx = (n: number) => Math.round(n * 10) / 10;

export const TIMELINE_FIRST = 1992;
export const TIMELINE_LAST = 2006;
export const LANES = ["FINSAM", "SOCSAM", "Övrigt"] as const;

export interface TimelineMark {
  kind: "year" | "span" | "day";
  x: number;
  y: number;
  /** Height of a band or tick (0 for a day). */
  h: number;
  label: string;
  lane: number;
}

/** The time an event covers, in fractional years: a year covers all of it, a month its month, a season three months, a day a point. */
export function eventSpan(date: string, precision: HistoryEvent["precision"]): [number, number] {
  const [y, m, d] = date.split("-").map(Number) as [number, number?, number?];
  if (precision === "year") return [y, y + 1];
  if (precision === "day") {
    const t = y + (Date.UTC(y, m! - 1, d!) - Date.UTC(y, 0, 1)) / (365.25 * 864e5);
    return [t, t];
  }
  const months = precision === "season" ? 3 : 1;
  return [y + (m! - 1) / 12, y + (m! - 1 + months) / 12];
}

export const laneOf = (scheme: string) => (scheme === "FINSAM" ? 0 : scheme.startsWith("SOCSAM") ? 1 : 2);

export function timeline(events: readonly HistoryEvent[], width = 340) {
  const top = 22;
  const perYear = 34;
  const axis = 42;
  const laneWidth = (width - axis) / LANES.length;
  const height = top + (TIMELINE_LAST - TIMELINE_FIRST + 1) * perYear + 6;
  const yOf = (t: number) => roundPx(top + (t - TIMELINE_FIRST) * perYear);
  const placed: Array<{ lane: number; from: number; to: number; slot: number }> = [];
  const marks: TimelineMark[] = events.map((e) => {
    const [from, to] = eventSpan(e.date, e.precision);
    const lane = laneOf(e.scheme);
    // Side by side where marks in a lane overlap in time (a gap of two weeks counts as overlap for dots).
    const busy = new Set(placed.filter((p) => p.lane === lane && p.from <= to + 0.04 && from <= p.to + 0.04).map((p) => p.slot));
    let slot = 0;
    while (busy.has(slot)) slot++;
    placed.push({ lane, from, to, slot });
    const x = roundPx(axis + lane * laneWidth + 10 + Math.min(slot, 7) * 11);
    const kind = e.precision === "year" ? "year" : e.precision === "day" ? "day" : "span";
    return { kind, x, y: yOf(from), h: kind === "day" ? 0 : Math.max(3, yOf(to) - yOf(from)), label: `${e.when}: ${e.event}`, lane };
  });
  const years = Array.from({ length: TIMELINE_LAST - TIMELINE_FIRST + 1 }, (_, i) => ({ year: TIMELINE_FIRST + i, y: yOf(TIMELINE_FIRST + i) }));
  const lanes = LANES.map((name, i) => ({ name, x: roundPx(axis + i * laneWidth + 4) }));
  return { width, height, marks, years, lanes, axis };
}

/** Horizontal bars: the 1998 result as a share of the finansiell ram, per area. */
export function resultBars(rows: readonly ResultRow[], width = 340) {
  const label = 96;
  const rowHeight = 24;
  const top = 8;
  const max = Math.max(...rows.map((r) => Math.abs(r.share ?? 0)), 1);
  const half = (width - label - 8) / 2;
  const zero = label + half;
  const scale = (half - 30) / max;
  const bars = rows.map((r, i) => {
    const v = r.share ?? 0;
    const w = roundPx(Math.abs(v) * scale);
    return { area: r.area, isTotal: r.isTotal, y: top + i * rowHeight, x: v < 0 ? roundPx(zero - w) : zero, w, negative: v < 0, missing: r.share === null, text: r.sharePrinted, textX: v < 0 ? roundPx(zero - w - 3) : roundPx(zero + w + 3) };
  });
  return { width, height: top + rows.length * rowHeight + 4, zero, bars, rowHeight };
}

export const TRIAL_WORDS: Record<TrialStatus | "other", string> = {
  finsam: "FINSAM 1993–1997",
  socsam: "SOCSAM (hela kommunen)",
  "socsam-part": "SOCSAM i en del av kommunen",
  both: "först FINSAM, sedan SOCSAM",
  other: "inget försök",
};

/** Sweden's kommuner, with the trial kommuner marked. */
export function trialMap(trials: readonly TrialKommun[], name: (code: string) => string, width = 300) {
  const status = new Map(trials.map((t) => [t.kommunkod, t.status]));
  const base = swedenKommunMap(new Map(), name, width);
  return { ...base, kommuner: base.kommuner.map((k) => ({ code: k.code, d: k.d, label: k.label, status: status.get(k.code) ?? ("other" as const) })) };
}
