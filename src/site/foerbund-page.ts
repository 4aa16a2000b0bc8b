/**
 * Page models for /forbund/<id>/ and /forbund/<id>/<year>/: everything a page
 * shows, computed here so the .astro files only lay it out.
 */
import { capitalize, formatNumber, formatPeriod, formatWithUnit, joinSv } from "./format";
import type { Measure } from "./measures";
import { END_REASON_WORDS, certaintyWord, dateInWords, endInWords, endedSentence, foundedSentence } from "./foerbund-dates";
import { changeSincePrevious, compareWord, rankInWords, sameMembers, signedNumber, type Change, type Rank } from "./foerbund-stats";
import { timelineRows, type TimelineRow } from "./foerbund-timeline";
import { foerbundChart, type FoerbundChart } from "./foerbund-charts";
import { foerbundAreaMap, type AreaMap } from "./foerbund-map";
import {
  RIKET,
  areaPopulation,
  areaRank,
  areaValue,
  foerbund,
  foerbundFigures,
  foerbundTables,
  foerbundMeasures,
  foerbundNames,
  foerbundSources,
  foerbundSpells,
  foerbundYears,
  kommunName,
  koladaValue,
  kpiYears,
  lanArea,
  lanName,
  KIND_PHRASE,
  latestValueYear,
  membersInYear,
  registryYears,
  type AreaValueRow,
  type FigureRow,
  type Foerbund,
  type FoerbundTableRow,
  type MemberYearRow,
  type NameRow,
  type SourceRow,
  type SpellRow,
} from "./foerbund";

/** The axis of every membership timeline: Finsam's first day to the end of the registry's last year. */
export function timelineAxis(): [string, string] {
  const { first, last } = registryYears();
  return [`${first}-01-01`, `${last + 1}-01-01`];
}

export const METHOD_LINE = "Förbundets värden är vägda med befolkningen 16–64 år i medlemskommunerna det året (ekonomiskt bistånd: hela befolkningen).";

export interface NameInWords {
  name: string;
  from: string;
  to: string;
}

export interface MemberLatest {
  code: string;
  name: string;
  stadsdel: string;
  status: "certain" | "possible";
  /** null for a stadsdel: Kolada has no values for stadsdelar. */
  values: Array<number | null>;
  population: number | null;
}

export interface FoerbundPage {
  f: Foerbund;
  names: NameInWords[];
  founded: string;
  ended: string;
  foundedShort: string;
  endedShort: string;
  predecessors: Foerbund[];
  successors: Foerbund[];
  timeline: TimelineRow[];
  spells: Array<SpellRow & { fromWords: string; toWords: string }>;
  axis: [string, string];
  map: AreaMap;
  /** Kommuner ever in the förbund: certain if any year proves it. */
  everMembers: Array<{ code: string; name: string; status: "certain" | "possible" }>;
  years: number[];
  populationRows: Array<{ year: number; value: number | null; membership: "certain" | "bounded" | null }>;
  latestPopulation: { year: number; value: number } | null;
  charts: FoerbundChart[];
  /** Why there are no charts (stadsdel förbund, or no year with Kolada values). */
  noChartsReason: string | null;
  measures: Measure[];
  latestYear: number;
  membersLatestYear: number | null;
  membersLatest: MemberLatest[];
  figures: Array<FigureRow & { label: string; valueText: string }>;
  /** Bilaga 2 tables about the förbund; the optional columns only where a row uses them. */
  tables: Array<{
    table: string;
    title: string;
    hasActivity: boolean;
    hasBreakdown: boolean;
    rows: Array<FoerbundTableRow & { label: string; periodText: string; valueText: string }>;
  }>;
  sources: SourceRow[];
  summary: string;
}

function namesInWords(rows: readonly NameRow[]): NameInWords[] {
  return [...rows]
    .sort((a, b) => a.from.replace(/^[<>]=/, "").localeCompare(b.from.replace(/^[<>]=/, "")))
    .map((n) => ({ name: n.name, from: dateInWords(n.from), to: nameEndInWords(n.to) }));
}

