/**
 * population16to64 as it was before its arquero join was replaced with plain
 * loops (issue 12, scale). Kept only as a reference for
 * test/pipeline/population-equivalence.test.ts.
 */
import { from } from "arquero";
import type { AreaLevel, IndicatorValue, Sex } from "../../../src/pipeline/schema";
import type { DerivedValue } from "../../../src/pipeline/derive/population";

type PartRow = { level: AreaLevel; code: string; year: number; sex: Sex; v16: number | null | undefined; v20: number | null | undefined };

/**
 * With `kommunCodes`, every kommun gets a row for every year and sex of the
 * kommun span, so a kommun-year that neither part covers (a kommun formed
 * later) is an explicit not_available row, not an absent one.
 */
export function population16to64Arquero(age16to19: readonly IndicatorValue[], age20to64: readonly IndicatorValue[], kommunCodes: readonly string[] = []): DerivedValue[] {
  const key: [string[], string[]] = [["level", "code", "year", "sex"], ["level", "code", "year", "sex"]];
  const a = from(age16to19.map((v) => ({ level: v.level, code: v.code, year: v.year, sex: v.sex, v16: v.value })));
  const b = from(age20to64.map((v) => ({ level: v.level, code: v.code, year: v.year, sex: v.sex, v20: v.value })));
  const joined = a.join_full(b, key).objects() as PartRow[];
  const rows = [...joined, ...kommunGaps(joined, kommunCodes)].sort(byAreaYearSex);
  return rows.map((r) => {
    const value = Number.isFinite(r.v16) && Number.isFinite(r.v20) ? r.v16! + r.v20! : null;
    return { level: r.level, code: r.code, year: r.year, sex: r.sex, value, status: value === null ? "not_available" : "derived", note: value === null ? missingNote(r) : "" };
  });
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
