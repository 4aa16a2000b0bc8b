/**
 * The arquero implementation of aggregateToAreas as it was before the data
 * step was rewritten with plain loops for speed (issue 12, scale). Kept only
 * as a reference: test/pipeline/aggregate-equivalence.test.ts checks that the
 * new implementation returns exactly what this one returns.
 */
import { from, op } from "arquero";
import type { Aggregation } from "../../../src/pipeline/indicators";
import type { Sex } from "../../../src/pipeline/schema";
import type { AreaAggregate, AreaMember, KommunValue } from "../../../src/pipeline/derive/aggregate";

export function aggregateToAreasArquero(
  values: readonly KommunValue[],
  members: readonly AreaMember[],
  aggregation: Aggregation,
  weights: readonly KommunValue[] = [],
  sexes: readonly Sex[] = ["T", "K", "M"],
): AreaAggregate[] {
  if (members.length === 0) return [];
  if (aggregation !== "sum" && weights.length === 0) throw new Error(`aggregation ${aggregation} needs weights`);
  const memberTable = from(members as AreaMember[]);
  const sexTable = from(sexes.map((sex) => ({ sex })));
  // Every (area, year, member, sex) we need, whether or not a value exists.
  const expected = memberTable.cross(sexTable);
  const valueTable = from(values.filter((v) => v.value !== null).map((v) => ({ code: v.code, year: v.year, sex: v.sex, value: v.value })));
  const weightTable = from(weights.filter((w) => w.value !== null).map((w) => ({ code: w.code, year: w.year, sex: w.sex, weight: w.value })));

  // arquero reads a flat array of names as [left key, right key]; give both sides explicitly.
  const key: [string[], string[]] = [["code", "year", "sex"], ["code", "year", "sex"]];
  let joined = expected.join_left(valueTable.size ? valueTable : from([{ code: "", year: 0, sex: "", value: null }]), key);
  if (aggregation === "sum") {
    joined = joined.derive({ weight: () => 1 });
  } else {
    joined = joined.join_left(weightTable.size ? weightTable : from([{ code: "", year: 0, sex: "", weight: null }]), key);
  }
  const complete = joined
    .derive({
      ok: (d: Record<string, unknown>) => op.is_finite(d.value) && op.is_finite(d.weight),
      vw: (d: { value: number; weight: number }) => d.value * d.weight,
      missing: (d: Record<string, unknown>) => (op.is_finite(d.value) && op.is_finite(d.weight) ? null : d.code),
    })
    .orderby("area", "year", "sex", "code")
    .groupby("area", "year", "sex")
    .rollup({
      members: op.count(),
      members_with_value: (d: Record<string, unknown>) => op.sum(d.ok ? 1 : 0),
      sum_value: (d: Record<string, number>) => op.sum(d.ok ? d.value : 0),
      sum_vw: (d: Record<string, number>) => op.sum(d.ok ? d.vw : 0),
      sum_w: (d: Record<string, number>) => op.sum(d.ok ? d.weight : 0),
      missing_codes: (d: Record<string, string>) => op.array_agg(d.missing),
    })
    .orderby("area", "year", "sex");

  return (complete.objects() as Array<Record<string, unknown>>).map((r) => {
    const full = r.members === r.members_with_value;
    const missing = (r.missing_codes as Array<string | null>).filter((c): c is string => c !== null).sort();
    const value = !full ? null : aggregation === "sum" ? (r.sum_value as number) : (r.sum_vw as number) / (r.sum_w as number);
    return {
      area: r.area as string,
      year: r.year as number,
      sex: r.sex as Sex,
      value,
      status: full ? "aggregated" : "incomplete",
      members: r.members as number,
      members_with_value: r.members_with_value as number,
      weight_total: full && aggregation !== "sum" ? (r.sum_w as number) : null,
      missing_codes: missing.join(";"),
    };
  });
}
