/**
 * The page model for /forbund/<id>/<year>/: who the members were that year,
 * the area's values beside its län and riket, ranks and changes.
 */
import { valueAt } from "../data";
import { RIKET, type ForbundIndikatorerRow, type ForbundMedlemmarPerArRow } from "../data";
import { formatNumber, formatWithUnit, joinSv } from "../format";
import type { Measure } from "../measures";
import { rankInWords, type Rank } from "./ranking";
import { changeSincePrevious, compareWord, sameMembers, signedNumber, type Change } from "./stats";
import { areaPopulation, areaRank, areaValue, foerbund, foerbundMeasures, foerbundYears, kommunName, koladaValue, kpiYears, lanArea, lanName, latestValueYear, membersDuringYear, membersInYear, foerbundNameInYear, type Foerbund } from "./model";
import type { ForbundMedlemmarUnderArRow } from "../../pipeline/publish/datasets/forbund-medlemmar-under-ar";

export interface YearIndicator {
  measure: Measure;
  row: ForbundIndikatorerRow | null;
  value: number | null;
  /** note: the method when the value is computed from the kommuner (status derived), else null. */
  lan: Array<{ code: string; name: string; value: number | null; note: string | null }>;
  riket: number | null;
  rank: Rank | null;
  rankWords: string;
  change: Change | null;
  changeWords: string;
  /** The reason there is no value, in words ("" when there is one). */
  gap: string;
}

export interface FoerbundYearPage {
  f: Foerbund;
  year: number;
  title: string;
  /** Members on 31 December: the area of the year's key figures. */
  members: ForbundMedlemmarPerArRow[];
  /** Members at some time during the year; certain where a dated source falls in the year. */
  during: ForbundMedlemmarUnderArRow[];
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

export function foerbundYearPage(id: string, year: number): FoerbundYearPage {
  const f = foerbund(id);
  const members = membersInYear(id, year);
  const during = membersDuringYear(id, year);
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
  // Titled with the name in force that year; the förbund's latest name is on its main page.
  const yearName = foerbundNameInYear(id, year);
  const title = `${yearName} ${year}`;
  return {
    f,
    year,
    title,
    members,
    during,
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
    summary: yearSummary({ ...f, name: yearName }, year, during, indicators, hasValues, latestYear),
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
    lan: f.lanCodes.map((c) => {
      const p = valueAt(m.dataset, lanArea(c), year);
      return { code: c, name: lanName(c), value: koladaValue(m.dataset, lanArea(c), year), note: p?.status === "derived" ? p.note : null };
    }),
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

/** Who was a member during the year, in words: certain members first, so "not proven" is never read as "none". Pure. */
export function membersDuringWords(name: string, year: number, during: ReadonlyArray<Pick<ForbundMedlemmarUnderArRow, "member_status">>): string {
  const n = during.length;
  const certain = during.filter((m) => m.member_status === "certain").length;
  const possible = n - certain;
  const noun = (k: number) => (k === 1 ? "medlem" : "medlemmar");
  if (n === 0) return `Registret har inga medlemmar i ${name} under ${year}.`;
  if (possible === 0) return `Under ${year} hade ${name} ${n} ${noun(n)}, alla belagda det året.`;
  if (certain === 0)
    return `Under ${year} kan ${name} ha haft ${n} ${noun(n)}: källor från andra år visar dem som medlemmar, men ingen källa är daterad just ${year}, så det är möjligt men inte belagt att de var med då.`;
  return `Under ${year} hade ${name} ${n} ${noun(n)}: ${certain} belagda det året och ${possible} ${possible === 1 ? "möjlig" : "möjliga"}.`;
}

function yearSummary(f: Foerbund, year: number, during: readonly ForbundMedlemmarUnderArRow[], indicators: YearIndicator[], hasValues: boolean, latestYear: number): string {
  const parts = [membersDuringWords(f.name, year, during)];
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
