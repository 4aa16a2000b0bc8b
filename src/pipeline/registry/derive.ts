import { parseAnchor, statusOn, type Status } from "./dates";
import type { Registry } from "./load";
import type { Foerbund, NationalCount, NationalMetric, Spell } from "./schema";

/**
 * Yearly and point-in-time views of the registry. Every count comes as a pair:
 * `certain` (the sources prove it) and `possible` (an upper bound: certain plus
 * everything the date bounds do not rule out). Nothing in between is guessed.
 */

export interface SpellStatus {
  spell: Spell;
  status: Status;
}

export interface FoerbundStatus {
  foerbund: Foerbund;
  status: Status;
}

/** For each spell: certainly, possibly or not a membership on `date` (ISO day). */
export function membershipOn(registry: Pick<Registry, "spells">, date: string): SpellStatus[] {
  assertIsoDay(date);
  return registry.spells.map((spell) => ({ spell, status: statusOn(spell.from, spell.to, date) }));
}

/** For each förbund: certainly, possibly or not existing on `date`, from its founded/ended bounds. */
export function foerbundOn(registry: Pick<Registry, "foerbund">, date: string): FoerbundStatus[] {
  assertIsoDay(date);
  return registry.foerbund.map((foerbund) => ({ foerbund, status: statusOn(foerbund.founded, foerbund.ended, date) }));
}

export interface Snapshot {
  date: string;
  foerbund_certain: string[];
  /** Upper bound: includes the certain ones. */
  foerbund_possible: string[];
  member_kommuner_certain: string[];
  /** Upper bound: includes the certain ones. */
  member_kommuner_possible: string[];
  /** Kommuner certainly without any förbund: not even possibly a member. */
  kommuner_without_certain: string[];
}

/** Förbund and member kommuner on one day (a kommun counts once however many stadsdel förbund it has). */
export function snapshot(registry: Registry, date: string): Snapshot {
  const f = foerbundOn(registry, date);
  const m = membershipOn(registry, date);
  const membersCertain = new Set(m.filter((x) => x.status === "certain").map((x) => x.spell.member_code));
  const membersPossible = new Set(m.filter((x) => x.status !== "no").map((x) => x.spell.member_code));
  return {
    date,
    foerbund_certain: f.filter((x) => x.status === "certain").map((x) => x.foerbund.id).sort(),
    foerbund_possible: f.filter((x) => x.status !== "no").map((x) => x.foerbund.id).sort(),
    member_kommuner_certain: [...membersCertain].sort(),
    member_kommuner_possible: [...membersPossible].sort(),
    kommuner_without_certain: [...registry.kommunCodes].filter((k) => !membersPossible.has(k)).sort(),
  };
}

export interface CoverageRow {
  year: number;
  reference_date: string;
  foerbund_count_certain: number;
  foerbund_count_possible: number;
  member_kommuner_certain: number;
  member_kommuner_possible: number;
  /** Kommuner that are certainly outside every förbund (= number of kommuner − possible members). */
  kommuner_without_certain: number;
  /** Share of the population 16–64 living in certain/possible member kommuner; null if any population is missing. */
  share_pop_16_64_certain: number | null;
  share_pop_16_64_possible: number | null;
  /** Spells whose two ends decide that they cover the reference date (status certain). */
  spells_exact: number;
  /** Spells whose bounds allow but do not prove that they cover the reference date (status possible). */
  spells_bounded: number;
}

/** Population 16–64 keyed "kommunkod|year". */
export type PopulationByKommunYear = ReadonlyMap<string, number>;

/**
 * Coverage on any day. Population shares use `populationYear` (default: the
 * date's year); a share is null when any kommun lacks a value for that year,
 * because a partial denominator would overstate or understate coverage.
 */
export function coverageOn(registry: Registry, date: string, population?: PopulationByKommunYear, populationYear?: number): CoverageRow {
  const snap = snapshot(registry, date);
  const statuses = membershipOn(registry, date);
  const year = Number(date.slice(0, 4));
  const popYear = populationYear ?? year;
  return {
    year,
    reference_date: date,
    foerbund_count_certain: snap.foerbund_certain.length,
    foerbund_count_possible: snap.foerbund_possible.length,
    member_kommuner_certain: snap.member_kommuner_certain.length,
    member_kommuner_possible: snap.member_kommuner_possible.length,
    kommuner_without_certain: snap.kommuner_without_certain.length,
    share_pop_16_64_certain: population ? populationShare(registry.kommunCodes, snap.member_kommuner_certain, population, popYear) : null,
    share_pop_16_64_possible: population ? populationShare(registry.kommunCodes, snap.member_kommuner_possible, population, popYear) : null,
    spells_exact: statuses.filter((s) => s.status === "certain").length,
    spells_bounded: statuses.filter((s) => s.status === "possible").length,
  };
}

