/**
 * What a förbund page opens with ("I korthet"): its members in the latest
 * state the sources prove, with the date and the source, and the latest value
 * of each indicator with its rank among förbund that year and its change
 * since the förbund's first year with a value. The kommun page's key figures
 * are site/kommun.ts; this is the same idea for a förbund. Everything comes
 * from the published datasets through model.ts.
 */
import { certainInterval, parseDateBound, statusOn, type DateBound } from "../../pipeline/registry/dates";
import type { KallorRow, MedlemskapRow } from "../data";
import { joinSv } from "../format";
import { latestMembership } from "../kommun";
import type { Measure } from "../measures";
import { dateInWords, endedSentence, hasEnded } from "./dates";
import { areaRank, foerbund, foerbundMeasures, foerbundSpells, foerbundValuesByKpi, membersInYear, sourcesById } from "./model";
import { rankInWords, type Rank } from "./ranking";
import { differenceOf, sameMembers, signedNumber } from "./stats";

export interface MembersNow {
  /** The förbund's end in a sentence when it is known to have ended, else null. */
  ended: string | null;
  /** Members proven on the latest day a source speaks of ("Karlskrona", "Göteborg: Angered"). */
  members: string[];
  /** Members only possible that day (a date bound allows them), named so "not proven" is not read as "not a member". */
  possible: string[];
  /** When the latest source proves them, ready after "belagda": "i april 2015", "den 14 mars 2023", "fram till 1 januari 2020". */
  provenWhen: string;
  /** ISO day of that state. */
  day: string | null;
  source: KallorRow | null;
  /** The latest change of members before that day, in words; never more exact than the sources. */
  since: string;
  /** True when `since` rests only on a date bound. */
  sinceBounded: boolean;
  /** What is not known after the latest proof, in a sentence ("" when the förbund has ended). */
  after: string;
}

const memberLabel = (s: Pick<MedlemskapRow, "member_name" | "stadsdel">) => (s.stadsdel ? `${s.member_name}: ${s.stadsdel}` : s.member_name);
const collator = new Intl.Collator("sv");
const sorted = (names: Iterable<string>) => [...new Set(names)].sort(collator.compare);
const endOf = (raw: string): DateBound | null => (raw === "" ? null : parseDateBound(raw));

/**
 * The members in the latest state the sources prove: the day of the latest
 * proof of any membership (the kommun page's latestMembership rule), the
 * members certain and possible that day, and the latest join or departure
 * before it. Pure over the published spells.
 */
export function membersNow(spells: readonly MedlemskapRow[], founded: string, ended: string, endReason: string, source: (id: string) => KallorRow | null): MembersNow {
  const latest = latestMembership(spells);
  const endedWords = hasEnded(ended) ? endedSentence(ended, endReason) : null;
  if (!latest) {
    const possible = sorted(spells.map(memberLabel));
    return { ended: endedWords, members: [], possible, provenWhen: "", day: null, source: null, since: "", sinceBounded: false, after: "" };
  }
  // The last day any membership is certain (an exact end is the first day without it, so the day before).
  const day = spells.reduce((best, s) => {
    const ci = certainInterval(parseDateBound(s.from), endOf(s.to));
    return ci && dayBefore(ci.until) > best ? dayBefore(ci.until) : best;
  }, "");
  const onDay = spells.map((s) => ({ s, from: parseDateBound(s.from), to: endOf(s.to), status: statusOn(parseDateBound(s.from), endOf(s.to), day) }));
  const certain = onDay.filter((x) => x.status === "certain");
  // The latest change: a certain member's start, or a departure that certainly happened by that day.
  const changes = [
    ...certain.map((x) => ({ bound: x.from, verb: "gick med", s: x.s })),
    ...onDay.filter((x) => x.to !== null && x.to.latest !== null && x.to.latest <= day).map((x) => ({ bound: x.to!, verb: "lämnade förbundet", s: x.s })),
  ];
  const key = (b: DateBound) => b.latest ?? b.earliest ?? "";
  const last = changes.reduce<(typeof changes)[number] | null>((best, c) => (!best || key(c.bound) > key(best.bound) ? c : best), null);
  let since = "";
  let sinceBounded = false;
  if (last) {
    sinceBounded = last.bound.kind !== "exact";
    const bound = sinceBounded ? " (källorna anger bara en gräns)" : "";
    if (last.verb === "gick med" && last.bound.raw === founded) since = `Samma medlemmar sedan förbundet bildades ${dateInWords(last.bound)}${bound}.`;
    else {
      const who = sorted(changes.filter((c) => c.verb === last.verb && c.bound.raw === last.bound.raw).map((c) => memberLabel(c.s)));
      since = `Senaste ändringen: ${joinSv(who)} ${last.verb} ${dateInWords(last.bound)}${bound}.`;
    }
  }
  return {
    ended: endedWords,
    members: sorted(certain.map((x) => memberLabel(x.s))),
    possible: sorted(onDay.filter((x) => x.status === "possible").map((x) => memberLabel(x.s))),
    provenWhen: latest.ended ? `fram till ${latest.when}` : `${latest.preposition || "år "}${latest.when}`,
    day,
    source: source(latest.sourceId),
    since,
    sinceBounded,
    after: endedWords ? "" : `Registret har ingen uppgift om medlemmarna efter ${latest.when}, så det är inte känt om de är desamma i dag.`,
  };
}

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export interface IndicatorFigure {
  measure: Measure;
  /** The latest year with a value for the förbund's area. */
  year: number;
  value: number;
  /** The latest year's area rests on date bounds. */
  bounded: boolean;
  rank: Rank | null;
  rankWords: string;
  /** The first year with a value, the change is counted from it; null when the latest year is the only one. */
  start: { year: number; value: number; bounded: boolean } | null;
  /** value − start.value, unrounded (ranking.ts/stats.ts rule: shown rounded). */
  change: number | null;
  changeWords: string;
  /** Plain words when the start is only bounded or the area changed; "" otherwise. */
  changeNote: string;
}

