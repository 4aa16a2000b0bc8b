/**
 * The model of /historia/: the FINSAM (1993–1997) and SOCSAM (1994–2003)
 * trials, built only from the published datasets (socsam-*, finsam-*,
 * samordning*). Dates keep the precision their source states; a trial area is
 * linked to a later förbund only where a source row names one (none does yet).
 */
import { historyRows, kommuner, printedTable, type HistoryDatasetName } from "../data";
import { MONTH_NAMES, formatNumber, NBSP } from "../format";
import type { PublishedRow } from "../../pipeline/publish/datasets";

type Precision = PublishedRow<"socsam-tidslinje">["precision"];

export interface HistoryEvent {
  date: string;
  precision: Precision;
  /** The date in words at its own precision: "1997", "juli 1994", "hösten 1999", "1 juli 1997". */
  when: string;
  /** What the precision means, for the reader: "bara året", "månaden", "en årstid", "dagen". */
  precisionWords: string;
  scheme: string;
  area: string;
  event: string;
  source: string;
}

export const PRECISION_WORDS: Record<Precision, string> = { year: "bara året", season: "en årstid", month: "månaden", day: "dagen" };

/** Wording of a precision flag in English in the extract, in Swedish for the page; Swedish wording is shown as it is. */
const PRECISION_PRINTED_SV: Record<string, string> = { "year start": "vid årets början" };

/** A date in words, no sharper than its precision. */
export function dateInWords(date: string, precision: Precision, printed = ""): string {
  const [y, m, d] = date.split("-");
  const month = m ? MONTH_NAMES[Number(m) - 1] : "";
  const base = precision === "year" ? y! : precision === "day" ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
  if (precision === "season" && printed) return printed;
  const extra = PRECISION_PRINTED_SV[printed] ?? printed;
  return extra && !base.includes(extra) ? `${base} (${extra})` : base;
}

const sourceText = (seed: string, lines: string) => {
  const seeds = seed.split(";");
  const ls = lines.split(";");
  return seeds.map((s, i) => `dokument ${s}, rad ${ls[i] ?? ls[0]}`).join("; ");
};