/** When a name stopped being used: "till 1 januari 2015", "i bruk åtminstone april 2015". */
export function nameEndInWords(raw: string): string {
  if (raw.startsWith(">=")) return `i bruk åtminstone ${dateInWords(raw.slice(2))}`;
  return `till ${dateInWords(raw)}`;
}

/** Units in words; "unknown" (the table prints none) gets no word: the row's note says so. */
const UNIT_WORDS: Record<string, string> = { SEK: "kr", TSEK: "tkr", persons: "personer", count: "st.", percent: "%", visits: "besök", sessions: "tillfällen", unknown: "" };

/** A figure's printed value: "2 500 personer", "30 000 000 kr", "40–45 %". */
export function figureValueText(f: Pick<FigureRow, "value" | "value_low" | "value_high" | "unit">): string {
  const unit = UNIT_WORDS[f.unit] ?? f.unit;
  const decimals = (n: number) => (Number.isInteger(n) ? 0 : 1);
  if (f.value !== null) return formatWithUnit(f.value, decimals(f.value), unit);
  if (f.value_low !== null && f.value_high !== null) return `${formatNumber(f.value_low, decimals(f.value_low))}–${formatWithUnit(f.value_high, decimals(f.value_high), unit)}`;
  return "–";
}

/** "avslutade_till_studier" → "Avslutade till studier". */
export function measureLabel(key: string): string {
  return capitalize(key.replace(/_/g, " ").replace(/\bAF\b/, "Arbetsförmedlingen").replace(/\bFK\b/, "Försäkringskassan"));
}

/** The indicator charts of a förbund page: none for stadsdel förbund or without any area value. */
export function foerbundCharts(id: string): FoerbundChart[] {
  if (foerbund(id).kind === "stadsdelar") return [];
  return foerbundMeasures()
    .map((m) => foerbundChart(id, m))
    .filter((c): c is FoerbundChart => c !== null && c.spec.series[0]!.points.some((p) => p.value !== null));
}

export function foerbundPage(id: string): FoerbundPage {
  const f = foerbund(id);
  const axis = timelineAxis();
  const spells = foerbundSpells(id);
  const years = foerbundYears(id);
  const measures = foerbundMeasures();
  const timeline = timelineRows(spells, ...axis, kommunName);
  // A member is "certain" on the map if any day of any of its spells is proven (e.g. April 2015), not only a 31 December.
  const ever = new Map<string, "certain" | "possible">();
  for (const row of timeline) if (ever.get(row.member_code) !== "certain") ever.set(row.member_code, row.spells.some((s) => !s.neverCertain) ? "certain" : "possible");
  const latestYear = latestValueYear();
  const valueYears = years.filter((y) => y <= latestYear);
  const membersLatestYear = valueYears.length ? valueYears[valueYears.length - 1]! : years.length ? years[years.length - 1]! : null;
  const membersLatest: MemberLatest[] = membersLatestYear === null ? [] : membersInYear(id, membersLatestYear).map((m) => memberLatest(m, measures, latestYear));
  const charts = foerbundCharts(id);
  const noChartsReason =
    f.kind === "stadsdelar"
      ? "Förbundets medlemmar var stadsdelar i Göteborg. Kolada har bara värden för hela kommuner, så området får inga nyckeltal. Se Göteborgs kommun för värden för hela staden."
      : charts.length === 0
        ? years.some((y) => y <= latestYear)
          ? "Inget år har värden för alla medlemskommuner."
          : `Förbundet hade inga kända medlemmar under åren med värden i Kolada (till och med ${latestYear}).`
        : null;
  const populationRows = years
    .filter((y) => y <= latestYear)
    .map((y) => ({ year: y, value: f.kind === "stadsdelar" ? null : areaPopulation(id, y), membership: areaValue(id, "N01954", y)?.membership ?? null }));
  const lastPop = [...populationRows].reverse().find((p) => p.value !== null);
  const founded = foundedSentence(f.founded);
  const ended = endedSentence(f.ended, f.endReason);
  const summary = `${f.name} är ${KIND_PHRASE[f.kind]} i ${joinSv(f.lanNames)}. ${founded} ${ended}`;
  return {
    f,
    names: namesInWords(foerbundNames(id)),
    founded,
    ended,
    foundedShort: `${dateInWords(f.founded)} (${certaintyWord(f.founded)})`,
    endedShort: f.ended === "" ? "okänt: inget känt efter bildandet" : `${endInWords(f.ended)}${f.ended.startsWith(">=") ? "" : ` (${certaintyWord(f.ended)})`}${f.endReason ? `; ${END_REASON_WORDS[f.endReason]}` : ""}`,
    predecessors: f.predecessors.map(foerbund),
    successors: f.successors.map(foerbund),
    timeline,
    spells: spells.map((s) => ({ ...s, fromWords: dateInWords(s.from), toWords: endInWords(s.to) })),
    axis,
    map: foerbundAreaMap(f.lanCodes, ever, kommunName),
    everMembers: [...ever].map(([code, status]) => ({ code, name: kommunName(code), status })).sort((a, b) => a.name.localeCompare(b.name, "sv")),
    years,
    populationRows,
    latestPopulation: lastPop ? { year: lastPop.year, value: lastPop.value! } : null,
    charts,
    noChartsReason,
    measures,
    latestYear,
    membersLatestYear,
    membersLatest,
    figures: foerbundFigures(id).map((x) => ({ ...x, label: measureLabel(x.measure), valueText: figureValueText(x) })),
    tables: foerbundTables(id).map((t) => ({
      ...t,
      hasActivity: t.rows.some((r) => r.activity !== ""),
      hasBreakdown: t.rows.some((r) => r.breakdown !== ""),
      rows: t.rows.map((r) => ({
        ...r,
        label: r.measure_printed || measureLabel(r.measure),
        periodText: formatPeriod(r.period),
        valueText: figureValueText({ ...r, value_low: null, value_high: null }),
      })),
    })),
    sources: foerbundSources(id),
    summary,
  };
}

