/**
 * Population 16–64 per area, year and sex = invånare 16–19 (N01954) + 20–64 (N01955).
 * It is the weight for förbund aggregates and the base of the coverage share.
 * Where either part is missing, the sum is missing: half a population is no population.
 */
import type { AreaLevel, IndicatorValue, Sex } from "../schema";

export interface DerivedValue {
  level: AreaLevel;
  code: string;
  year: number;
  sex: Sex;
  value: number | null;
  status: "derived" | "not_available";
  note: string;
}

type PartRow = { level: AreaLevel; code: string; year: number; sex: Sex; v16: number | null | undefined; v20: number | null | undefined };

/**
 * With `kommunCodes`, every kommun gets a row for every year and sex of the
 * kommun span, so a kommun-year that neither part covers (a kommun formed
 * later) is an explicit not_available row, not an absent one.
 */
export function population16to64(age16to19: readonly IndicatorValue[], age20to64: readonly IndicatorValue[], kommunCodes: readonly string[] = []): DerivedValue[] {
  const joined = fullJoin(age16to19, age20to64);
  const rows = [...joined, ...kommunGaps(joined, kommunCodes)].sort(byAreaYearSex);
  return rows.map((r) => {
    const value = Number.isFinite(r.v16) && Number.isFinite(r.v20) ? r.v16! + r.v20! : null;
    return { level: r.level, code: r.code, year: r.year, sex: r.sex, value, status: value === null ? "not_available" : "derived", note: value === null ? missingNote(r) : "" };
  });
}

/**
 * The full join on (level, code, year, sex) in plain loops (arquero's join was
 * a noticeable share of the build), with arquero's rows in arquero's order:
 * the matched pairs scanning the longer part (the 16–19 part on a tie) and
 * looking up the other, then the unmatched 16–19 rows, then the unmatched
 * 20–64 rows. The loaders allow a key once per KPI, but a key given twice
 * still joins as it did, every row with every match.
 */
function fullJoin(age16to19: readonly IndicatorValue[], age20to64: readonly IndicatorValue[]): PartRow[] {
  const keyOf = (v: IndicatorValue) => `${v.level}|${v.code}|${v.year}|${v.sex}`;
  const pair = (a: IndicatorValue, b: IndicatorValue): PartRow => ({ level: a.level, code: a.code, year: a.year, sex: a.sex, v16: a.value, v20: b.value });
  const scanLeft = age16to19.length >= age20to64.length;
  const [scan, hashed] = scanLeft ? [age16to19, age20to64] : [age20to64, age16to19];
  const lookup = new Map<string, number[]>();
  hashed.forEach((v, i) => {
    const key = keyOf(v);
    const list = lookup.get(key);
    if (list) list.push(i);
    else lookup.set(key, [i]);
  });
  const hitScan = new Uint8Array(scan.length);
  const hitHashed = new Uint8Array(hashed.length);
  const rows: PartRow[] = [];
  scan.forEach((v, j) => {
    const list = lookup.get(keyOf(v));
    if (!list) return;
    for (const i of list) {
      rows.push(scanLeft ? pair(v, hashed[i]!) : pair(hashed[i]!, v));
      hitHashed[i] = 1;
    }
    hitScan[j] = 1;
  });
  const [hitLeft, hitRight] = scanLeft ? [hitScan, hitHashed] : [hitHashed, hitScan];
  age16to19.forEach((v, i) => hitLeft[i] || rows.push({ level: v.level, code: v.code, year: v.year, sex: v.sex, v16: v.value, v20: undefined }));
  age20to64.forEach((v, i) => hitRight[i] || rows.push({ level: v.level, code: v.code, year: v.year, sex: v.sex, v16: undefined, v20: v.value }));
  return rows;
}

/** Which part is missing, in the words of the codebook. */
function missingNote(r: PartRow): string {
  const no16 = !Number.isFinite(r.v16);
  const no20 = !Number.isFinite(r.v20);
  if (no16 && no20) return "N01954 (16–19 år) och N01955 (20–64 år) saknas";
  return no16 ? "N01954 (16–19 år) saknas" : "N01955 (20–64 år) saknas";
}

function kommunGaps(rows: readonly PartRow[], kommunCodes: readonly string[]): PartRow[] {
  const kommunRows = rows.filter((r) => r.level === "kommun");
  if (kommunRows.length === 0) return [];
  const years = kommunRows.map((r) => r.year);
  const sexes = [...new Set(kommunRows.map((r) => r.sex))];
  const have = new Set(kommunRows.map((r) => `${r.code}|${r.year}|${r.sex}`));
  const gaps: PartRow[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++)
    for (const code of kommunCodes)
      for (const sex of sexes) if (!have.has(`${code}|${year}|${sex}`)) gaps.push({ level: "kommun", code, year, sex, v16: null, v20: null });
  return gaps;
}

// Plain code-unit order, as arquero's orderby("level", "code", "year", "sex") sorted before.
const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
const byAreaYearSex = (p: PartRow, q: PartRow) => cmp(p.level, q.level) || cmp(p.code, q.code) || cmp(p.year, q.year) || cmp(p.sex, q.sex);
