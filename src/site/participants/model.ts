/**
 * The /deltagare/ page's model: charts and a year-by-year list built from two
 * published datasets, the Riksdag's 2015 tables (finsam-nationellt-2011-2015,
 * 2007–2015) and deltagare-nationellt (2012–2021, one source per row).
 * Pure functions of those rows, so tests can change a value and see the
 * chart's CSV and summary change. Never computes a figure a source lacks,
 * except the stated share "registered with personal data / all registered".
 */
import type { DeltagareNationelltRow } from "../../pipeline/publish/datasets/deltagare";
import type { PrintedTableRow } from "../../pipeline/publish/datasets/printed-tables";
import type { ChartPoint, ChartSeries, ChartSpec } from "../charts/spec";
import { formatNumber, joinSv } from "../format";

export const PARTICIPANT_DATASET = "deltagare-nationellt";
export const RIKSDAG_DATASET = "finsam-nationellt-2011-2015";

/** One published figure for a year, from either dataset, with who said it. */
export interface YearFigure {
  year: number;
  value: number;
  qualifier: string;
  publisher: string;
  url: string;
  quote: string;
  /** Where the figure can be checked: the source row or the report's table. */
  ref: string;
}

/** A line: figures from the Riksdag's tables (matched by table, measure and breakdown) and from deltagare-nationellt (by measure). */
interface SeriesDef {
  key: string;
  name: string;
  printed?: { table: string; measure: string; breakdown?: string };
  measure?: string;
}

const RIKSDAG_PUBLISHER = "Sveriges riksdag, socialförsäkringsutskottet (2015), ursprungligen Försäkringskassan";

function printedFigures(printed: readonly PrintedTableRow[], def: SeriesDef["printed"]): YearFigure[] {
  if (!def) return [];
  return printed
    .filter((r) => r.table === def.table && r.measure === def.measure && r.breakdown === (def.breakdown ?? "") && r.value !== null && /^\d{4}$/.test(r.period))
    .map((r) => ({ year: Number(r.period), value: r.value!, qualifier: "", publisher: RIKSDAG_PUBLISHER, url: "", quote: `${r.table_title}: ${r.value_printed}`, ref: `${r.table_title}, rad ${r.source_line} i rapporten` }));
}

function nationalFigures(rows: readonly DeltagareNationelltRow[], measure: string | undefined): YearFigure[] {
  if (!measure) return [];
  return rows
    .filter((r) => r.measure === measure)
    .map((r) => ({ year: r.year, value: r.value, qualifier: r.qualifier, publisher: r.publisher, url: r.source_url, quote: r.quote, ref: `${r.source_file}, rad ${r.source_row}` }));
}

/**
 * Every figure of a series by year. A year's first figure draws the line:
 * deltagare-nationellt's, which names its own source, before the 2015 table's
 * (for 2014 both give 17 079; the table rounds 39 009 to 39 000).
 */
function figuresByYear(def: SeriesDef, national: readonly DeltagareNationelltRow[], printed: readonly PrintedTableRow[]): Map<number, YearFigure[]> {
  const byYear = new Map<number, YearFigure[]>();
  for (const f of [...nationalFigures(national, def.measure), ...printedFigures(printed, def.printed)]) byYear.set(f.year, [...(byYear.get(f.year) ?? []), f]);
  return byYear;
}

/** One point per year from first to last, null where no source gives a figure: gaps stay gaps. */
function points(byYear: Map<number, YearFigure[]>, years: readonly [number, number]): ChartPoint[] {
  const out: ChartPoint[] = [];
  for (let y = years[0]; y <= years[1]; y++) out.push({ year: y, value: byYear.get(y)?.[0]?.value ?? null });
  return out;
}

const fmt = (f: YearFigure, unit: string) => `${f.qualifier ? f.qualifier + " " : ""}${formatNumber(f.value, Number.isInteger(f.value) ? 0 : 1)}${unit}`;

