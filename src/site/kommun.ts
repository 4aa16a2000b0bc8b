/** What a kommun page shows, assembled from the data: thin pages, no wrangling in .astro. */
import { RIKET, kommun, kommunArea, lanAreaOf, memberYearRows, valueAt, latest, type ForbundMedlemmarPerArRow } from "./data";
import { KOMMUN_PAGE_MEASURES, POPULATION_16_64_SLUG, measure, type Measure } from "./measures";
import type { MedlemskapRow } from "../pipeline/publish/datasets/medlemskap";
import { certainInterval, parseDateBound } from "../pipeline/registry/dates";
import { anchorInWords, endInWords } from "./foerbund/dates";

export interface KeyFigure {
  measure: Measure;
  /** The kommun's latest year with a value; null when it has none. */
  year: number | null;
  kommun: number | null;
  /** Län and riket the same year (null for population, where a comparison says nothing). */
  lan: number | null;
  /** The method, when the län value is computed from the kommuner (status derived); null for a published value. */
  lanNote: string | null;
  riket: number | null;
  comparable: boolean;
}

export function kommunKeyFigures(kommunkod: string): KeyFigure[] {
  if (!kommun(kommunkod)) throw new Error(`unknown kommun ${kommunkod}`);
  return KOMMUN_PAGE_MEASURES.map((slug) => {
    const m = measure(slug);
    const last = latest(m.dataset, kommunArea(kommunkod));
    const comparable = slug !== POPULATION_16_64_SLUG;
    const at = (area: typeof RIKET) => (last && comparable ? (valueAt(m.dataset, area, last.year)?.value ?? null) : null);
    const lanPoint = last && comparable ? valueAt(m.dataset, lanAreaOf(kommunkod), last.year) : null;
    const lanNote = lanPoint?.status === "derived" ? lanPoint.note : null;
    return { measure: m, year: last?.year ?? null, kommun: last?.value ?? null, lan: at(lanAreaOf(kommunkod)), lanNote, riket: at(RIKET), comparable };
  });
}

// ---- the kommun's förbund area as a comparison line ----

export interface AreaLine {
  points: Array<{ year: number; value: number | null }>;
  /** Förbund whose area gives the line, with the years it does. */
  foerbund: Array<{ id: string; years: number[] }>;
  /** Years with a value whose membership is only possible (date bounds). */
  possibleYears: number[];
  /** Years the kommun was the förbund's only member: the area is the kommun itself, no separate line. */
  ownAreaYears: number[];
  /** Years the registry allows more than one förbund for the kommun: no value. */
  ambiguousYears: number[];
}

/**
 * The förbund area around a kommun, year by year: the area's value in the
 * years the kommun is (certainly or possibly) a whole-kommun member of exactly
 * one förbund on 31 December. Pure: rows and lookups come in as arguments.
 */
export function foerbundAreaLine(
  years: readonly number[],
  memberships: ReadonlyArray<Pick<ForbundMedlemmarPerArRow, "foerbund_id" | "year" | "stadsdel" | "member_status">>,
  areaValue: (id: string, year: number) => { value: number | null; members: number } | undefined,
): AreaLine {
  const byYear = new Map<number, Array<(typeof memberships)[number]>>();
  for (const m of memberships) if (m.stadsdel === "") byYear.set(m.year, [...(byYear.get(m.year) ?? []), m]);
  const foerbund = new Map<string, number[]>();
  const possibleYears: number[] = [];
  const ownAreaYears: number[] = [];
  const ambiguousYears: number[] = [];
  const points = years.map((year) => {
    const rows = byYear.get(year) ?? [];
    const ids = [...new Set(rows.map((r) => r.foerbund_id))];
    if (ids.length === 0) return { year, value: null };
    if (ids.length > 1) {
      ambiguousYears.push(year);
      return { year, value: null };
    }
    const id = ids[0]!;
    const v = areaValue(id, year);
    if (!v || v.value === null) return { year, value: null };
    if (v.members <= 1) {
      ownAreaYears.push(year);
      return { year, value: null };
    }
    foerbund.set(id, [...(foerbund.get(id) ?? []), year]);
    if (rows.every((r) => r.member_status === "possible")) possibleYears.push(year);
    return { year, value: v.value };
  });
  return { points, foerbund: [...foerbund].map(([id, ys]) => ({ id, years: ys })), possibleYears, ownAreaYears, ambiguousYears };
}

