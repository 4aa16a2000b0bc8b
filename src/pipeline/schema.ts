/**
 * One zod schema per dataset of the normalized snapshot (data/snapshot/).
 * Types are inferred from these; nothing else declares their shape.
 * Each schema takes a CSV row of strings and yields typed values.
 */
import { z } from "zod";
import { FIRST_YEAR, LAST_YEAR } from "./indicators";
import { kommunkod, lanskod, name, nonEmpty, optionalHttpUrl, optionalPointDecimal, pointDecimal, yearIn } from "./validate";

export const kommunSchema = z
  .object({ kommunkod, name, lanskod })
  .refine((k) => k.kommunkod.startsWith(k.lanskod), { message: "kommunkod must start with its länskod", path: ["lanskod"] });
export type Kommun = z.output<typeof kommunSchema>;

export const lanSchema = z.object({ lanskod, name });
export type Lan = z.output<typeof lanSchema>;

export const AREA_LEVELS = ["kommun", "lan", "riket"] as const;
export const areaLevelEnum = z.enum(AREA_LEVELS);
export type AreaLevel = (typeof AREA_LEVELS)[number];
/** Riket's code, as SCB writes it ("00"); län are 2 characters, kommuner 4. */
export const RIKET_CODE = "00";

export const SEXES = ["T", "K", "M"] as const;
export const sexEnum = z.enum(SEXES);
export type Sex = (typeof SEXES)[number];

/** How a value stands: as published, or published but rejected as a placeholder (kept visible, never used). */
export const VALUE_STATUSES = ["published", "source_defect"] as const;
/** As published: the snapshot's statuses plus not_published, the explicit row for a kommun gap. */
export const publishedValueStatusEnum = z.enum(["published", "not_published", "source_defect"]);
/** A value we derive (population 16–64): derived, or not_available because a part is missing. */
export const derivedStatusEnum = z.enum(["derived", "not_available"]);
/** An aggregate over kommuner; stadsdel_members = the area's members are stadsdelar, which have no values. */
export const areaStatusEnum = z.enum(["aggregated", "incomplete", "stadsdel_members"]);

export const indicatorValueSchema = z
  .object({
    kpi: z.string().regex(/^[NU]\d{5}$/, "KPI id must look like N00957"),
    level: areaLevelEnum,
    code: z.string(),
    year: yearIn(FIRST_YEAR, LAST_YEAR),
    sex: sexEnum,
    value: optionalPointDecimal,
    status: z.enum(VALUE_STATUSES),
    note: z.string(),
  })
  .superRefine((v, ctx) => {
    for (const issue of indicatorValueIssues(v)) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  });
export type IndicatorValue = z.output<typeof indicatorValueSchema>;

const KOMMUN_CODE = /^\d{4}$/;
const LAN_CODE = /^\d{2}$/;
const RIKET_CODE_PATTERN = new RegExp(`^${RIKET_CODE}$`);
const NO_ISSUES: ReadonlyArray<{ path: string; message: string }> = Object.freeze([]);

/**
 * The rules across an indicator value's cells (its superRefine): the code
 * fits the level, a published value is not empty, a source defect has no
 * value and a note. A function of its own so the loader's fast path
 * (load-values.ts) runs these very rules.
 */
export function indicatorValueIssues(v: Pick<IndicatorValue, "level" | "code" | "value" | "status" | "note">): ReadonlyArray<{ path: string; message: string }> {
  const codeOk = (v.level === "kommun" ? KOMMUN_CODE : v.level === "lan" ? LAN_CODE : RIKET_CODE_PATTERN).test(v.code);
  const valueOk = !(v.status === "published" && v.value === null);
  const noteOk = !(v.status === "source_defect" && (v.value !== null || v.note === ""));
  if (codeOk && valueOk && noteOk) return NO_ISSUES;
  const issues: Array<{ path: string; message: string }> = [];
  if (!codeOk) issues.push({ path: "code", message: `not a valid ${v.level} code` });
  if (!valueOk) issues.push({ path: "value", message: "a published value must not be empty" });
  if (!noteOk) issues.push({ path: "note", message: "a source defect has an empty value and a note saying why" });
  return issues;
}

export const indicatorMetaSchema = z.object({
  kpi: z.string().regex(/^[NU]\d{5}$/),
  title: nonEmpty,
  description: nonEmpty,
  publisher: nonEmpty,
  kolada_publication_date: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, "date must be YYYY-MM-DD"),
});
export type IndicatorMeta = z.output<typeof indicatorMetaSchema>;

/**
 * A figure from a printed table: the value as read, and the printed cell with
 * its line in the source document, so every number can be checked by hand.
 */
export const printedFigureSchema = z.object({
  table: nonEmpty,
  period: z
    .string()
    .regex(/^(\d{4}(-\d{2})?)?$/, "period must be YYYY, YYYY-MM or empty (table without a period)")
    .refine((p) => p === "" || (Number(p.slice(0, 4)) >= FIRST_YEAR && Number(p.slice(0, 4)) <= LAST_YEAR), `year out of range ${FIRST_YEAR}–${LAST_YEAR}`),
  measure: nonEmpty,
  breakdown: z.string(),
  value: optionalPointDecimal,
  unit: nonEmpty,
  value_printed: z.string(),
  source_line: z.string().regex(/^\d+$/, "source line must be a line number").transform(Number),
  note: z.string(),
});
export type PrintedFigure = z.output<typeof printedFigureSchema>;

