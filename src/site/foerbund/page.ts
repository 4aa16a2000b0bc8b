/**
 * The page model for /forbund/<id>/: everything the page shows, computed
 * here so the .astro file only lays it out.
 */
import { foerbundAreaMap, type AreaMap } from "../charts/map";
import { registryYears, type ForbundSiffrorRow, type ForbundNamnRow, type ForbundTabellerRow, type ForbundMedlemmarPerArRow, type KallorRow, type MedlemskapRow } from "../data";
import { capitalize, formatNumber, formatPeriod, formatWithUnit, joinSv } from "../format";
import type { Measure } from "../measures";
import { foerbundCharts, type FoerbundChart } from "./charts";
import { END_REASON_WORDS, certaintyWord, dateInWords, endInWords, endedSentence, foundedSentence } from "./dates";
import {
  areaPopulation,
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
  KIND_PHRASE,
  latestValueYear,
  membersInYear,
  type Foerbund,
} from "./model";
import { timelineRows, type TimelineRow } from "./timeline";

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
  spells: Array<MedlemskapRow & { fromWords: string; toWords: string }>;
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
  figures: Array<ForbundSiffrorRow & { label: string; valueText: string }>;
  /** Bilaga 2 tables about the förbund; the optional columns only where a row uses them. */
  tables: Array<{
    table: string;
    title: string;
    hasActivity: boolean;
    hasBreakdown: boolean;
    rows: Array<ForbundTabellerRow & { label: string; periodText: string; valueText: string }>;
  }>;
  sources: KallorRow[];
  summary: string;
}

function namesInWords(rows: readonly ForbundNamnRow[]): NameInWords[] {
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
export function figureValueText(f: Pick<ForbundSiffrorRow, "value" | "value_low" | "value_high" | "unit">): string {
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

function memberLatest(m: ForbundMedlemmarPerArRow, measures: readonly Measure[], year: number): MemberLatest {
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