export function kommunMemberYears(kommunkod: string): ForbundMedlemmarPerArRow[] {
  const byKommun = memoKommun();
  return byKommun.get(kommunkod) ?? [];
}

let memberIndex: Map<string, ForbundMedlemmarPerArRow[]> | undefined;
function memoKommun(): Map<string, ForbundMedlemmarPerArRow[]> {
  if (!memberIndex) {
    memberIndex = new Map();
    for (const r of memberYearRows()) {
      const list = memberIndex.get(r.member_code);
      if (list) list.push(r);
      else memberIndex.set(r.member_code, [r]);
    }
  }
  return memberIndex;
}

// ---- which förbund is the kommun in now? ----

export interface LatestMembership {
  foerbund_id: string;
  /** The last day, month or year the sources prove the membership, in words. */
  when: string;
  /** ISO day of `when`'s end, for ordering. */
  until: string;
  /** True when the spell has a stated end (the kommun left or the förbund ended). */
  ended: boolean;
  /** "den" for a day, "i" for a month, "" for a year: how `when` reads after "medlem i X". */
  preposition: string;
  sourceId: string;
}

/**
 * The kommun's latest proven membership: the spell whose sources prove it
 * latest (the lower anchor of its end: ">=2021-06-07" → 7 juni 2021). Spells
 * never proven on any day (only possible) do not count. Pure.
 */
export function latestMembership(spells: ReadonlyArray<Pick<MedlemskapRow, "foerbund_id" | "from" | "to" | "source_ids">>): LatestMembership | null {
  let best: LatestMembership | null = null;
  for (const s of spells) {
    const from = parseDateBound(s.from);
    const to = parseDateBound(s.to);
    if (!certainInterval(from, to) || !to.lower) continue;
    const ended = to.kind === "exact";
    // An exact end is the first day without membership; the membership is proven up to it.
    const until = to.lower.end;
    if (best && until <= best.until) continue;
    // The 2015 report (ids "rr2015-…") cannot prove a day after April 2015; name the newer source then.
    // A proof that reaches April 2015 exactly is the report's list of that month (Bilaga 4), not an older annual report.
    const all = s.source_ids.split(";");
    const newer = all.filter((id) => !id.startsWith("rr2015-"));
    const report = all.filter((id) => id.startsWith("rr2015-"));
    const ids = until > "2015-04-30" && newer.length > 0 ? newer : until.startsWith("2015-04") && report.length > 0 ? report : all;
    const preposition = to.lower.precision === "day" ? "den " : to.lower.precision === "month" ? "i " : "";
    best = { foerbund_id: s.foerbund_id, when: ended ? endInWords(to) : anchorInWords(to.lower), until, ended, preposition, sourceId: ids[ids.length - 1]! };
  }
  return best;
}

/** One plain sentence answering "which förbund is the kommun in now?". Pure. */
export function latestMembershipSentence(kommunName: string, m: LatestMembership | null, foerbundName: (id: string) => string, citation: (id: string) => string): string {
  if (!m) return `Inget medlemskap för ${kommunName} är belagt av en daterad källa.`;
  const name = foerbundName(m.foerbund_id);
  const base = m.ended
    ? `Senast belagd: medlem i ${name} fram till ${m.when}, enligt ${citation(m.sourceId)}.`
    : `Senast belagd: medlem i ${name} ${m.preposition}${m.when}, enligt ${citation(m.sourceId)}.`;
  const year = Number(m.until.slice(0, 4));
  return year <= 2015 ? `${base} Efter april 2015 har registret ingen uppgift om ${kommunName}, så det är inte känt vilket förbund kommunen är med i nu.` : base;
}
