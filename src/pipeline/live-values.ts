/**
 * The archive's checks, for the values fetched from Kolada API v3. The
 * kolada-live importer runs them before it writes, and load.ts runs them
 * again on the snapshot it reads, as it does for the archive (kolada.ts,
 * coverage.ts, load.ts checkValues):
 *  - bounds: each value within its indicator's bounds (indicators.ts);
 *  - both sexes within women and men: a T value outside its K and M values is
 *    a source_defect with the reason, never a published value;
 *  - completeness: for every year and sex the answer has for a KPI, every
 *    kommun has a row (a value, or Kolada's explicit "no value" with its
 *    status) unless coverage.ts lists the gap. A kommun with no row at all
 *    means a page was lost or cut.
 * The län/riket check against the kommuner runs on the merged values in the
 * build (derive/check-totals.ts) and, for the new years, in the importer.
 */
import { KNOWN_GAPS } from "./coverage";
import { DataInputError } from "./errors";
import { totalOutsidePartsReason, type IndicatorInfo } from "./indicators";
import type { AreaLevel, Sex } from "./schema";

export interface LiveRowLike {
  level: AreaLevel;
  code: string;
  year: number;
  sex: Sex;
  value: number | null;
  status: string;
}

/**
 * The first kommun × year × sex for which the live rows of `kpi` have no row,
 * although other kommuner have one that year and sex; null when complete.
 */
export function firstMissingLiveKommunRow(
  kpi: string,
  rows: readonly LiveRowLike[],
  kommunCodes: readonly string[],
  gaps: ReadonlyMap<string, string> = KNOWN_GAPS,
): { code: string; year: number; sex: Sex } | null {
  const have = new Set<string>();
  const yearSexes = new Map<string, { year: number; sex: Sex }>();
  for (const r of rows) {
    if (r.level !== "kommun") continue;
    have.add(`${r.code}|${r.year}|${r.sex}`);
    yearSexes.set(`${r.year}|${r.sex}`, { year: r.year, sex: r.sex });
  }
  const order = [...yearSexes.values()].sort((a, b) => a.year - b.year || a.sex.localeCompare(b.sex));
  for (const { year, sex } of order)
    for (const code of kommunCodes)
      if (!have.has(`${code}|${year}|${sex}`) && !gaps.has(`${kpi}|${code}|${year}|${sex}`)) return { code, year, sex };
  return null;
}

/** Plain words for a missing kommun row, shared by the importer and load.ts. */
export function missingLiveRowProblem(kpi: string, m: { code: string; year: number; sex: Sex }): string {
  return (
    `no row for kommun ${m.code}, ${m.year}, sex ${m.sex}, although Kolada API v3 gave ${kpi} ${m.year} (sex ${m.sex}) for other kommuner: ` +
    `a page lost or cut? Kolada marks a value it does not publish with a row without a number; a kommun with no row at all is not expected. ` +
    `(A known gap belongs in src/pipeline/coverage.ts.)`
  );
}

/**
 * The rows whose both-sexes value lies outside the women's and men's values
 * (indicators.ts totalOutsidePartsReason), with the reason in Swedish.
 */
export function liveTotalsOutsideParts<R extends LiveRowLike>(info: Pick<IndicatorInfo, "kind">, rows: readonly R[]): Array<{ row: R; k: number; m: number; reason: string }> {
  const byKey = new Map(rows.map((r) => [`${r.level}|${r.code}|${r.year}|${r.sex}`, r]));
  const out: Array<{ row: R; k: number; m: number; reason: string }> = [];
  for (const r of rows) {
    if (r.sex !== "T" || r.value === null) continue;
    const k = byKey.get(`${r.level}|${r.code}|${r.year}|K`)?.value ?? null;
    const m = byKey.get(`${r.level}|${r.code}|${r.year}|M`)?.value ?? null;
    if (k === null || m === null) continue;
    const reason = totalOutsidePartsReason(info as IndicatorInfo, r.value, k, m);
    if (reason) out.push({ row: r, k, m, reason });
  }
  return out;
}

/**
 * load.ts: the live rows of one KPI as read from data/snapshot/kolada-live/
 * (not_published rows included): a both-sexes value outside its parts must
 * already be a source_defect, and every kommun must have a row.
 */
export function checkLoadedLiveRows(
  kpi: string,
  info: Pick<IndicatorInfo, "kind"> | undefined,
  rows: ReadonlyArray<LiveRowLike & { row: number }>,
  file: string,
  kommunCodes: readonly string[],
): void {
  if (info) {
    const [bad] = liveTotalsOutsideParts(info, rows);
    if (bad)
      throw new DataInputError(
        { file, row: bad.row.row, column: "status", value: bad.row.status },
        `the value for both sexes (${bad.row.value}) lies outside the values for women and men (${bad.k}, ${bad.m}) for ${kpi} ${bad.row.level} ${bad.row.code} ${bad.row.year}: it must be a source_defect; re-import kolada-live`,
      );
  }
  const missing = firstMissingLiveKommunRow(kpi, rows, kommunCodes);
  if (missing) throw new DataInputError({ file, column: "code", value: `${missing.code} ${missing.year} ${missing.sex}` }, missingLiveRowProblem(kpi, missing));
}

/**
 * The snapshot file a published län/riket value came from, for the build's
 * error message: kolada-live/ when load.ts merged it from API v3 (its note
 * names that folder, as mergeLiveValues writes it), else the archive.
 */
export function valueFileOf(values: readonly { level: string; code: string; year: number; sex: string; note: string }[], c: { kpi: string; level: string; code: string; year: number; sex: string }): string {
  const live = values.some((v) => v.level === c.level && v.code === c.code && v.year === c.year && v.sex === c.sex && v.note.includes("(kolada-live/values/"));
  return `data/snapshot/${live ? "kolada-live" : "kolada"}/values/${c.kpi.toLowerCase()}.csv`;
}
