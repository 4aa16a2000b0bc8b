import { parseAnchor, statusOn, type Status } from "./dates";
import type { Registry } from "./load";
import type { ComparisonCode, Foerbund, KommunStatus, NationalCount, NationalMetric, Spell } from "./schema";

/**
 * Yearly and point-in-time views of the registry. Every count comes as a pair:
 * `certain` (the sources prove it) and `possible` (an upper bound: certain plus
 * everything the date bounds do not rule out). Nothing in between is guessed.
 * The registry records what sources state, so absence of a spell proves nothing
 * except where a complete list (complete_lists.csv) covers the date.
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

export interface RegistryOnDay {
  date: string;
  /** True when a complete list (see complete_lists.csv) covers the whole country on this date. */
  complete_list: boolean;
  foerbund_certain: string[];
  /** Recorded förbund that possibly existed (includes the certain ones). Unrecorded förbund are not bounded. */
  foerbund_possible: string[];
  member_kommuner_certain: string[];
  /** Upper bound: recorded possible members plus kommuner whose status is unknown. */
  member_kommuner_possible: string[];
  /** Kommuner with no recorded spell that might still have been members (no complete list covers them). */
  member_kommuner_unrecorded: string[];
  /** Kommuner certainly outside every förbund: a complete list covers them and no spell is possible. */
  kommuner_without_certain: string[];
}

/** Länskoder (or "riket") whose membership is completely listed on `date`. */
function completeScopes(registry: Pick<Registry, "completeLists">, date: string): { all: boolean; lan: Set<string> } {
  let all = false;
  const lan = new Set<string>();
  for (const c of registry.completeLists) {
    // A list dated to a month or year is read as covering that whole period, as Bilaga 4 ("i april 2015") is.
    if ((c.date.earliest !== null && date < c.date.earliest) || (c.date.latest !== null && date > c.date.latest)) continue;
    if (c.scope === "riket") all = true;
    else c.scope.forEach((l) => lan.add(l));
  }
  return { all, lan };
}

/**
 * Förbund and member kommuner on one day (a kommun counts once however many
 * stadsdel förbund it has). A kommun with no recorded spell counts as a
 * non-member only where a complete list covers it; elsewhere it is unknown.
 */
export function registryOnDay(registry: Registry, date: string, scope: string = "riket"): RegistryOnDay {
  // A county scope keeps the förbund that reach into the län and the län's kommuner (the first two digits of a kommunkod).
  const inScope = (k: string) => scope === "riket" || k.slice(0, 2) === scope;
  const f = foerbundOn(registry, date).filter((x) => scope === "riket" || x.foerbund.lan_codes.includes(scope));
  const m = membershipOn(registry, date).filter((x) => inScope(x.spell.member_code));
  const membersCertain = new Set(m.filter((x) => x.status === "certain").map((x) => x.spell.member_code));
  const recorded = new Set(m.filter((x) => x.status !== "no").map((x) => x.spell.member_code));
  const scopes = completeScopes(registry, date);
  // The first two digits of a kommunkod are its länskod.
  const listed = (k: string) => scopes.all || scopes.lan.has(k.slice(0, 2));
  const all = [...registry.kommunCodes].filter(inScope).sort();
  const without = all.filter((k) => !recorded.has(k) && listed(k));
  const unrecorded = all.filter((k) => !recorded.has(k) && !listed(k));
  return {
    date,
    complete_list: scope === "riket" ? scopes.all : scopes.all || scopes.lan.has(scope),
    foerbund_certain: f.filter((x) => x.status === "certain").map((x) => x.foerbund.id).sort(),
    foerbund_possible: f.filter((x) => x.status !== "no").map((x) => x.foerbund.id).sort(),
    member_kommuner_certain: [...membersCertain].sort(),
    member_kommuner_possible: all.filter((k) => recorded.has(k) || !listed(k)),
    member_kommuner_unrecorded: unrecorded,
    kommuner_without_certain: without,
  };
}