/** Sentences for figures the source gives as approximate, and for further figures of the same year that the line does not use. */
function figureNotes(name: string, byYear: Map<number, YearFigure[]>, unit: string): string[] {
  const approx: string[] = [];
  const others: string[] = [];
  for (const [year, figs] of [...byYear].sort(([a], [b]) => a - b)) {
    if (figs[0]!.qualifier) approx.push(`${year} ${fmt(figs[0]!, unit)}`);
    for (const f of figs.slice(1)) if (f.value !== figs[0]!.value || f.qualifier !== figs[0]!.qualifier) others.push(`${year} ${fmt(f, unit)} (${f.publisher})`);
  }
  return [
    approx.length ? `${name}: källan anger ungefärliga tal, ${joinSv(approx)}.` : "",
    others.length ? `${name}, andra uppgifter för samma år som linjen inte använder: ${joinSv(others)}.` : "",
  ].filter(Boolean);
}

export interface ParticipantInputs {
  national: readonly DeltagareNationelltRow[];
  printed: readonly PrintedTableRow[];
}

interface LineChart {
  id: string;
  title: string;
  lead: string;
  measure: ChartSpec["measure"];
  series: SeriesDef[];
  note?: (input: ParticipantInputs) => string;
}

/** How much of the picture SUS sees each year: registered with personal data / all registered, where a source gives both. */
export function susCoverage(input: ParticipantInputs): Array<{ year: number; withData: YearFigure; all: YearFigure; share: number }> {
  const all = figuresByYear(DELTAGARE.series[0]!, input.national, input.printed);
  const withData = figuresByYear(DELTAGARE.series[1]!, input.national, input.printed);
  return [...all.keys()]
    .sort((a, b) => a - b)
    .filter((y) => withData.has(y))
    .map((year) => {
      const a = all.get(year)![0]!;
      const w = withData.get(year)![0]!;
      return { year, withData: w, all: a, share: (w.value / a.value) * 100 };
    });
}

/** "SUS ser …": said on every results chart, from the data. */
export function coverageSentence(input: ParticipantInputs): string {
  const rows = susCoverage(input);
  if (!rows.length) return "Inga källor anger både alla deltagare och dem med personuppgifter för samma år.";
  const parts = rows.map((r) => `${r.year} ${formatNumber(r.share, 0)} % (${fmt(r.withData, "")} av ${fmt(r.all, "")})`);
  return `Bara deltagare registrerade med personuppgifter i SUS kan följas upp efter insatsen; anonymt registrerade och deltagare i volyminsatser räknas men följs inte. Andelen med personuppgifter: ${joinSv(parts)}. Andelen är riket som helhet och säger inget om ett enskilt förbund.`;
}

const DELTAGARE: LineChart = {
  id: "deltagare-per-ar",
  title: "Deltagare i individinriktade insatser per år",
  lead: "Antalet deltagare i individinriktade insatser (alla i SUS)",
  measure: { name: "Antal", unit: "personer", shortUnit: "", decimals: 0 },
  series: [
    { key: "alla", name: "Alla registrerade i SUS", printed: { table: "T03", measure: "Individinriktade insatser" }, measure: "deltagare_sus" },
    { key: "personuppgifter", name: "Registrerade med personuppgifter", printed: { table: "T09", measure: "registrerade_med_personuppgift" }, measure: "deltagare_personuppgifter" },
  ],
  note: coverageSentence,
};

