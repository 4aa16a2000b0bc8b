/**
 * Kolada's "Deltagarbedömning Finsam" (U40460–U40469) on the site, from the
 * published dataset deltagarbedomning (pure functions; the pages pass the
 * rows, none while the dataset is not published). Each value goes where its unit of report puts it: kommun values on
 * the kommun pages, organisational-unit values on /deltagare/ as not linked
 * to any förbund. Without a fetch, the page says what is known and that no
 * numbers are shown, never that there are none.
 */
import type { DeltagarbedomningRow } from "../../pipeline/publish/datasets/deltagarbedomning";
import { ASSESSMENT_KPIS_KNOWN, ASSESSMENT_UNIT_LABELS } from "../../pipeline/publish/datasets/deltagarbedomning";
import { formatWithUnit } from "../format";

const SEX_LABEL = { T: "alla", K: "kvinnor", M: "män" } as const;

export interface AssessmentKpiLine {
  kpi: string;
  /** Kolada's title when fetched; else the documented one, or null where none is documented here. */
  title: string | null;
  /** "kommun, organisationsenhet i Kolada" – the units the values came in; "" before a fetch. */
  units: string;
  years: string;
}

export interface AssessmentValueLine {
  kpi: string;
  title: string;
  code: string;
  name: string;
  year: number;
  sex: string;
  text: string;
  note: string;
}

export interface AssessmentSection {
  fetched: boolean;
  titlePattern: string;
  firstId: string;
  lastId: string;
  kpis: AssessmentKpiLine[];
  /** Where the source of the known titles is described. */
  titleSource: string;
  kommunValues: number;
  kommunCount: number;
  riket: AssessmentValueLine[];
  /** Values per organisational unit: published, but not linked to a förbund. */
  unmatched: AssessmentValueLine[];
}

const line = (r: DeltagarbedomningRow): AssessmentValueLine => ({
  kpi: r.kpi,
  title: r.measure_label,
  code: r.code,
  name: r.name,
  year: r.year,
  sex: SEX_LABEL[r.sex],
  text: formatWithUnit(r.value, 1, "%"),
  note: r.note,
});

const span = (years: number[]) => (years.length === 0 ? "" : Math.min(...years) === Math.max(...years) ? String(years[0]) : `${Math.min(...years)}–${Math.max(...years)}`);

export function assessmentSection(rows: readonly DeltagarbedomningRow[]): AssessmentSection {
  const ids = ASSESSMENT_KPIS_KNOWN.ids;
  const documented = new Map<string, string>(ASSESSMENT_KPIS_KNOWN.titles.map((t) => [t.kpi, t.title]));
  const kpis = ids.map((kpi): AssessmentKpiLine => {
    const own = rows.filter((r) => r.kpi === kpi);
    const levels = [...new Set(own.map((r) => r.level))].map((l) => ASSESSMENT_UNIT_LABELS[l]);
    return { kpi, title: own[0]?.measure_label ?? documented.get(kpi) ?? null, units: levels.join(", "), years: span(own.filter((r) => r.value !== null).map((r) => r.year)) };
  });
  const kommun = rows.filter((r) => r.level === "kommun");
  return {
    fetched: rows.length > 0,
    titlePattern: ASSESSMENT_KPIS_KNOWN.titlePattern,
    firstId: ids[0]!,
    lastId: ids[ids.length - 1]!,
    kpis,
    titleSource: ASSESSMENT_KPIS_KNOWN.source,
    kommunValues: kommun.filter((r) => r.value !== null).length,
    kommunCount: new Set(kommun.map((r) => r.code)).size,
    riket: rows.filter((r) => r.level === "riket").map(line),
    unmatched: rows.filter((r) => r.level === "ou").map(line),
  };
}

/** One kommun's values, for its page; empty when Kolada reports none for it (or nothing is fetched). */
export function kommunAssessments(rows: readonly DeltagarbedomningRow[], kommunkod: string): AssessmentValueLine[] {
  return rows.filter((r) => r.level === "kommun" && r.code === kommunkod).map(line);
}