export interface CoverageRow {
  year: number;
  reference_date: string;
  /** "riket" or a länskod (county counts are compared on the län's kommuner and förbund). */
  scope: string;
  foerbund_count_certain: number;
  foerbund_count_possible: number;
  member_kommuner_certain: number;
  /** Upper bound, including kommuner whose status the registry does not know (member_kommuner_unrecorded). */
  member_kommuner_possible: number;
  /** Kommuner with no recorded spell and no complete list covering them: members or not, unknown. */
  member_kommuner_unrecorded: number;
  /** Kommuner that are certainly outside every förbund (= number of kommuner − possible members). */
  kommuner_without_certain: number;
  /** A complete national list covers the reference date; otherwise unrecorded förbund may exist. */
  complete_list: boolean;
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
export function coverageOn(registry: Registry, date: string, population?: PopulationByKommunYear, populationYear?: number, scope: string = "riket"): CoverageRow {
  const snap = registryOnDay(registry, date, scope);
  const statuses = membershipOn(registry, date).filter((s) => scope === "riket" || s.spell.member_code.slice(0, 2) === scope);
  const kommuner = new Set([...registry.kommunCodes].filter((k) => scope === "riket" || k.slice(0, 2) === scope));
  const year = Number(date.slice(0, 4));
  const popYear = populationYear ?? year;
  return {
    year,
    reference_date: date,
    scope,
    foerbund_count_certain: snap.foerbund_certain.length,
    foerbund_count_possible: snap.foerbund_possible.length,
    member_kommuner_certain: snap.member_kommuner_certain.length,
    member_kommuner_possible: snap.member_kommuner_possible.length,
    member_kommuner_unrecorded: snap.member_kommuner_unrecorded.length,
    kommuner_without_certain: snap.kommuner_without_certain.length,
    complete_list: snap.complete_list,
    share_pop_16_64_certain: population ? populationShare(kommuner, snap.member_kommuner_certain, population, popYear) : null,
    share_pop_16_64_possible: population ? populationShare(kommuner, snap.member_kommuner_possible, population, popYear) : null,
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
  /** The date as published (day, month or year; a bound for an undated page). */
  reference_date: string;
  /** "riket" or a länskod. */
  scope: string;
  /** The day our registry was measured on: the last day of the published period; "" for an undated figure. */
  compared_on: string;
  metric: NationalMetric;
  published: number;
  qualifier: NationalCount["qualifier"];
  source_id: string;
  ours_certain: number | null;
  /** Possible according to the recorded förbund and spells only. */
  ours_recorded: number | null;
  /** True upper bound, or null where unrecorded förbund/members cannot be bounded (no complete list). */
  ours_possible: number | null;
  comparison_code: ComparisonCode;
  /** The code worded in English (comparisonWords). */
  difference: string;
}

/**
 * The day a published figure is compared on: the last day of its stated
 * period (a year → 31 December). Null for an undated figure (a bound), which
 * is kept but not compared.
 */
export function comparisonDate(count: Pick<NationalCount, "reference_date">): string | null {
  return count.reference_date.kind === "exact" ? count.reference_date.latest : null;
}

/** Coverage rows for exactly the days (and scopes) the published counts refer to. */
export function coverageForCounts(registry: Registry, counts: readonly NationalCount[], population?: PopulationByKommunYear): CoverageRow[] {
  const keys = [...new Set(counts.flatMap((c) => { const d = comparisonDate(c); return d === null ? [] : [`${d}|${c.scope}`]; }))].sort();
  return keys.map((k) => {
    const [d, scope] = k.split("|") as [string, string];
    return coverageOn(registry, d, population, undefined, scope);
  });
}

/**
 * Set each published count beside the registry's range for the same day. A
 * published figure inside [certain, recorded] is consistent with the registry;
 * above it, the registry lacks förbund or memberships; below certain, the
 * source and the registry disagree.
 */
export function compareWithPublished(coverage: readonly CoverageRow[], counts: readonly NationalCount[]): PublishedComparison[] {
  const byDate = new Map(coverage.map((c) => [`${c.reference_date}|${c.scope}`, c]));
  return counts.map((count) => {
    const on = comparisonDate(count);
    const row = on === null ? undefined : byDate.get(`${on}|${count.scope}`);
    let certain: number | null = null;
    let recorded: number | null = null;
    let possible: number | null = null;
    if (row && count.metric === "foerbund_count") {
      certain = row.foerbund_count_certain;
      recorded = row.foerbund_count_possible;
      possible = row.complete_list ? recorded : null;
    } else if (row && count.metric === "non_member_kommuner") {
      // Certainly outside: covered by a complete list with no possible spell. At most: every kommun not certainly a member.
      const kommuner = row.member_kommuner_possible + row.kommuner_without_certain;
      certain = row.kommuner_without_certain;
      recorded = kommuner - row.member_kommuner_certain;
      possible = recorded;
    } else if (row) {
      certain = row.member_kommuner_certain;
      recorded = row.member_kommuner_possible - row.member_kommuner_unrecorded;
      possible = row.member_kommuner_possible;
    }
    const code = classifyComparison(count.value, certain, recorded, possible);
    return {
      id: count.id,
      year: Number((on ?? count.reference_date.earliest ?? count.reference_date.latest!).slice(0, 4)),
      reference_date: count.reference_date.raw,
      scope: count.scope,
      compared_on: on ?? "",
      metric: count.metric,
      published: count.value,
      qualifier: count.qualifier,
      source_id: count.source_id,
      ours_certain: certain,
      ours_recorded: recorded,
      ours_possible: possible,
      comparison_code: code,
      difference: comparisonWords(code, count.value, count.qualifier, certain, recorded, possible),
    };
  });
}

/**
 * Where a published count falls against the registry's range on its day. The
 * tests run in this order, so e.g. a figure below certain is below_certain
 * even when no upper bound exists.
 */
export function classifyComparison(published: number, certain: number | null, recorded: number | null, possible: number | null): ComparisonCode {
  if (certain === null || recorded === null) return "not_comparable";
  if (published < certain) return "below_certain";
  if (possible !== null && published > possible) return "above_possible";
  if (published > recorded) return "above_recorded";
  if (certain === recorded && recorded === published) return "exact";
  return "within_range";
}

/** The English wording of a comparison code (the column comparison); the site words the code in Swedish. */
export function comparisonWords(code: ComparisonCode, published: number, qualifier: string, certain: number | null, recorded: number | null, possible: number | null): string {
  const approx = qualifier !== "" ? "approximate published figure; " : "";
  switch (code) {
    case "not_comparable":
      return "undated figure or no registry coverage for this date: not compared";
    case "below_certain":
      return `${approx}published is ${certain! - published} below what the registry proves (${certain}): the source may count differently or the registry keeps förbund/members too long`;
    case "above_possible":
      return `${approx}published is ${published - possible!} above the registry's upper bound (${possible}) although a complete list covers the date: check the registry`;
    case "above_recorded":
      return `${approx}published is ${published - recorded!} above what the registry records (${recorded}): förbund or memberships the source counted are not in the registry`;
    case "exact":
      return `${approx}matches the registry exactly`;
    case "within_range":
      return `${approx}within the registry's range ${certain}–${recorded} (the registry cannot decide ${recorded! - certain!})`;
  }
}

// ---- membership status per kommun on one day (the map) ----

/**
 * Each kommun's status on `date`: certain or possible member, unknown (no
 * recorded spell and no complete list covers it), or not (a complete list
 * covers it and no spell is possible). A code in neither list of the
 * snapshot (not a kommun of the registry) stays "not", as the map drew it.
 */
export function membershipStatusOn(registry: Registry, kommunkoder: Iterable<string>, date: string): Map<string, KommunStatus> {
  const s = registryOnDay(registry, date);
  const certain = new Set(s.member_kommuner_certain);
  const unrecorded = new Set(s.member_kommuner_unrecorded);
  const out = new Map<string, KommunStatus>();
  for (const k of kommunkoder) out.set(k, "not");
  for (const k of s.member_kommuner_possible) out.set(k, certain.has(k) ? "certain" : unrecorded.has(k) ? "unknown" : "possible");
  for (const k of s.kommuner_without_certain) out.set(k, "not");
  return out;
}

function assertIsoDay(date: string): void {
  if (parseAnchor(date).precision !== "day") throw new RangeError(`expected an ISO day (YYYY-MM-DD), got "${date}"`);
}
