/**
 * The one place where numbers become Swedish text: decimal comma, a
 * non-breaking space between thousands (so "12 480" never wraps) and a real
 * minus sign. Plot has no global locale, so charts, tables and summaries all
 * call these functions. A missing value is never 0: it is "–", read as "saknas".
 */
import { formatLocale } from "d3";

export const NBSP = "\u00a0";
/** What a missing value looks like … */
export const MISSING_TEXT = "–";
/** … and what it is called for a screen reader. */
export const MISSING_LABEL = "saknas";

export const svLocale = formatLocale({
  decimal: ",",
  thousands: NBSP,
  grouping: [3],
  currency: ["", `${NBSP}kr`],
  minus: "\u2212",
});

const fixedFormats = new Map<number, (n: number) => string>();

function fixed(decimals: number): (n: number) => string {
  let f = fixedFormats.get(decimals);
  if (!f) fixedFormats.set(decimals, (f = svLocale.format(`,.${decimals}f`)));
  return f;
}

export function isMissing(value: number | null | undefined): value is null | undefined {
  return value === null || value === undefined || !Number.isFinite(value);
}

/**
 * Round as a reader rounds the printed decimal: half away from zero on the
 * number's shortest decimal form, so 30.45 → 30.5 (binary rounding via
 * toFixed gives 30.4, because 30.45 is stored as 30.4499…).
 */
export function roundHalfUp(value: number, decimals: number): number {
  const text = String(Math.abs(value));
  // Exponent notation (1e-7, 1e21) cannot be shifted by editing the exponent; binary rounding is exact enough there.
  const shifted = text.includes("e") ? Math.abs(value) * 10 ** decimals : Number(`${text}e${decimals}`);
  const rounded = Math.round(shifted);
  const result = text.includes("e") ? rounded / 10 ** decimals : Number(`${rounded}e-${decimals}`);
  return value < 0 && result !== 0 ? -result : result;
}

/** 26.8 → "26,8"; 12480 → "12 480" (non-breaking space); null → "–". Rounds half up (roundHalfUp). */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (isMissing(value)) return MISSING_TEXT;
  const text = fixed(decimals)(roundHalfUp(value, decimals));
  // Rounding can give "−0,0"; a sign on zero means nothing to a reader.
  return /^\u2212[0,]+$/.test(text) ? text.slice(1) : text;
}

/** A number with its short unit, e.g. "35,2 dagar", "4,1 %" (the unit never wraps away). */
export function formatWithUnit(value: number | null | undefined, decimals: number, shortUnit: string): string {
  if (isMissing(value)) return MISSING_TEXT;
  return shortUnit ? `${formatNumber(value, decimals)}${NBSP}${shortUnit}` : formatNumber(value, decimals);
}

/** For axis ticks: as few decimals as the tick needs ("0,5", "12 000"). */
export const formatTick: (n: number) => string = (n) => (isMissing(n) ? "" : svLocale.format(",~r")(n));

/** Years are labels, not quantities: never "2 010". */
export const formatYear = (year: number): string => String(year);

/** Escape text for HTML; used where markup is built as a string (chart legends, tables in endpoints). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A value as HTML: the number, or "–" hidden from screen readers plus the
 * word "saknas" for them. Used in tables built by components and client scripts.
 */
export function valueHtml(value: number | null | undefined, decimals = 0): string {
  if (isMissing(value)) return `<span aria-hidden="true">${MISSING_TEXT}</span><span class="sr-only">${MISSING_LABEL}</span>`;
  return formatNumber(value, decimals);
}

export const MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"] as const;

/** "2015" → "2015"; "2015-05" → "maj 2015"; a span "2010..2013" → "2010–2013". */
export function formatPeriod(period: string): string {
  if (period.includes("..")) return period.split("..").map(formatPeriod).join("–");
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}` : period;
}

/** Join words the Swedish way: "a, b och c". */
export function joinSv(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} och ${items[items.length - 1]}`;
}

/** Collapse consecutive years: [2001,2002,2003,2007] → "2001–2003 och 2007". */
export function yearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return joinSv(parts);
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A change between two values with its sign: "+1,2", "−0,3", "0,0"; "–" when either is missing. */
export function formatChange(value: number | null | undefined, decimals = 0): string {
  if (isMissing(value)) return MISSING_TEXT;
  const text = formatNumber(value, decimals);
  return /^[0,]+$/.test(text) || text.startsWith("\u2212") ? text : `+${text}`;
}

/** A share 0–1 as a percentage: 0.2114 → "21,1 %"; null → "–". */
export function formatShare(share: number | null | undefined, decimals = 1): string {
  if (isMissing(share)) return MISSING_TEXT;
  return `${formatNumber(share * 100, decimals)}${NBSP}%`;
}

/** A date as published, in words: "2008" → "2008", "2015-05" → "maj 2015", "2012-12-31" → "31 december 2012". */
export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m) return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1]} ${m[1]}`;
  return formatPeriod(date);
}

/** A file size in decimal units, Swedish style: "820 byte", "12 kB", "8,2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${formatNumber(bytes)} byte`;
  if (bytes < 1_000_000) return `${formatNumber(Math.round(bytes / 1000))} kB`;
  return `${formatNumber(bytes / 1_000_000, 1)} MB`;
}