const CHARTS: LineChart[] = [
  DELTAGARE,
  {
    id: "deltagare-till-arbete-eller-studier",
    title: "Andel av de avslutade som gick till arbete eller studier",
    lead: "Andelen av dem som avslutade en insats som gick direkt till arbete eller studier",
    measure: { name: "Andel", unit: "procent av dem som avslutade en insats", shortUnit: "%", decimals: 0 },
    series: [
      { key: "arbete-studier", name: "Till arbete eller studier", printed: { table: "T11", measure: "Deltagare i förvärvsarbete och/eller studier", breakdown: "%" }, measure: "andel_arbete_studier" },
      { key: "arbete-studier-arbetssokande", name: "Till arbete, studier eller arbetssökande (annat mått)", measure: "andel_arbete_studier_arbetssokande" },
    ],
    note: (input) =>
      `Måttet ”arbete, studier eller arbetssökande” är vidare och är en egen linje, inte en fortsättning på den andra. ${coverageSentence(input)}`,
  },
  {
    id: "deltagare-till-arbete-eller-studier-per-kon",
    title: "Andel till arbete eller studier, kvinnor och män",
    lead: "Andelen kvinnor som gick till arbete eller studier efter insatsen",
    measure: { name: "Andel", unit: "procent av dem som avslutade en insats", shortUnit: "%", decimals: 0 },
    series: [
      { key: "kvinnor", name: "Kvinnor", measure: "andel_arbete_studier_kvinnor" },
      { key: "man", name: "Män", measure: "andel_arbete_studier_man" },
    ],
    note: coverageSentence,
  },
  {
    id: "arbete-studier-fore-och-efter",
    title: "I arbete eller studier före och efter insatsen",
    lead: "Andelen av de avslutade som var i arbete eller studier efter insatsen",
    measure: { name: "Andel", unit: "procent av dem som avslutade en insats", shortUnit: "%", decimals: 0 },
    series: [
      { key: "efter", name: "Efter insatsen", printed: { table: "T12", measure: "I arbete/studier efter insats" } },
      { key: "fore", name: "Före insatsen", printed: { table: "T12", measure: "I arbete/studier före insats" } },
    ],
    note: (input) => `Riksdagens tabell 12 (Försäkringskassans återrapporter): andelen i arbete eller studier före insatsen och direkt efter den. ${coverageSentence(input)}`,
  },
  {
    id: "insatser-per-ar",
    title: "Insatser som förbunden finansierat per år",
    lead: "Antalet individinriktade insatser",
    measure: { name: "Antal", unit: "insatser", shortUnit: "", decimals: 0 },
    series: [
      { key: "individinriktade", name: "Individinriktade", printed: { table: "T04", measure: "Individinriktade insatser" }, measure: "insatser_individinriktade" },
      { key: "strukturovergripande", name: "Strukturövergripande", printed: { table: "T04", measure: "Strukturinriktade insatser" }, measure: "insatser_strukturovergripande" },
      { key: "alla", name: "Alla insatser", printed: { table: "T04", measure: "Totalt" }, measure: "insatser" },
      { key: "individinriktade-sus", name: "Individinriktade, registrerade i SUS (annat mått)", measure: "insatser_individinriktade_sus" },
    ],
    note: () =>
      "Strukturövergripande insatser kallas strukturinriktade i källorna till och med 2014. Från 2019 anger källan individinriktade insatser som registrerats i SUS, inte som finansierats; det är en egen linje.",
  },
  {
    id: "deltagare-med-aktivitetsersattning",
    title: "Deltagare med aktivitetsersättning",
    lead: "Antalet unga deltagare med aktivitetsersättning (riksdagens tabell 2)",
    measure: { name: "Antal", unit: "personer", shortUnit: "", decimals: 0 },
    series: [
      { key: "unga-aktivitetsersattning", name: "Unga med aktivitetsersättning (tabell 2)", printed: { table: "T02", measure: "Varav unga med aktivitetsersättning" } },
      { key: "aktivitetsersattning", name: "Med aktivitetsersättning (Arbetsförmedlingen)", measure: "deltagare_aktivitetsersattning" },
    ],
    note: () => "Två källor med olika avgränsning: riksdagens tabell 2 räknar unga 16–29 år med aktivitetsersättning i individinriktade insatser, Arbetsförmedlingens återrapport alla individer med aktivitetsersättning som tagit del av någon insats. De är därför två linjer.",
  },
  {
    id: "pengar-per-ar",
    title: "Pengar till samordningsförbunden per år",
    lead: "Statens medel till samordningsförbunden",
    measure: { name: "Belopp", unit: "miljoner kronor, löpande priser", shortUnit: "mnkr", decimals: 0 },
    series: [
      { key: "staten", name: "Statens medel", printed: { table: "T17", measure: "tilldelade_medel" }, measure: "statliga_medel" },
      { key: "alla-parter", name: "Alla parters medel", measure: "alla_parters_medel" },
    ],
    note: () => "Belopp som de publicerats, i löpande priser (inte justerade för prisförändringar). Statens medel 2007–2015 är de tilldelade medlen i riksdagens tabell 17.",
  },
  {
    id: "administrationens-andel",
    title: "Administrationens andel av förbundens kostnader",
    lead: "Administrationens andel av det redovisade utfallet",
    measure: { name: "Andel", unit: "procent av förbundens totala utfall", shortUnit: "%", decimals: 0 },
    series: [{ key: "administration", name: "Administration", measure: "andel_administration" }],
  },
];