/** The latest value of each förbund indicator with its rank and its change since the first year with a value. */
export function indicatorFigures(id: string): IndicatorFigure[] {
  const f = foerbund(id);
  if (f.kind === "stadsdelar") return [];
  return foerbundMeasures().flatMap((m) => {
    const years = [...(foerbundValuesByKpi(m.kpi!).get(id) ?? new Map())].filter(([, r]) => r.value !== null).sort((a, b) => a[0] - b[0]);
    if (years.length === 0) return [];
    const [lastYear, lastRow] = years[years.length - 1]!;
    const [firstYear, firstRow] = years[0]!;
    const rank = areaRank(id, m, lastYear);
    const start = firstYear === lastYear ? null : { year: firstYear, value: firstRow.value!, bounded: firstRow.membership === "bounded" };
    const change = start ? differenceOf(lastRow.value!, start.value) : null;
    const unit = m.shortUnit === "%" ? "procentenheter" : m.shortUnit;
    const notes: string[] = [];
    if (start?.bounded) notes.push(`${start.year} vilar området på datumgränser.`);
    const codes = (y: number) => membersInYear(id, y).map((r) => r.member_code + r.stadsdel);
    if (start && !sameMembers(codes(start.year), codes(lastYear))) notes.push(`Området har andra medlemmar ${lastYear} än ${start.year}.`);
    return [
      {
        measure: m,
        year: lastYear,
        value: lastRow.value!,
        bounded: lastRow.membership === "bounded",
        rank,
        rankWords: rank ? rankInWords(rank) : "–",
        start,
        change,
        changeWords: start && change !== null ? `${signedNumber(change, m.decimals)}${unit ? `\u00a0${unit}` : ""} sedan ${start.year}` : `bara ett år med värde (${lastYear})`,
        changeNote: notes.join(" "),
      },
    ];
  });
}

export interface FoerbundKeyFigures {
  id: string;
  name: string;
  members: MembersNow;
  indicators: IndicatorFigure[];
  /** When the förbund's start is only bounded: that, and from which year each change is counted; "" otherwise. */
  startNote: string;
}

export function foerbundKeyFigures(id: string): FoerbundKeyFigures {
  const f = foerbund(id);
  const members = membersNow(foerbundSpells(id), f.founded, f.ended, f.endReason, (sid) => sourcesById([sid])[0] ?? null);
  const indicators = indicatorFigures(id);
  const counted = indicators.flatMap((i) => (i.start ? [`${i.start.year} för ${i.measure.shortName.toLowerCase()}`] : []));
  const startNote =
    parseDateBound(f.founded).kind !== "exact" && counted.length
      ? `Förbundet bildades ${dateInWords(f.founded)}; källorna anger bara en gräns. Förändringen räknas därför från det första året området har ett värde: ${joinSv(counted)}.`
      : "";
  return { id, name: f.name, members, indicators, startNote };
}