export function historyEvents(): HistoryEvent[] {
  return historyRows("socsam-tidslinje")
    .map((r) => ({
      date: r.date,
      precision: r.precision,
      when: dateInWords(r.date, r.precision, r.precision_printed),
      precisionWords: PRECISION_WORDS[r.precision],
      scheme: r.scheme,
      area: r.area,
      event: r.event,
      source: sourceText(r.seed, r.source_lines),
    }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export type TrialStatus = "finsam" | "socsam" | "socsam-part" | "both";

export interface TrialKommun {
  kommunkod: string;
  name: string;
  status: TrialStatus;
  /** The trial areas, as the sources name them. */
  areas: string[];
  /** A later förbund, only where a source row names one; none of today's rows does. */
  laterFoerbund: null;
  laterFoerbundPrinted: string;
}

/** Kommuner that held a trial: FINSAM 1993–1997, SOCSAM 1994–2003, or both (Gotland). */
export function trialKommuner(): TrialKommun[] {
  const names = new Map(kommuner().map((k) => [k.kommunkod, k.name]));
  const byCode = new Map<string, TrialKommun>();
  const get = (code: string) => {
    let k = byCode.get(code);
    if (!k) byCode.set(code, (k = { kommunkod: code, name: names.get(code) ?? code, status: "finsam", areas: [], laterFoerbund: null, laterFoerbundPrinted: "" }));
    return k;
  };
  for (const r of historyRows("finsam-omraden-1993-1997")) get(r.kommunkod).areas.push(`FINSAM: ${r.lan_printed}`);
  for (const r of historyRows("socsam-omraden")) {
    const k = get(r.kommunkod);
    const wasFinsam = k.areas.length > 0;
    k.areas.push(`SOCSAM: ${r.area}`);
    k.status = wasFinsam ? "both" : r.area_type.startsWith("kommun ") || r.area_type === "kommun" ? "socsam" : "socsam-part";
    k.laterFoerbundPrinted = r.later_foerbund_printed;
  }
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/** Whether the sources state a later förbund for the area: the extract writes "not stated" where they do not. */
export const laterFoerbundStated = (printed: string) => printed !== "" && !printed.startsWith("not stated");

export interface ResultRow {
  area: string;
  ram: number | null;
  costs: number | null;
  result: number | null;
  share: number | null;
  sharePrinted: string;
  isTotal: boolean;
  /** 1997 as the prose states it: "cirka −1 % av ramen (löptext)"; "" where no sentence covers 1997. */
  prose1997: string;
  prose1997Source: string;
}

const signed = (x: number, decimals: number) => (x < 0 ? "−" : x > 0 ? "+" : "") + formatNumber(Math.abs(x), decimals);

/** Table 1 of 1998 per area, with the 1997 result beside it where the prose states one. */
export function financialResults(): ResultRow[] {
  const t1 = printedTable("SOCSAM-T1", "socsam-1998");
  const prose = historyRows("socsam-resultat-text").filter((r) => r.period_start.startsWith("1997") && r.unit === "procent av ramen");
  const areas = [...new Set(t1.map((r) => r.breakdown))];
  const cell = (area: string, measure: string) => t1.find((r) => r.breakdown === area && r.measure === measure);
  return areas.map((area) => {
    const p = prose.find((r) => r.area === area);
    const decimals = (v: number | null) => (v === null ? 0 : String(v).split(".")[1]?.length ?? 0);
    const hedge = p && p.qualifier !== "as stated" ? `${p.qualifier} ` : "";
    const share = cell(area, "Resultat som andel av ramen");
    return {
      area,
      ram: cell(area, "Finansiell ram")?.value ?? null,
      costs: cell(area, "Verksamhetens kostnader")?.value ?? null,
      result: cell(area, "Finansiellt resultat")?.value ?? null,
      share: share?.value ?? null,
      sharePrinted: share?.value_printed ?? "",
      isTotal: area === "Summa",
      prose1997: p && p.value !== null ? `${hedge}${signed(p.value, decimals(p.value))}${NBSP}% (${p.period_printed === "1997H2" ? "andra halvåret 1997" : p.period_printed})` : "",
      prose1997Source: p ? `”${p.quote}” (dokument ${p.seed}, rad ${p.source_lines})` : "",
    };
  });
}

export interface SurveyGroup {
  survey: string;
  rows: Array<{ group: string; area: string; indicator: string; value: string; quote: string; line: string }>;
}

/** A share in words as the survey reported it: "cirka 30 %", "drygt en tredjedel (33 %)", "mellan 28 och 38 %". */
export function shareText(value: number | null, high: number | null, qualifier: string): string {
  if (value === null) return qualifier.replace(/\s*\(.*\)$/, "") + " (inget tal anges)";
  const n = (x: number) => formatNumber(x, x % 1 === 0 ? 0 : 1);
  if (high !== null) return `${n(value)}–${n(high)}${NBSP}%`;
  if (qualifier === "as stated" || qualifier === "sammanlagt") return `${n(value)}${NBSP}%`;
  if (/\p{L}+ \p{L}+|hälften|varannan|fjärde/u.test(qualifier) && !/^(cirka|drygt|närmare|ungefär|omkring)$/.test(qualifier)) return `${qualifier} (≈${NBSP}${n(value)}${NBSP}%)`;
  return `${qualifier} ${n(value)}${NBSP}%`;
}

export function surveys(): SurveyGroup[] {
  const groups = new Map<string, SurveyGroup>();
  for (const r of historyRows("socsam-enkater")) {
    const g = groups.get(r.survey) ?? { survey: r.survey, rows: [] };
    g.rows.push({ group: r.respondent_group, area: r.area, indicator: r.indicator, value: shareText(r.value, r.value_high, r.qualifier), quote: r.quote, line: r.source_lines });
    groups.set(r.survey, g);
  }
  return [...groups.values()];
}

export function gotland() {
  const events = historyEvents().filter((e) => e.area.includes("Gotland"));
  const end = events.find((e) => e.date === "2000-12-31")!;
  const deficit = historyRows("socsam-resultat-text").find((r) => r.area === "Gotland" && r.unit === "MSEK")!;
  const t1 = financialResults().find((r) => r.area === "Gotland")!;
  const sample = historyRows("socsam-gotland-intervjuer");
  const activities = historyRows("socsam-gotland-aktiviteter");
  return { events, end, deficit, result1998: t1, sample, activities };
}

export function coordinationForms() {
  return historyRows("samordningsformer-fore-2004");
}

export function nationalFigures() {
  return historyRows("samordning-nationellt-fridolf");
}

export const HISTORY_DATASETS: HistoryDatasetName[] = ["socsam-tidslinje", "socsam-omraden", "finsam-omraden-1993-1997", "socsam-resultat-text", "socsam-enkater", "socsam-gotland-intervjuer", "samordningsformer-fore-2004", "samordning-nationellt-fridolf", "socsam-gotland-aktiviteter"];