/**
 * A per-förbund figure stated in the running text of a report (e.g. Bilaga 2
 * of the 2015 follow-up), with the sentence it comes from. A range ("450–900")
 * has no single value: only its low and high ends.
 */
export const foerbundFigureSchema = z
  .object({
    table: nonEmpty,
    foerbund_id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "förbund id must be a registry slug"),
    foerbund_printed: nonEmpty,
    activity: z.string(),
    period: z.string(),
    measure: nonEmpty,
    value: optionalPointDecimal,
    value_low: optionalPointDecimal,
    value_high: optionalPointDecimal,
    unit: nonEmpty,
    note: z.string(),
    source_line: z.string().regex(/^\d+$/, "source line must be a line number").transform(Number),
    quote: nonEmpty,
  })
  .superRefine((f, ctx) => {
    const isRange = f.value_low !== null || f.value_high !== null;
    if (isRange && (f.value !== null || f.value_low === null || f.value_high === null || f.value_low > f.value_high))
      ctx.addIssue({ code: "custom", path: ["value_low"], message: "a range needs value_low ≤ value_high and no single value" });
    if (!isRange && f.value === null) ctx.addIssue({ code: "custom", path: ["value"], message: "a figure needs a value or a range" });
  });
export type FoerbundFigure = z.output<typeof foerbundFigureSchema>;

/** Units of the per-förbund tables; "unknown" where the table prints no unit and none can be read from it. */
export const FOERBUND_TABLE_UNITS = ["persons", "count", "percent", "SEK", "TSEK", "unknown"] as const;
export const foerbundTableUnitEnum = z.enum(FOERBUND_TABLE_UNITS);

/**
 * A cell of a table about one förbund (Bilaga 2 of the 2015 follow-up): a
 * printed figure as above, plus the förbund, the activity or project it is
 * about, and the row label as printed. The period may be a span
 * ("2010..2013", "2014-01..2014-10": a project period, or a part of a year).
 */
export const foerbundTableFigureSchema = printedFigureSchema.extend({
  foerbund_id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "förbund id must be a registry slug"),
  activity: z.string(),
  period: z
    .string()
    .regex(/^\d{4}(-\d{2})?(\.\.\d{4}(-\d{2})?)?$/, "period must be YYYY, YYYY-MM or a span FROM..TO of those")
    .refine((p) => p.split("..").every((end) => Number(end.slice(0, 4)) >= FIRST_YEAR && Number(end.slice(0, 4)) <= LAST_YEAR), `year out of range ${FIRST_YEAR}–${LAST_YEAR}`)
    .refine((p) => { const [from, to] = p.split(".."); return to === undefined || from! <= to; }, "a span must not end before it starts"),
  measure_printed: z.string(),
  unit: foerbundTableUnitEnum,
});
export type FoerbundTableFigure = z.output<typeof foerbundTableFigureSchema>;

export const SNAPSHOT_COLUMNS = {
  kommun: ["kommunkod", "name", "lanskod"],
  lan: ["lanskod", "name"],
  indicatorValue: ["kpi", "level", "code", "year", "sex", "value", "status", "note"],
  indicatorMeta: ["kpi", "title", "description", "publisher", "kolada_publication_date"],
  printedFigure: ["table", "period", "measure", "breakdown", "value", "unit", "value_printed", "source_line", "note"],
  foerbundTableFigure: ["table", "foerbund_id", "activity", "period", "measure", "measure_printed", "breakdown", "value", "unit", "value_printed", "source_line", "note"],
  foerbundFigure: ["table", "foerbund_id", "foerbund_printed", "activity", "period", "measure", "value", "value_low", "value_high", "unit", "note", "source_line", "quote"],
} as const;

/** Where each source's provenance is recorded: data/snapshot/<source>/provenance.json. */
export const provenanceSchema = z.object({
  source: nonEmpty,
  title: nonEmpty,
  publisher: nonEmpty,
  original_publishers: z.array(nonEmpty).min(1),
  licence: nonEmpty,
  period: nonEmpty,
  retrieval: z.object({
    method: nonEmpty,
    archive: nonEmpty,
    archived_on: z.string(),
    url: optionalHttpUrl,
  }),
  files: z.array(
    z.object({
      path: nonEmpty,
      title: nonEmpty,
      from: z.array(z.object({ file: nonEmpty, sha256: z.string().regex(/^[0-9a-f]{64}$/) })).min(1),
      source_ref: z.string(),
      rows: z.number().int().nonnegative().optional(),
      /** The snapshot file's own checksum, added by the importer (import/seal.ts) and required by the loader on every load. */
      sha256: z.string().regex(/^[0-9a-f]{64}$/, "sha256 must be 64 hexadecimal characters").optional(),
    }),
  ),
  notes: z.array(z.string()),
});
export type Provenance = z.output<typeof provenanceSchema>;

export { pointDecimal };