function memberLatest(m: MemberYearRow, measures: readonly Measure[], year: number): MemberLatest {
  const area = { level: "kommun" as const, code: m.member_code };
  const whole = m.stadsdel === "";
  return {
    code: m.member_code,
    name: m.member_name,
    stadsdel: m.stadsdel,
    status: m.member_status,
    values: measures.map((x) => (whole ? koladaValue(x.dataset, area, year) : null)),
    population: whole ? koladaValue("befolkning-16-64", area, year) : null,
  };
}

// ---- the year page ----

export interface YearIndicator {
  measure: Measure;
  row: AreaValueRow | null;
  value: number | null;
  lan: Array<{ code: string; name: string; value: number | null }>;
  riket: number | null;
  rank: Rank | null;
  rankWords: string;
  change: Change | null;
  changeWords: string;
  /** The reason there is no value, in words ("" when there is one). */
  gap: string;
}

export interface YearPage {
  f: Foerbund;
  year: number;
  title: string;
  members: MemberYearRow[];
  certainCount: number;
  possibleCount: number;
  membership: "certain" | "bounded";
  /** Kolada has values for this year. */
  hasValues: boolean;
  latestYear: number;
  indicators: YearIndicator[];
  population: number | null;
  previousYear: number | null;
  nextYear: number | null;
  membersChanged: boolean | null;
  summary: string;
}

export function foerbundYearPage(id: string, year: number): YearPage {
  const f = foerbund(id);
  const members = membersInYear(id, year);
  const years = foerbundYears(id);
  const idx = years.indexOf(year);
  const latestYear = latestValueYear();
  const hasValues = year <= latestYear;
  const certainCount = members.filter((m) => m.member_status === "certain").length;
  const possibleCount = members.length - certainCount;
  const prevMembers = membersInYear(id, year - 1).map((m) => m.member_code + m.stadsdel);
  const membersChanged = prevMembers.length ? !sameMembers(prevMembers, members.map((m) => m.member_code + m.stadsdel)) : null;
  const indicators: YearIndicator[] = hasValues ? foerbundMeasures().map((m) => yearIndicator(id, f, m, year, membersChanged)) : [];
  const population = hasValues && f.kind !== "stadsdelar" ? areaPopulation(id, year) : null;
  const title = `${f.name} ${year}`;
  return {
    f,
    year,
    title,
    members,
    certainCount,
    possibleCount,
    membership: possibleCount ? "bounded" : "certain",
    hasValues,
    latestYear,
    indicators,
    population,
    previousYear: idx > 0 ? years[idx - 1]! : null,
    nextYear: idx >= 0 && idx < years.length - 1 ? years[idx + 1]! : null,
    membersChanged,
    summary: yearSummary(f, year, members.length, certainCount, possibleCount, indicators, hasValues, latestYear),
  };
}