/** Every chart of /deltagare/, built from the rows given. */
export function participantCharts(input: ParticipantInputs): ChartSpec[] {
  return CHARTS.map((c) => {
    const byYear = c.series.map((s) => figuresByYear(s, input.national, input.printed));
    const years = byYear.flatMap((m) => [...m.keys()]);
    const span: [number, number] = [Math.min(...years), Math.max(...years)];
    const series: ChartSeries[] = c.series.map((s, i) => ({ key: s.key, name: s.name, role: (i === 0 ? "focus" : "compare") as ChartSeries["role"], points: points(byYear[i]!, span) }))
      // A line without any figure in the sources is left out rather than drawn empty.
      .filter((s) => s.points.some((p) => p.value !== null));
    const unit = c.measure.shortUnit ? `\u00a0${c.measure.shortUnit}` : "";
    const notes = [...c.series.flatMap((s, i) => figureNotes(s.name, byYear[i]!, unit)), c.note?.(input) ?? ""].filter(Boolean);
    return {
      id: c.id,
      title: `${c.title}, ${span[0]}–${span[1]}`,
      measure: c.measure,
      series,
      datasets: c.series.some((s) => s.printed) ? [RIKSDAG_DATASET, PARTICIPANT_DATASET] : [PARTICIPANT_DATASET],
      printedTables: [...new Set(c.series.flatMap((s) => (s.printed ? [s.printed.table] : [])))],
      lead: c.lead,
      yZero: true,
      note: notes.join(" "),
    };
  });
}

/** A year's figures for the list on /deltagare/ (anchor #ar-YYYY), each with its source. */
export interface YearEntry {
  year: number;
  figures: Array<{ label: string; text: string; figure: YearFigure }>;
}

export function participantYears(input: ParticipantInputs, labels: Readonly<Record<string, string>>): YearEntry[] {
  const byYear = new Map<number, YearEntry["figures"]>();
  for (const c of CHARTS)
    for (const s of c.series)
      for (const [year, figs] of figuresByYear(s, input.national, input.printed))
        for (const f of figs) {
          const unit = c.measure.shortUnit ? `\u00a0${c.measure.shortUnit}` : "";
          const label = s.measure ? (labels[s.measure] ?? s.name) : `${c.title}: ${s.name}`;
          const list = byYear.get(year) ?? [];
          if (!list.some((x) => x.figure === f)) list.push({ label, text: fmt(f, unit), figure: f });
          byYear.set(year, list);
        }
  // Figures no chart draws (avslutade, the split of insatser, the allocation model …) are listed too.
  const drawn = new Set(CHARTS.flatMap((c) => c.series.flatMap((s) => (s.measure ? [s.measure] : []))));
  for (const r of input.national.filter((x) => !drawn.has(x.measure))) {
    const [f] = nationalFigures([r], r.measure);
    const unit = r.unit === "percent" ? "\u00a0%" : r.unit === "MSEK" ? "\u00a0mnkr" : r.unit === "TSEK" ? "\u00a0tkr" : "";
    byYear.set(r.year, [...(byYear.get(r.year) ?? []), { label: labels[r.measure] ?? r.measure, text: fmt(f!, unit), figure: f! }]);
  }
  // And every other cell of the 2015 tables the page draws on, so a year page can link here instead of repeating them.
  const drawnCells = new Set(CHARTS.flatMap((c) => c.series.flatMap((s) => (s.printed ? [`${s.printed.table}|${s.printed.measure}|${s.printed.breakdown ?? ""}`] : []))));
  for (const r of input.printed.filter((x) => x.value !== null && /^\d{4}$/.test(x.period) && !drawnCells.has(`${x.table}|${x.measure}|${x.breakdown}`))) {
    const [f] = printedFigures([r], { table: r.table, measure: r.measure, breakdown: r.breakdown });
    const unit = r.unit === "percent" ? "\u00a0%" : r.unit === "MSEK" ? "\u00a0mnkr" : "";
    const label = `${r.table_title}: ${r.measure.replaceAll("_", " ")}${r.breakdown && r.breakdown !== "%" && r.breakdown !== "Antal" ? `, ${r.breakdown}` : ""}`;
    byYear.set(f!.year, [...(byYear.get(f!.year) ?? []), { label, text: fmt(f!, unit), figure: f! }]);
  }
  return [...byYear].sort(([a], [b]) => a - b).map(([year, figures]) => ({ year, figures }));
}
