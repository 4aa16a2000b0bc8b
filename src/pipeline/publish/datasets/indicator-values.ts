/**
 * One dataset per Kolada indicator (ohalsotal, sjukpenningtal, …), all with
 * the same row schema: the published values for riket, län and kommuner, with
 * an explicit not_published row for every kommun gap.
 */
import { z } from "zod";
import type { IndicatorInfo } from "../../indicators";
import type { Snapshot } from "../../load";
import { areaLevelEnum, publishedValueStatusEnum, sexEnum, type IndicatorValue, type Sex } from "../../schema";
import { areaCode, kpi, nonEmptyText, optionalNumber, text, year } from "../columns";
import { areaNameLookup, defineDataset, koladaSourcesOf, type Dataset } from "../dataset";
import { field } from "../fields";
import { DERIVED_LAN_KPIS, deriveLanValues, derivedLanNote, type DerivedLanValue } from "../../derive/lan-from-kommuner";
import { population16to64 } from "../../derive/population";
import { populationWeights } from "../../derive/weights";

/** As published, plus derived: a län value computed from the kommuner where the publisher gives none (derive/lan-from-kommuner.ts). */
export const indicatorRowStatusEnum = z.enum([...publishedValueStatusEnum.options, "derived"]);

export const indicatorValueRowSchema = z.object({
  kpi,
  level: areaLevelEnum,
  code: areaCode,
  name: nonEmptyText,
  year,
  sex: sexEnum,
  value: optionalNumber,
  status: indicatorRowStatusEnum,
  note: text,
});
export type IndicatorValueRow = z.infer<typeof indicatorValueRowSchema>;

export function indicatorValueDataset(snapshot: Snapshot, info: IndicatorInfo): Dataset {
  const meta = snapshot.indicatorMeta.get(info.kpi)!;
  const nameOf = areaNameLookup(snapshot);
  const kommunCodes = snapshot.kommuner.map((k) => k.kommunkod);
  const derived = derivedLan(snapshot, info, kommunCodes);
  const rows = completeKommunGrid([...snapshot.values.get(info.kpi)!, ...derived], kommunCodes);
  return defineDataset({
    name: info.slug,
    title: `${info.shortName} (${info.kpi})`,
    description: `${meta.title}. ${meta.description} Enhet: ${info.unit}.`,
    fields: [
      field("kpi"),
      field("level"),
      field("code"),
      field("name"),
      field("year"),
      field("sex"),
      field("value", {
        unit: info.unit,
        description: `${info.shortName}, ${info.unit}. Tomt när värde saknas; se status.`,
        minimum: info.bounds.min,
        ...(info.bounds.max === null ? {} : { maximum: info.bounds.max }),
      }),
      field("status", { enum: indicatorRowStatusEnum.options }),
      field("note"),
    ],
    primaryKey: ["level", "code", "year", "sex"],
    schema: indicatorValueRowSchema,
    // The snapshot's own value objects, not a copy of each with its name: at 100 KPIs the copies were most of the build's memory.
    rows,
    computed: { name: (v: PublishedValue) => nameOf(v.level, v.code) },
    sources: koladaSourcesOf(snapshot, [`values/${info.kpi.toLowerCase()}.csv`]),
    processing:
      "Värdena är oförändrade från Kolada. För kommuner finns en rad för varje kommun och år inom nyckeltalets period; där Kolada saknar värde är värdet tomt med status not_published. Riket har koden 00." +
      (derived.length ? ` Länsvärdena har status derived: ${derivedLanNote(info)} Ett län där någon kommun saknar värde ett år får inget värde det året. Riket är Kolada:s eget värde; datamängden kontroll-lan-riket jämför det med kommunerna.` : ""),
  });
}

/** Län values computed from the kommuner, for a KPI whose publisher gives none (empty for every other KPI). */
function derivedLan(snapshot: Snapshot, info: IndicatorInfo, kommunCodes: readonly string[]): DerivedLanValue[] {
  if (!(info.kpi in DERIVED_LAN_KPIS)) return [];
  const pop = population16to64(snapshot.values.get("N01954")!, snapshot.values.get("N01955")!, kommunCodes);
  return deriveLanValues(info, snapshot.values.get(info.kpi)!, snapshot.kommuner, populationWeights(pop, snapshot.values.get("N01951")!));
}

const LEVEL_ORDER = { riket: 0, lan: 1, kommun: 2 } as const;
const SEX_ORDER: Record<Sex, number> = { T: 0, K: 1, M: 2 };

type PublishedValue = Omit<IndicatorValue, "status"> & { status: z.infer<typeof indicatorRowStatusEnum> };

/**
 * One row per kommun, year and sex within the years the KPI is published for
 * kommuner, so that a gap is an explicit row (status not_published), not an
 * absent one a reader might take for zero.
 *
 * Runs for every KPI, so it avoids a string key per value: which kommun,
 * year and sex have a value is marked in an array with one slot per kommun
 * (its first index), year and sex. The gaps are made kommun by kommun, in
 * the order the rows are sorted in: the snapshot's values come sorted, so the
 * (stable) sort has little left to do, and as no two rows share level, code,
 * year and sex, the order in which they are made does not change the result.
 */
export function completeKommunGrid(values: ReadonlyArray<IndicatorValue | DerivedLanValue>, kommunCodes: readonly string[]): PublishedValue[] {
  const rows: PublishedValue[] = [...values];
  const kpi = values[0]!.kpi;
  const kommunValues = values.filter((v) => v.level === "kommun");
  const sexes = [...new Set(kommunValues.map((v) => v.sex))];
  let first = Infinity;
  let last = -Infinity;
  for (const v of kommunValues) {
    if (!Number.isInteger(v.year)) throw new Error(`${kpi}: year ${v.year} is not a whole number`);
    first = Math.min(first, v.year);
    last = Math.max(last, v.year);
  }
  const codeIndex = new Map<string, number>();
  kommunCodes.forEach((code, i) => codeIndex.has(code) || codeIndex.set(code, i));
  const slot = (codeAt: number, year: number, sex: Sex) => (codeAt * (last - first + 1) + (year - first)) * 3 + SEX_ORDER[sex];
  const have = new Uint8Array(kommunValues.length === 0 ? 0 : kommunCodes.length * (last - first + 1) * 3);
  for (const v of kommunValues) {
    const at = codeIndex.get(v.code);
    if (at !== undefined) have[slot(at, v.year, v.sex)] = 1;
  }
  for (const code of kommunCodes)
    for (let year = first; year <= last; year++)
      for (const sex of sexes)
        if (!have[slot(codeIndex.get(code)!, year, sex)]) rows.push({ kpi, level: "kommun", code, year, sex, value: null, status: "not_published", note: "" });
  return rows.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code) || a.year - b.year || SEX_ORDER[a.sex] - SEX_ORDER[b.sex]);
}
