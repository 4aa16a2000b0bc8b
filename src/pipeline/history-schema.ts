/**
 * The snapshot of the tables about the trials before Finsam (FINSAM 1993–1997,
 * SOCSAM 1994–2003): data/snapshot/socsam/history/<id>.csv. Every cell stays
 * text as extracted (numbers with a decimal point), so a row can be compared
 * with its seed line by eye; the importer and the loader check the same schema.
 */
import { z } from "zod";

/** A date written only as precisely as the source states it. */
export const DATE_PRECISIONS = ["year", "season", "month", "day"] as const;
export const datePrecisionEnum = z.enum(DATE_PRECISIONS);
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

const DATE_FORMAT: Record<DatePrecision, RegExp> = {
  year: /^\d{4}$/,
  // A season ("hösten 1999") is stored as the year and month the extract gives, never as a day.
  season: /^\d{4}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
};

/** True when `date` is written at exactly `precision` (no sharper, no looser). */
export function dateHasPrecision(date: string, precision: DatePrecision): boolean {
  return DATE_FORMAT[precision].test(date);
}

/** The seeds these tables come from (the three-digit prefix of the seed file). */
export const SEEDS = ["000", "001", "002", "004"] as const;

/** Units of stated figures: a closed list, as the sources word them. */
export const HISTORY_UNITS = [
  "procent",
  "procent av ramen",
  "procent av befolkningen i arbetsför ålder",
  "MSEK",
  "MSEK per år",
  "personer",
  "områden",
  "geografiska områden",
  "parter",
  "år",
  "gånger fler",
] as const;

const text = z.string();
const decimal = z.string().regex(/^(-?\d+(\.\d+)?)?$/, "must be a number with a decimal point, or empty");
const lines = z.string().regex(/^\d+(;\d+)*$/, "must be line numbers separated by ;");
const seeds = z.string().refine((s) => s.split(";").every((x) => (SEEDS as readonly string[]).includes(x)), `seed must be one of ${SEEDS.join(", ")} (several separated by ;)`);
const unit = z.union([z.literal(""), z.enum(HISTORY_UNITS)]);
const yesNo = z.enum(["ja", "nej", "nej/tveksamt"]);
const optionalDay = z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, "must be YYYY-MM-DD or empty");
const yearOrDay = z.string().regex(/^(\d{4}|\d{4}-\d{2}-\d{2})$/, "must be YYYY (only the year is stated) or YYYY-MM-DD");

const withValue = <T extends z.ZodRawShape>(shape: T) =>
  z.object(shape).superRefine((row, ctx) => {
    const r = row as Record<string, string>;
    if (r.value_high && !r.value) ctx.addIssue({ code: "custom", path: ["value_high"], message: "a range needs its low end in value" });
    if (r.value_high && Number(r.value_high) < Number(r.value)) ctx.addIssue({ code: "custom", path: ["value_high"], message: "the high end is below the low end" });
  });

export const HISTORY_SCHEMAS = {
  tidslinje: z
    .object({
      date: text,
      precision: datePrecisionEnum,
      precision_printed: text,
      scheme: text.min(1),
      area: text.min(1),
      event: text.min(1),
      seed: seeds,
      source_line: lines,
    })
    .superRefine((r, ctx) => {
      if (!dateHasPrecision(r.date, r.precision)) ctx.addIssue({ code: "custom", path: ["date"], message: `date is not written at its stated precision (${r.precision})` });
    }),
  "socsam-omraden": z
    .object({
      area: text.min(1),
      area_type: text,
      project_name: text,
      leadership_form: text,
      kommunkod: z.string().regex(/^\d{4}$/, "kommunkod must be 4 digits"),
      start_printed: text.min(1),
      start: text,
      start_precision: datePrecisionEnum,
      end_printed: text,
      end: optionalDay,
      result_1998_tkr: decimal,
      ram_1998_tkr: decimal,
      result_1997_printed: text,
      later_foerbund_printed: text,
      source_lines: text.min(1),
    })
    .superRefine((r, ctx) => {
      if (!dateHasPrecision(r.start, r.start_precision)) ctx.addIssue({ code: "custom", path: ["start"], message: `start is not written at its stated precision (${r.start_precision})` });
    }),
  "finsam-omraden": z.object({
    lan_printed: text.min(1),
    kommun_printed: text.min(1),
    kommunkod: z.string().regex(/^\d{4}$/, "kommunkod must be 4 digits"),
    note: text,
    seed: seeds,
    source_line: lines,
  }),
  "socsam-resultat-text": withValue({
    area: text.min(1),
    period_printed: text.min(1),
    period_start: yearOrDay,
    period_end: yearOrDay,
    value: decimal,
    value_high: decimal,
    unit,
    result_type: text.min(1),
    qualifier: text,
    quote: text.min(1),
    seed: seeds,
    source_line: lines,
  }),
  "socsam-enkater": withValue({
    survey: text.min(1),
    respondent_group: text.min(1),
    area: text.min(1),
    indicator: text.min(1),
    value: decimal,
    value_high: decimal,
    unit,
    qualifier: text,
    quote: text.min(1),
    seed: seeds,
    source_line: lines,
  }),
  "gotland-intervjuer": z.object({
    category: z.enum(["population", "sample", "interviewed", "interviewed_by_function", "named_in_annex"]),
    description: text.min(1),
    value: decimal.refine((v) => v !== "", "a count is required"),
    qualifier: text,
    seed: seeds,
    source_line: lines,
  }),
  "gotland-aktiviteter": z.object({
    activity_type: text.min(1),
    value: decimal.refine((v) => v !== "", "a count is required"),
    is_total: z.enum(["0", "1"]),
    seed: seeds,
    source_line: lines,
  }),
  samordningsformer: z.object({
    form: text.min(1),
    full_name: text.min(1),
    legal_basis: text,
    status: text.min(1),
    period_printed: text,
    coordinates: text.min(1),
    resources: yesNo,
    resources_printed: text.min(1),
    financial: yesNo,
    financial_printed: text.min(1),
    political: yesNo,
    political_printed: text.min(1),
    legal_person: yesNo,
    legal_person_printed: text.min(1),
    target_group: text,
    seed: seeds,
    source_lines: text.min(1),
  }),
  "samordning-nationellt": withValue({
    scheme: text.min(1),
    indicator: text.min(1),
    period_printed: text.min(1),
    value: decimal,
    value_high: decimal,
    unit,
    qualifier: text,
    quote: text.min(1),
    cited_source: text,
    seed: seeds,
    source_line: lines,
  }),
} as const;

export type HistoryTableId = keyof typeof HISTORY_SCHEMAS;
export const HISTORY_TABLE_IDS = Object.keys(HISTORY_SCHEMAS) as HistoryTableId[];
export type HistoryRow<K extends HistoryTableId> = z.output<(typeof HISTORY_SCHEMAS)[K]>;
export type HistoryTables = { [K in HistoryTableId]: HistoryRow<K>[] };

/** Snapshot columns of each table, in file order (the keys of its schema). */
export function historyColumns(id: HistoryTableId): string[] {
  return Object.keys(HISTORY_SCHEMAS[id].shape);
}