/** One row per year, measured on 31 December (the reference date of the published year-end counts). */
export function coverageByYear(registry: Registry, population16to64: PopulationByKommunYear, fromYear: number, toYear: number): CoverageRow[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) throw new RangeError(`bad year range ${fromYear}–${toYear}`);
  const rows: CoverageRow[] = [];
  for (let y = fromYear; y <= toYear; y++) rows.push(coverageOn(registry, `${y}-12-31`, population16to64, y));
  return rows;
}

function populationShare(all: ReadonlySet<string>, members: readonly string[], population: PopulationByKommunYear, year: number): number | null {
  let total = 0;
  for (const k of all) {
    const v = population.get(`${k}|${year}`);
    if (v === undefined || !Number.isFinite(v)) return null;
    total += v;
  }
  if (total <= 0) return null;
  let covered = 0;
  for (const k of members) covered += population.get(`${k}|${year}`)!;
  return covered / total;
}

// ---- comparison with published national counts ----

export interface PublishedComparison {
  id: string;
  year: number;
  /** The date as published (day, month or year). */
  reference_date: string;
  /** The day our registry was measured on: the last day of the published period. */
  compared_on: string;
  metric: NationalMetric;
  published: number;
  qualifier: string;
  source_id: string;
  ours_certain: number | null;
  ours_possible: number | null;
  difference: string;
}

/** The day a published figure is compared on: the last day of its stated period (a year → 31 December). */
export function comparisonDate(count: Pick<NationalCount, "reference_date">): string {
  return count.reference_date.latest!;
}

/** Coverage rows for exactly the days the published counts refer to. */
export function coverageForCounts(registry: Registry, counts: readonly NationalCount[], population?: PopulationByKommunYear): CoverageRow[] {
  const dates = [...new Set(counts.map(comparisonDate))].sort();
  return dates.map((d) => coverageOn(registry, d, population));
}

/**
 * Set each published count beside our certain/possible range for the same day.
 * A published figure inside [certain, possible] is consistent with the registry;
 * outside it, the note says which way the registry falls short.
 */
export function compareWithPublished(coverage: readonly CoverageRow[], counts: readonly NationalCount[]): PublishedComparison[] {
  const byDate = new Map(coverage.map((c) => [c.reference_date, c]));
  return counts.map((count) => {
    const on = comparisonDate(count);
    const row = byDate.get(on);
    const [certain, possible] = row
      ? count.metric === "foerbund_count"
        ? [row.foerbund_count_certain, row.foerbund_count_possible]
        : [row.member_kommuner_certain, row.member_kommuner_possible]
      : [null, null];
    return {
      id: count.id,
      year: Number(on.slice(0, 4)),
      reference_date: count.reference_date.raw,
      compared_on: on,
      metric: count.metric,
      published: count.value,
      qualifier: count.qualifier,
      source_id: count.source_id,
      ours_certain: certain,
      ours_possible: possible,
      difference: describeDifference(count.value, count.qualifier, certain, possible),
    };
  });
}

function describeDifference(published: number, qualifier: string, certain: number | null, possible: number | null): string {
  if (certain === null || possible === null) return "no registry coverage computed for this date";
  const approx = qualifier === "ca" ? "approximate published figure; " : "";
  if (published < certain) return `${approx}published is ${certain - published} below what the registry proves (${certain}): the source may count differently or the registry keeps förbund/members too long`;
  if (published > possible) return `${approx}published is ${published - possible} above the registry's upper bound (${possible}): förbund or members the source counted are missing from the registry`;
  if (certain === possible) return `${approx}matches the registry exactly`;
  return `${approx}within the registry's range ${certain}–${possible} (the registry cannot decide ${possible - certain})`;
}

function assertIsoDay(date: string): void {
  if (parseAnchor(date).precision !== "day") throw new RangeError(`expected an ISO day (YYYY-MM-DD), got "${date}"`);
}
