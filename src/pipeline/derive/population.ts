/**
 * Population 16–64 per area, year and sex = invånare 16–19 (N01954) + 20–64 (N01955).
 * It is the weight for förbund aggregates and the base of the coverage share.
 * Where either part is missing, the sum is missing: half a population is no population.
 */
import { from, op } from "arquero";
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

export function population16to64(age16to19: readonly IndicatorValue[], age20to64: readonly IndicatorValue[]): DerivedValue[] {
  const key: [string[], string[]] = [["level", "code", "year", "sex"], ["level", "code", "year", "sex"]];
  const a = from(age16to19.map((v) => ({ level: v.level, code: v.code, year: v.year, sex: v.sex, v16: v.value })));
  const b = from(age20to64.map((v) => ({ level: v.level, code: v.code, year: v.year, sex: v.sex, v20: v.value })));
  return (
    a
      .join_full(b, key)
      .derive({ value: (d: Record<string, number | null>) => (op.is_finite(d.v16) && op.is_finite(d.v20) ? d.v16! + d.v20! : null) })
      .orderby("level", "code", "year", "sex")
      .objects() as Array<{ level: AreaLevel; code: string; year: number; sex: Sex; v16: number | null; v20: number | null; value: number | null }>
  ).map((r) => ({
    level: r.level,
    code: r.code,
    year: r.year,
    sex: r.sex,
    value: r.value,
    status: r.value === null ? "not_available" : "derived",
    note: r.value !== null ? "" : r.v16 == null ? "N01954 (16–19 år) saknas" : "N01955 (20–64 år) saknas",
  }));
}
