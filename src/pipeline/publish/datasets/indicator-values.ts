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
import { areaNames, defineDataset, nameOf, koladaSourcesOf, type Dataset } from "../dataset";
import { field } from "../fields";

export const indicatorValueRowSchema = z.object({
  kpi,
  level: areaLevelEnum,
  code: areaCode,
  name: nonEmptyText,
  year,
  sex: sexEnum,
  value: optionalNumber,
  status: publishedValueStatusEnum,
  note: text,
});
export type IndicatorValueRow = z.infer<typeof indicatorValueRowSchema>;

export function indicatorValueDataset(snapshot: Snapshot, info: IndicatorInfo): Dataset {
  const meta = snapshot.indicatorMeta.get(info.kpi)!;
  const names = areaNames(snapshot);
  const rows = completeKommunGrid(snapshot.values.get(info.kpi)!, snapshot.kommuner.map((k) => k.kommunkod));
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
      field("value", { unit: info.unit, description: `${info.shortName}, ${info.unit}. Tomt när värde saknas; se status.` }),
      field("status", { enum: publishedValueStatusEnum.options }),
      field("note"),
    ],
    primaryKey: ["level", "code", "year", "sex"],
    schema: indicatorValueRowSchema,
    rows: rows.map((v) => ({ ...v, name: nameOf(names, `${v.level}:${v.code}`) })),
    sources: koladaSourcesOf(snapshot, [`values/${info.kpi.toLowerCase()}.csv`]),
    processing:
      "Värdena är oförändrade från Kolada. För kommuner finns en rad för varje kommun och år inom nyckeltalets period; där Kolada saknar värde är värdet tomt med status not_published. Riket har koden 00.",
  });
}

const LEVEL_ORDER = { riket: 0, lan: 1, kommun: 2 } as const;
const SEX_ORDER: Record<Sex, number> = { T: 0, K: 1, M: 2 };

type PublishedValue = Omit<IndicatorValue, "status"> & { status: z.infer<typeof publishedValueStatusEnum> };

/**
 * One row per kommun, year and sex within the years the KPI is published for
 * kommuner, so that a gap is an explicit row (status not_published), not an
 * absent one a reader might take for zero.
 */
export function completeKommunGrid(values: readonly IndicatorValue[], kommunCodes: readonly string[]): PublishedValue[] {
  const kommunValues = values.filter((v) => v.level === "kommun");
  const years = kommunValues.map((v) => v.year);
  const sexes = [...new Set(kommunValues.map((v) => v.sex))];
  const have = new Set(kommunValues.map((v) => `${v.code}|${v.year}|${v.sex}`));
  const kpi = values[0]!.kpi;
  const gaps: PublishedValue[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++)
    for (const code of kommunCodes)
      for (const sex of sexes)
        if (!have.has(`${code}|${year}|${sex}`)) gaps.push({ kpi, level: "kommun", code, year, sex, value: null, status: "not_published", note: "" });
  return [...values, ...gaps].sort(
    (a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code) || a.year - b.year || SEX_ORDER[a.sex] - SEX_ORDER[b.sex],
  );
}
