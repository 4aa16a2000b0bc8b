/**
 * The registry's date grammar in Swedish words, for förbund and membership
 * pages. Pure module: it reads the grammar with the pipeline's own parser,
 * so a date can never be read one way in the data and another way here.
 *
 *   "2015-01-01" → "1 januari 2015"      "<=2015-04"       → "senast april 2015"
 *   "2015-04"    → "april 2015"          ">=2015-04"       → "tidigast april 2015"
 *   "2005"       → "2005"                "2010..2015-04"   → "mellan 2010 och april 2015"
 *
 * Ends need their own wording: an end ">=2015-04" does not mean "ended in
 * April 2015 at the earliest" to a reader but "still there in April 2015;
 * what happened later is not known".
 */
import { parseAnchor, parseDateBound, type Anchor, type DateBound } from "../../pipeline/registry/dates";
import { nameInForceOn } from "../../pipeline/registry/names";
import { MONTH_NAMES } from "../format";

/** One day, month or year in words: "1 januari 2015", "april 2015", "2005". */
export function anchorInWords(a: Anchor): string {
  const [y, m, d] = a.start.split("-").map(Number) as [number, number, number];
  if (a.precision === "year") return String(y);
  if (a.precision === "month") return `${MONTH_NAMES[m - 1]} ${y}`;
  return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** An ISO day in words: "2014-12-31" → "31 december 2014". */
export function dayInWords(iso: string): string {
  return anchorInWords(parseAnchor(iso));
}

function bound(input: string | DateBound): DateBound {
  return typeof input === "string" ? parseDateBound(input) : input;
}

/** Any date of the grammar in words, without context (a start, or a date in a table). */
export function dateInWords(input: string | DateBound): string {
  const b = bound(input);
  switch (b.kind) {
    case "exact":
      return anchorInWords(b.lower!);
    case "atMost":
      return `senast ${anchorInWords(b.upper!)}`;
    case "atLeast":
      return `tidigast ${anchorInWords(b.lower!)}`;
    case "range":
      return `mellan ${anchorInWords(b.lower!)} och ${anchorInWords(b.upper!)}`;
  }
}

/**
 * An end date in words. `null` (an empty `ended`) means nothing is known after
 * the start. An exact end is the first day without the förbund or membership.
 */
export function endInWords(input: string | DateBound | null): string {
  if (input === null || input === "") return "okänt (inget känt efter starten)";
  const b = bound(input);
  // Only a lower bound reads differently for an end: the förbund or member was still there then.
  return b.kind === "atLeast" ? `fanns kvar ${anchorInWords(b.lower!)}, slutet okänt` : dateInWords(b);
}

/** True when the sources give the day, month or year itself (not only a bound). */
export function isExactDate(input: string | DateBound | null): boolean {
  if (input === null || input === "") return false;
  return bound(input).kind === "exact";
}

/** "exakt datum" or "datumgräns": how sure a date is, in two words. */
export function certaintyWord(input: string | DateBound | null): string {
  if (input === null || input === "") return "okänt";
  return isExactDate(input) ? "uppgivet datum" : "datumgräns";
}

/** A start sentence: "Bildades 1 januari 2015." / "Bildades senast april 2015." */
export function foundedSentence(raw: string): string {
  const b = parseDateBound(raw);
  const words = dateInWords(b);
  return b.kind === "exact" ? `Bildades ${words}.` : `Bildades ${words} (källorna anger bara en gräns).`;
}

export const END_REASON_WORDS: Record<string, string> = {
  merged: "gick upp i ett nytt förbund",
  dissolved: "upplöstes",
  "": "",
};

/** An end sentence: "Upphörde 1 januari 2015 (gick upp i ett nytt förbund)." */
export function endedSentence(raw: string, reason = ""): string {
  if (raw === "") return "Inget är känt om förbundet efter att det bildades.";
  const b = parseDateBound(raw);
  const why = END_REASON_WORDS[reason] ? ` (${END_REASON_WORDS[reason]})` : "";
  switch (b.kind) {
    case "exact":
      return `Upphörde ${anchorInWords(b.lower!)}${why}.`;
    case "atMost":
      return `Upphörde senast ${anchorInWords(b.upper!)}${why}.`;
    case "atLeast":
      return `Fanns kvar ${anchorInWords(b.lower!)}; vad som hände senare vet registret inte.`;
    case "range":
      return `Upphörde mellan ${anchorInWords(b.lower!)} och ${anchorInWords(b.upper!)}${why}.`;
  }
}

/** Whether a förbund is known to have ended (an end that is not "still there at X"). */
export function hasEnded(raw: string): boolean {
  if (raw === "") return false;
  return parseDateBound(raw).kind !== "atLeast";
}

/** A period printed in the 2015 report ("2013-04..2014-01", "2014") in words; text that is not a date stays as it is. */
export function periodInWords(period: string): string {
  try {
    return dateInWords(period);
  } catch {
    return period;
  }
}

/**
 * The name in force on `date` (ISO day) among a förbund's dated names: a name
 * proven in use that day wins; otherwise, among names possibly in use, the
 * one that started latest (a renaming moves forward, never back); null when
 * no name is possible that day (the caller then uses the latest known name).
 */
export function nameInForce(names: ReadonlyArray<{ name: string; from: string; to: string }>, date: string): string | null {
  return nameInForceOn(names.map((n) => ({ name: n.name, from: parseDateBound(n.from), to: parseDateBound(n.to) })), date);
}
