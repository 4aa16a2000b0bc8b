import { optionalHttpUrl } from "../validate";
import { z } from "zod";
import { kommunkod, lanskod, nonEmpty } from "../validate";
import { DateGrammarError, parseDateBound, type DateBound } from "./dates";

export { parseDateBound } from "./dates";
export type { DateBound } from "./dates";

/** Column lists, in the order the registry files are written. */
export const SOURCE_COLUMNS = ["id", "citation", "url", "seed_file", "seed_line", "quote"] as const;
export const FOERBUND_COLUMNS = ["id", "kind", "lan_codes", "founded", "ended", "end_reason", "successor_ids", "source_ids", "note"] as const;
export const NAME_COLUMNS = ["foerbund_id", "name", "from", "to", "source_ids"] as const;
export const SPELL_COLUMNS = ["foerbund_id", "member_code", "stadsdel", "from", "to", "source_ids", "note"] as const;
export const COMPLETE_LIST_COLUMNS = ["id", "date", "scope", "source_id", "note"] as const;
export const NATIONAL_COUNT_COLUMNS = ["id", "reference_date", "scope", "metric", "value", "qualifier", "source_id", "quote"] as const;

// ---- field parsers ----

/** Stable lowercase slug, e.g. "goteborg-hisingen-delta". */
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id must be a lowercase slug (a-z, 0-9, single hyphens)");

/** A cell in the date grammar, parsed to its interval of possible days. */
export const dateBound = z.string().transform((s, ctx): DateBound => {
  try {
    return parseDateBound(s);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: e instanceof DateGrammarError ? e.message : String(e) });
    return z.NEVER;
  }
});

/** Empty = no end known (ongoing or unknown); otherwise the date grammar. */
export const optionalDateBound = z.string().transform((s, ctx): DateBound | null => {
  if (s.trim() === "") return null;
  const parsed = dateBound.safeParse(s);
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", message: parsed.error.issues[0]!.message });
    return z.NEVER;
  }
  return parsed.data;
});

/** Semicolon-separated list; each item validated by `item`. Empty cell = []. */
function list<T extends z.ZodType<string, string>>(item: T, what: string) {
  return z.string().transform((s, ctx): string[] => {
    const items = s.trim() === "" ? [] : s.split(";").map((x) => x.trim());
    for (const x of items) {
      const r = item.safeParse(x);
      if (!r.success) {
        ctx.addIssue({ code: "custom", message: `${what} "${x}": ${r.error.issues[0]!.message}` });
        return z.NEVER;
      }
    }
    if (new Set(items).size !== items.length) {
      ctx.addIssue({ code: "custom", message: `${what} list repeats an item` });
      return z.NEVER;
    }
    return items;
  });
}

/** Every fact needs at least one source. */
const sourceIds = list(slug, "source id").refine((ids) => ids.length > 0, "at least one source id is required");

// ---- entity schemas (one CSV row each) ----

export const sourceSchema = z
  .object({
    id: slug,
    citation: nonEmpty,
    url: optionalHttpUrl,
    seed_file: z.string().trim(),
    seed_line: z.union([z.literal("").transform(() => null), z.string().regex(/^[1-9]\d*$/, "seed_line must be a positive line number").transform(Number)]),
    quote: nonEmpty.max(300, "quote must be at most 300 characters"),
  })
  .superRefine((s, ctx) => {
    // A source must be findable: a web address or a seed file (with a line).
    if (s.url === "" && s.seed_file === "") ctx.addIssue({ code: "custom", path: ["url"], message: "a source needs a url or a seed_file" });
    if (s.seed_file !== "" && s.seed_line === null) ctx.addIssue({ code: "custom", path: ["seed_line"], message: "a seed_file needs a seed_line" });
  });

export const FOERBUND_KINDS = ["en_kommun", "flera_kommuner", "lansforbund", "stadsdelar"] as const;
export const END_REASONS = ["merged", "dissolved", ""] as const;
export const foerbundKindEnum = z.enum(FOERBUND_KINDS);
export const endReasonEnum = z.enum(END_REASONS);

