/**
 * CSV as the site serves it beside each chart (RFC 4180: a cell with a comma,
 * quote or line break is quoted, quotes doubled). One definition, so every
 * chart's download reads the same way. Text cells are made safe for
 * spreadsheets the same way as the published datasets (spreadsheetSafe).
 */
import { spreadsheetSafe } from "../pipeline/spreadsheet-safe";

export function csvCell(text: string): string {
  const safe = spreadsheetSafe(text);
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A missing number is an empty cell, never 0. */
export function csvNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? "" : String(value);
}

/** Header and rows as CSV text with a final newline. */
export function csvText(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return [header, ...rows].map((r) => r.map((c) => csvCell(String(c))).join(",")).join("\n") + "\n";
}