function yearIndicator(id: string, f: Foerbund, m: Measure, year: number, membersChanged: boolean | null): YearIndicator {
  const row = areaValue(id, m.kpi!, year);
  const value = row?.value ?? null;
  const rank = value === null ? null : areaRank(id, m, year);
  const prevRow = areaValue(id, m.kpi!, year - 1);
  const change = changeSincePrevious(
    [
      { year: year - 1, value: prevRow?.value ?? null },
      { year, value },
    ],
    year,
  );
  const changeWords = change
    ? `${signedNumber(change.change, m.decimals)}\u00a0${m.shortUnit === "%" ? "procentenheter" : m.shortUnit} sedan ${change.previousYear}${membersChanged ? " (andra medlemmar än året före)" : ""}`
    : value === null
      ? "–"
      : !foerbundYears(id).includes(year - 1)
        ? `förbundet fanns inte ${year - 1}`
        : `inget värde ${year - 1}`;
  let gap = "";
  if (!row) gap = year < kpiFirstYear(m) ? `Kolada har värden från ${kpiFirstYear(m)}.` : "Inget område detta år.";
  else if (row.status === "stadsdel_members") gap = "Medlemmarna är stadsdelar; Kolada har bara värden för hela kommuner.";
  else if (row.status === "incomplete") gap = `Värde saknas för ${joinSv(row.missing_codes.split(";").filter(Boolean).map(kommunName))}.`;
  return {
    measure: m,
    row,
    value,
    lan: f.lanCodes.map((c) => ({ code: c, name: lanName(c), value: koladaValue(m.dataset, lanArea(c), year) })),
    riket: koladaValue(m.dataset, RIKET, year),
    rank,
    rankWords: rank ? rankInWords(rank) : "–",
    change,
    changeWords,
    gap,
  };
}

function kpiFirstYear(m: Measure): number {
  return kpiYears(m.kpi!).first;
}

function yearSummary(f: Foerbund, year: number, n: number, certain: number, possible: number, indicators: YearIndicator[], hasValues: boolean, latestYear: number): string {
  const who =
    possible === 0
      ? `hade ${f.name} ${n} ${n === 1 ? "medlem" : "medlemmar"}, alla belagda`
      : certain === 0
        ? `hade ${f.name} ${n} möjliga ${n === 1 ? "medlem" : "medlemmar"}; ingen är belagd just detta år`
        : `hade ${f.name} ${n} medlemmar: ${certain} belagda och ${possible} möjliga`;
  const parts = [`Den 31 december ${year} ${who}.`];
  if (!hasValues) parts.push(`Kolada har inga värden för ${year} (de senaste är från ${latestYear}).`);
  const oh = indicators.find((i) => i.measure.slug === "ohalsotal");
  if (oh && oh.value !== null) {
    const d = oh.measure.decimals;
    const comps = [...oh.lan.filter((l) => l.value !== null).map((l) => `${l.name} (${formatNumber(l.value, d)})`), ...(oh.riket !== null ? [`riket (${formatNumber(oh.riket, d)})`] : [])];
    const rel = oh.lan[0]?.value != null ? `${compareWord(oh.value, oh.lan[0].value, d)} i ${comps[0]}` : "";
    const rel2 = oh.riket !== null ? `${compareWord(oh.value, oh.riket, d)} i riket (${formatNumber(oh.riket, d)})` : "";
    parts.push(`Ohälsotalet i området var ${formatWithUnit(oh.value, d, oh.measure.shortUnit)}, ${joinSv([rel, rel2].filter(Boolean))}.`);
  } else if (hasValues && f.kind === "stadsdelar") parts.push("Området har inga nyckeltal, eftersom medlemmarna är stadsdelar.");
  return parts.join(" ");
}