export const foerbundSchema = z
  .object({
    id: slug,
    kind: foerbundKindEnum,
    lan_codes: list(lanskod, "länskod").refine((c) => c.length > 0, "at least one länskod is required"),
    founded: dateBound,
    ended: optionalDateBound,
    end_reason: endReasonEnum,
    successor_ids: list(slug, "successor id"),
    source_ids: sourceIds,
    note: z.string(),
  })
  .superRefine((f, ctx) => {
    // A reason or a successor only makes sense for a förbund that has an end.
    if (f.end_reason !== "" && f.ended === null) ctx.addIssue({ code: "custom", path: ["end_reason"], message: "end_reason given but ended is empty" });
    if (f.successor_ids.length > 0 && f.end_reason === "") ctx.addIssue({ code: "custom", path: ["successor_ids"], message: "successors given but end_reason is empty" });
    if (f.successor_ids.includes(f.id)) ctx.addIssue({ code: "custom", path: ["successor_ids"], message: "a förbund cannot succeed itself" });
  });

export const nameSchema = z.object({
  foerbund_id: slug,
  name: nonEmpty,
  from: dateBound,
  to: dateBound,
  source_ids: sourceIds,
});

export const spellSchema = z.object({
  foerbund_id: slug,
  member_code: kommunkod,
  /** Empty = the whole kommun; otherwise the stadsdel that is the member. */
  stadsdel: z.string().trim(),
  from: dateBound,
  to: dateBound,
  source_ids: sourceIds,
  note: z.string(),
});

/**
 * A date on which a source lists every förbund (and member) in its scope, so a
 * kommun in scope with no recorded spell was certainly outside every förbund.
 * Elsewhere a kommun without a recorded spell is unknown, not a non-member.
 */
export const completeListSchema = z.object({
  id: slug,
  date: dateBound,
  /** "riket" or semicolon-separated länskoder. */
  scope: z.union([z.literal("riket"), list(lanskod, "länskod").refine((c) => c.length > 0, 'scope must be "riket" or länskoder')]),
  source_id: slug,
  note: z.string(),
});

export const NATIONAL_METRICS = ["foerbund_count", "member_kommuner", "non_member_kommuner"] as const;
export const nationalMetricEnum = z.enum(NATIONAL_METRICS);
/** "ca" when the source gives an approximate figure ("cirka 70"), "drygt" for "a little over" ("drygt 80"). */
export const qualifierEnum = z.enum(["", "ca", "drygt"]);

export const nationalCountSchema = z.object({
  id: slug,
  /**
   * Day, month or year the published figure refers to. An undated page is
   * written as a bound (e.g. ">=2019-07"): kept and shown, but not compared.
   */
  reference_date: dateBound,
  /** "riket" for a national count, or the länskod of a county count. */
  scope: z.union([z.literal("riket"), lanskod]),
  metric: nationalMetricEnum,
  value: z.string().regex(/^\d+$/, "value must be a whole number").transform(Number),
  qualifier: qualifierEnum,
  source_id: slug,
  quote: nonEmpty.max(300, "quote must be at most 300 characters"),
});

// ---- codes of derived and published views ----

/** A spell's dating: exact = both ends from a source (day, month or year); bounded = an end is only a bound from a snapshot. */
export const datingEnum = z.enum(["exact", "bounded"]);
/** A member on one day: certain = the sources prove it; possible = only the date bounds allow it. */
export const memberStatusEnum = z.enum(["certain", "possible"]);
/** A förbund area's year: certain = every member proven; bounded = some member only possible. */
export const areaMembershipEnum = z.enum(["certain", "bounded"]);
/** A kommun on one day: member certainly or possibly, certainly not, or unknown (no spell, no complete list). */
export const kommunStatusEnum = z.enum(["certain", "possible", "not", "unknown"]);
/**
 * How a published national count stands to the registry's range that day,
 * tested in this order (see classifyComparison in derive.ts).
 */
export const comparisonCodeEnum = z.enum(["not_comparable", "below_certain", "above_possible", "above_recorded", "exact", "within_range"]);

// ---- inferred types (never hand-written) ----

type WithRow<T> = T & { row: number };
export type Source = WithRow<z.output<typeof sourceSchema>>;
export type Foerbund = WithRow<z.output<typeof foerbundSchema>>;
export type FoerbundName = WithRow<z.output<typeof nameSchema>>;
export type Spell = WithRow<z.output<typeof spellSchema>>;
export type CompleteList = WithRow<z.output<typeof completeListSchema>>;
export type NationalCount = WithRow<z.output<typeof nationalCountSchema>>;
export type NationalMetric = z.output<typeof nationalCountSchema>["metric"];
export type ComparisonCode = z.output<typeof comparisonCodeEnum>;
export type KommunStatus = z.output<typeof kommunStatusEnum>;
