/**
 * National coverage over time, as data for the start page's chart: how many
 * förbund and member kommuner there were, as the published national counts
 * say and as the registry can prove (certain) or allow (possible). Drawn by
 * charts/coverage.ts.
 */
import { addDays } from "../../pipeline/registry/dates";
import { coverageYears, publishedComparisons } from "../data";
import { csvNumber, csvText } from "../csv";
import { formatNumber } from "../format";
import { dayInWords } from "./dates";
import { sourcesById } from "./model";
import { dayToYear } from "./timeline";

export type CoverageMetric = "foerbund_count" | "member_kommuner";

export const METRIC_WORDS: Record<CoverageMetric, { title: string; unit: string; slug: string }> = {
  foerbund_count: { title: "Antal samordningsförbund", unit: "förbund", slug: "tackning-forbund" },
  member_kommuner: { title: "Antal kommuner i samordningsförbund", unit: "kommuner", slug: "tackning-kommuner" },
};

export interface CoverageChartRow {
  date: string;
  /** Position on the year axis (31 December of a year = that year). */
  x: number;
  certain: number | null;
  /** The registry's recorded upper bound (förbund and kommuner it knows of). */
  recorded: number | null;
  /** Kommuner the registry knows nothing about on that day (members or not: unknown). */
  unrecorded: number | null;
  published: number | null;
  qualifier: string;
  source: string;
}

/** A date's place on the axis where 31 December of year Y is Y. */
export function dateToAxis(iso: string): number {
  return dayToYear(addDays(iso, 1)) - 1;
}

export function coverageChartRows(metric: CoverageMetric): CoverageChartRow[] {
  const rows = new Map<string, CoverageChartRow>();
  const row = (date: string) => {
    let r = rows.get(date);
    if (!r) rows.set(date, (r = { date, x: dateToAxis(date), certain: null, recorded: null, unrecorded: null, published: null, qualifier: "", source: "" }));
    return r;
  };
  for (const c of coverageYears()) {
    const r = row(c.reference_date);
    if (metric === "foerbund_count") {
      r.certain = c.foerbund_count_certain;
      r.recorded = c.foerbund_count_possible;
    } else {
      r.certain = c.member_kommuner_certain;
      r.recorded = c.member_kommuner_possible - c.member_kommuner_unrecorded;
      r.unrecorded = c.member_kommuner_unrecorded;
    }
  }
  for (const c of publishedComparisons().filter((x) => x.metric === metric && x.scope === "riket" && x.compared_on !== "")) {
    const r = row(c.compared_on);
    // Two sources for the same day (Tabell 1 and Försäkringskassan 2012) agree; keep the first.
    if (r.published !== null) continue;
    r.published = c.published;
    r.qualifier = c.qualifier;
    r.source = sourcesById([c.source_id])[0]?.citation ?? c.source_id;
    if (r.certain === null) {
      r.certain = c.ours_certain;
      r.recorded = c.ours_recorded;
    }
  }
  return [...rows.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function coverageChartCsv(metric: CoverageMetric): string {
  return csvText(
    ["date", "registry_certain", "registry_recorded_possible", "kommuner_unrecorded", "published", "published_qualifier", "published_source"],
    coverageChartRows(metric).map((r) => [r.date, csvNumber(r.certain), csvNumber(r.recorded), csvNumber(r.unrecorded), csvNumber(r.published), r.qualifier, r.source]),
  );
}

export function coverageSummary(metric: CoverageMetric): string {
  const w = METRIC_WORDS[metric];
  const rows = coverageChartRows(metric);
  const pub = rows.filter((r) => r.published !== null);
  const firstPub = pub[0];
  const lastPub = pub[pub.length - 1];
  const april = rows.find((r) => r.date === "2015-04-30");
  const parts: string[] = [];
  if (firstPub && lastPub)
    parts.push(`Enligt publicerade nationella uppgifter fanns ${formatNumber(firstPub.published)} ${w.unit} den ${dayInWords(firstPub.date)} och ${lastPub.qualifier === "ca" ? "cirka " : lastPub.qualifier === "drygt" ? "drygt " : ""}${formatNumber(lastPub.published)} den ${dayInWords(lastPub.date)}.`);
  if (april) parts.push(`Registret är fullständigt bara i april 2015 (${formatNumber(april.certain)} ${w.unit}, samma som den publicerade förteckningen).`);
  parts.push(
    `Före april 2015 ligger det verkliga antalet någonstans i registrets band: nedre kanten är vad källorna bevisar, övre kanten vad de tillåter bland de ${w.unit} registret känner till${metric === "member_kommuner" ? "; kommuner som registret saknar uppgifter om kan också ha varit med" : ""}.`,
    `Efter april 2015 finns ingen fullständig förteckning, så registret kan inte säga hur många ${w.unit} det fanns; där gäller de publicerade antalen. Att registret belägger färre betyder inte att förbund eller medlemskap upphörde.`,
  );
  return parts.join(" ");
}
