/**
 * Import deltagare, insatser, results and money (`--only deltagare`) from
 *   - foerbund-history/national_counts{,_2,_3}.csv: one published statement a
 *     row (year_or_date, metric, value, source URL, quote), the value cell in
 *     the collector's words, e.g. "1105 (559 individinriktade, 546 …)";
 *   - riksdag-2015/tables/txt_01_nyckeltal_lopande_text.csv: the figures of
 *     the 2015 follow-up's running text that its Tabell 1–17 do not hold (all
 *     SUS participants 2014, anonymous and volume participants, administration).
 * Each metric has labelled patterns that read figures out of the value cell;
 * every figure read must also stand in the source's quote (so no number is
 * ours), and the word before it there ("drygt", "ca") is kept as qualifier.
 * Counts of förbund and kommuner are the registry's business and are skipped.
 */
import type { FileTree } from "../atomic";
import { formatCsv, type CsvRow } from "../csv";
import { DataInputError } from "../errors";
import {
  FOERBUND_MEASURES,
  foerbundParticipantSchema,
  NATIONAL_MEASURES,
  nationalFigureSchema,
  PARTICIPANT_COLUMNS,
  PARTICIPANT_QUALIFIERS,
  type FoerbundMeasure,
  type FoerbundParticipantFigure,
  type NationalFigure,
  type NationalMeasure,
} from "../participants";
import type { Provenance } from "../schema";
import { assertUniqueKey, validateRow } from "../validate";
import { checksum, readSourceCsv, type SourceFile } from "./source-files";

export const COUNT_FILES = ["foerbund-history/national_counts.csv", "foerbund-history/national_counts_2.csv", "foerbund-history/national_counts_3.csv"] as const;
const COUNT_COLUMNS = ["year_or_date", "metric", "value", "source_url_or_repo_path", "quote"];
export const RIKSDAG_TEXT_FILE = "riksdag-2015/tables/txt_01_nyckeltal_lopande_text.csv";
const RIKSDAG_TEXT_COLUMNS = ["dataset_id", "topic", "year", "measure", "value", "unit", "note", "source_line", "quote"];

/** A number as the collector writes it: "28 381", "1105", "33%". */
const N = String.raw`(\d{1,3}(?: \d{3})+|\d+)`;
const rx = (s: string) => new RegExp(s.replaceAll("N", N), "i");
const LEAD = String.raw`^(?:drygt |ca |nästan |cirka )?N`;

interface Rule<M> {
  pattern: RegExp;
  measure: M;
  /** SEK in the cell, MSEK in the data. */
  toMillions?: boolean;
}
const national = (pattern: string, measure: NationalMeasure, toMillions = false): Rule<NationalMeasure> => ({ pattern: rx(pattern), measure, toMillions });
const perFoerbund = (pattern: string, measure: FoerbundMeasure, toMillions = false): Rule<FoerbundMeasure> => ({ pattern: rx(pattern), measure, toMillions });

/** National metrics: which figures each value cell holds. */
const NATIONAL_RULES: Record<string, Rule<NationalMeasure>[]> = {
  participants_individinriktade: [national(LEAD, "deltagare_sus")],
  participants_SUS_total: [national(LEAD, "deltagare_sus"), national(String.raw`\(N with personuppgifter`, "deltagare_personuppgifter")],
  participants_with_personuppgifter: [national(LEAD, "deltagare_personuppgifter")],
  participants_by_benefit: [national("N aktivitetsersättning", "deltagare_aktivitetsersattning"), national("N sjukpenning", "deltagare_sjukpenning")],
  finished_count: [national(LEAD, "avslutade")],
  share_to_work_or_studies_of_finished: [national(LEAD + "%", "andel_arbete_studier"), national("further N% registered as arbetssökande", "andel_arbetssokande_dessutom")],
  share_to_work_or_studies_by_sex: [national(String.raw`\bmen N%`, "andel_arbete_studier_man"), national("women N%", "andel_arbete_studier_kvinnor")],
  share_to_work_studies_or_jobseeker_of_finished: [national(LEAD + "%", "andel_arbete_studier_arbetssokande")],
  insatser_count: [
    national(LEAD + String.raw`(?!%)\b`, "insatser"),
    national("N individinriktade", "insatser_individinriktade"),
    national("N struktur(?:inriktade|övergripande)", "insatser_strukturovergripande"),
    national("N% individinriktade", "andel_insatser_individinriktade"),
    national("N% strukturövergripande", "andel_insatser_strukturovergripande"),
  ],
  // "2019 registrerades 1 138 individinriktade insatser": registered in SUS, not "financed" as in 2012–2018.
  insatser_individinriktade_count: [national(LEAD, "insatser_individinriktade_sus")],
  insatser_share: [national("N% individinriktade", "andel_insatser_individinriktade"), national("N% strukturövergripande", "andel_insatser_strukturovergripande")],
  state_money_to_foerbund_SEK: [national(LEAD, "statliga_medel", true)],
  total_money_all_parties_SEK: [national(LEAD, "alla_parters_medel", true)],
  allocation_rule: [
    national("grundtilldelning N tkr", "fordelning_grundtilldelning"),
    national("N% försörjningsmått", "fordelning_andel_forsorjningsmatt"),
    national("N% invånare 16-64", "fordelning_andel_befolkning"),
  ],
};

/** Per-förbund metrics. */
const FOERBUND_RULES: Record<string, Rule<FoerbundMeasure>[]> = {
  participants_foerbund: [
    perFoerbund("= N", "deltagare"),
    perFoerbund("N personer", "deltagare"),
    perFoerbund("N inskrivna", "deltagare"),
    perFoerbund("N deltagare", "deltagare"),
    perFoerbund("N individstöd", "deltagare_individstod"),
    perFoerbund("N genomlysningar", "genomlysningar"),
    perFoerbund("N with personuppgifter", "deltagare_personuppgifter"),
    perFoerbund("N women", "deltagare_kvinnor"),
    perFoerbund(String.raw`\bN men\b`, "deltagare_man"),
    perFoerbund("N (?:avslutade|avslut)", "avslutade"),
    perFoerbund(String.raw`N \(\d+%\) to arbete/studier`, "till_arbete_studier"),
    perFoerbund(String.raw`\(N%\) to arbete/studier`, "andel_till_arbete_studier"),
    perFoerbund("N to arbete,", "till_arbete"),
    perFoerbund("N to studier", "till_studier"),
  ],
  participants_to_work_or_studies: [perFoerbund(LEAD, "till_arbete_studier")],
  budget_foerbund: [perFoerbund("N SEK", "budget", true)],
};

/**
 * Counts of förbund and kommuner (the registry's own import reads them),
 * changes against another year, and notes without a figure of ours.
 */
const SKIPPED_METRIC = /^(foerbund_count|member_kommuner|non_member_kommuner|NNS_)|(_note|_change|_changes|_change_vs_prev_year)$/;

/** Which förbund a per-förbund row is about, where the value cell does not say it before a colon. */
const FOERBUND_WITHOUT_COLON: Array<{ pattern: RegExp; name: string; activity: string }> = [
  { pattern: /\(Finsam Malmö, Malmökraften\)/, name: "Finsam Malmö", activity: "Malmökraften" },
  { pattern: /^Södra Dalarnas samordningsförbund /, name: "Södra Dalarnas samordningsförbund", activity: "" },
];

/** Who published each source address; an unknown address stops the import rather than guessing. */
const PUBLISHERS: Array<[prefix: string, publisher: string]> = [
  ["http://www.finsam.se/", "Nationella rådet för finansiell samordning (finsam.se)"],
  ["https://www.finsam.se/", "Nationella rådet för finansiell samordning (finsam.se)"],
  ["https://arbetsformedlingen.se/", "Arbetsförmedlingen"],
  ["https://data.riksdagen.se/", "Sveriges riksdag"],
  ["http://docplayer.se/1370170-", "Försäkringskassan: Uppföljning av finansiell samordning 2012 (kopia på docplayer.se)"],
  ["http://docplayer.se/45646045-", "Försäkringskassan: Uppföljning av samordningsförbundens insatser 2016 (kopia på docplayer.se)"],
  ["http://spotidoc.com/doc/4063500/", "Försäkringskassan: Fördelningsmodell för statens medelstilldelning till samordningsförbunden (kopia på spotidoc.com)"],
  ["https://forsakringskassan.se/", "Försäkringskassan"],
  ["https://www.finsamdalarna.se/", "Samordningsförbunden i Dalarna (finsamdalarna.se)"],
  ["http://www.sofvg.se/alvochkust/", "Samordningsförbundet Ale, Kungälv, Stenungsund och Tjörn (sofvg.se)"],
  ["https://samsund.se/", "samsund.se (ett samordningsförbunds webbplats)"],
  ["https://finsamsuvs.se/", "Samordningsförbundet Sollentuna, Upplands Väsby och Sigtuna (finsamsuvs.se)"],
  ["https://samordningsforbund.se/umearegionen", "Samordningsförbundet Umeåregionen (samordningsforbund.se)"],
];

export const RIKSDAG_PUBLISHER = "Sveriges riksdag, socialförsäkringsutskottet: Finsam – en uppföljning (2014/15:RFR), ursprungligen Försäkringskassan (SUS)";

/** txt_01 rows taken, by topic and measure. */
const RIKSDAG_TEXT_MEASURES: Record<string, NationalMeasure> = {
  "SUS deltagare individinriktade|deltagare_totalt": "deltagare_sus",
  "SUS deltagare individinriktade|volyminsatser": "deltagare_volyminsatser",
  "SUS deltagare individinriktade|anonymt_registrerade": "deltagare_anonyma",
  "SUS deltagare individinriktade|registrerade_med_personuppgifter": "deltagare_personuppgifter",
  "Till arbete/studier per kön|man": "andel_arbete_studier_man",
  "Till arbete/studier per kön|kvinnor": "andel_arbete_studier_kvinnor",
  "Administrationskostnader andel av redovisat utfall|andel": "andel_administration",
};

export interface ParticipantsImport {
  files: FileTree;
  national: NationalFigure[];
  foerbund: FoerbundParticipantFigure[];
}

export function importParticipants(from: string): ParticipantsImport {
  const nationalRows: Array<NationalFigure & { row: number }> = [];
  const foerbundRows: Array<FoerbundParticipantFigure & { row: number }> = [];
  const sources: SourceFile[] = [];
  let skippedUndated = 0;
  for (const name of COUNT_FILES) {
    const { table, source } = readSourceCsv(from, name, COUNT_COLUMNS);
    sources.push(source);
    for (const row of table.rows) {
      const metric = row.values.metric!;
      const isNational = metric in NATIONAL_RULES;
      if (!isNational && !(metric in FOERBUND_RULES)) {
        if (SKIPPED_METRIC.test(metric)) continue;
        throw new DataInputError({ file: name, row: row.row, column: "metric", value: metric }, "unknown metric: add it to the rules in src/pipeline/import/participants.ts or to the skipped ones");
      }
      const period = row.values.year_or_date!;
      const year = /^(\d{4})/.exec(period)?.[1];
      if (!year) {
        // "recent years", "undated": no year to place the figure in.
        skippedUndated++;
        continue;
      }
      if (isNational) for (const f of readFigures(name, row, NATIONAL_RULES[metric]!, year)) nationalRows.push(validated<NationalFigure>(nationalFigureSchema, name, row, f));
      else {
        const { foerbund_printed, activity, note } = whichFoerbund(name, row);
        for (const f of readFigures(name, row, FOERBUND_RULES[metric]!, year))
          foerbundRows.push(validated<FoerbundParticipantFigure>(foerbundParticipantSchema, name, row, { ...f, foerbund_printed, activity, note: [note, f.note].filter(Boolean).join("; ") }));
      }
    }
  }
  const riksdag = readRiksdagText(from);
  sources.push(riksdag.source);
  nationalRows.push(...riksdag.rows);

  assertUniqueKey(nationalRows, ["year", "measure", "source_id"], "national figures");
  assertUniqueKey(foerbundRows, ["foerbund_printed", "activity", "year", "measure", "source_id"], "per-förbund figures");
  const strip = <T extends { row: number }>({ row: _r, ...f }: T) => f;
  const nationalFigures = nationalRows.map(strip) as NationalFigure[];
  const foerbundFigures = foerbundRows.map(strip) as FoerbundParticipantFigure[];
  const files: FileTree = new Map([
    ["national.csv", formatCsv(PARTICIPANT_COLUMNS.national, nationalFigures)],
    ["foerbund.csv", formatCsv(PARTICIPANT_COLUMNS.foerbund, foerbundFigures)],
  ]);
  files.set("provenance.json", JSON.stringify(provenanceOf(sources, nationalFigures.length, foerbundFigures.length, skippedUndated), null, 2) + "\n");
  return { files, national: nationalFigures, foerbund: foerbundFigures };
}

type RawFigure = Record<string, string>;

/** Apply a metric's rules to one value cell; each rule that matches gives one figure, and at least one must. */
function readFigures<M extends string>(file: string, row: CsvRow, rules: Rule<M>[], year: string): RawFigure[] {
  const cell = row.values.value!;
  const quote = row.values.quote!;
  const url = row.values.source_url_or_repo_path!;
  const at = (column: string, value: string) => ({ file, row: row.row, column, value });
  const figures: RawFigure[] = [];
  for (const rule of rules) {
    const m = rule.pattern.exec(cell);
    if (!m) continue;
    const printed = m[1]!.replaceAll(" ", "");
    const value = rule.toMillions ? Number(printed) / 1e6 : Number(printed);
    const inQuote = quoteNumber(quote, printed) ?? quoteNumber(quote, String(value));
    if (!inQuote) throw new DataInputError(at("quote", quote), `the figure ${m[1]} read from the value cell for ${rule.measure} is not in the quote`);
    if (figures.some((f) => f.measure === rule.measure)) throw new DataInputError(at("value", cell), `two figures for ${rule.measure} in one cell`);
    figures.push({
      year,
      period_printed: row.values.year_or_date!,
      measure: rule.measure,
      value: String(value),
      unit: unitOf(rule.measure),
      qualifier: inQuote.qualifier,
      value_printed: cell,
      source_id: sourceId(file, row.row),
      source_file: file,
      source_row: String(row.row),
      source_url: url,
      publisher: publisherOf(url, at("source_url_or_repo_path", url)),
      quote,
      note: "",
    });
  }
  if (!figures.length) throw new DataInputError(at("value", cell), "no figure recognised in the value cell for this metric");
  return figures;
}

function unitOf(measure: string): string {
  return (NATIONAL_MEASURES as Record<string, { unit: string }>)[measure]?.unit ?? (FOERBUND_MEASURES as Record<string, { unit: string }>)[measure]!.unit;
}

/**
 * Where the number stands in the quote (thousands separators removed), and
 * the source's own qualifying word right before it ("Drygt 33 500" → drygt).
 */
export function quoteNumber(quote: string, digits: string): { qualifier: string } | null {
  const flat = quote.replace(/(\d)[\s\u00a0](?=\d{3}(?!\d))/g, "$1");
  const m = new RegExp(String.raw`(?:^|[^\d,.])(\d+(?:[.,]\d+)?)(?![\d])`, "g");
  for (const hit of flat.matchAll(m)) {
    if (hit[1]!.replace(",", ".") !== digits) continue;
    const before = flat.slice(0, hit.index! + hit[0].length - hit[1]!.length).trimEnd();
    const word = /(\p{L}+)$/u.exec(before)?.[1]?.toLowerCase() ?? "";
    return { qualifier: (PARTICIPANT_QUALIFIERS as readonly string[]).includes(word) ? word : "" };
  }
  return null;
}

function publisherOf(url: string, at: ConstructorParameters<typeof DataInputError>[0]): string {
  const hit = PUBLISHERS.find(([prefix]) => url.startsWith(prefix));
  if (!hit) throw new DataInputError(at, "no publisher known for this address: add it to PUBLISHERS in src/pipeline/import/participants.ts");
  return hit[1];
}

const sourceId = (file: string, row: number) => `${file.split("/").pop()!.replace(/\.csv$/, "").replaceAll("_", "-")}-r${row}`;

/** The förbund a row is about: the text before the colon, its parenthesis kept as note. */
function whichFoerbund(file: string, row: CsvRow): { foerbund_printed: string; activity: string; note: string } {
  const cell = row.values.value!;
  const colon = cell.indexOf(":");
  if (colon > 0) {
    const head = cell.slice(0, colon);
    const notes = [...head.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!);
    return { foerbund_printed: head.replace(/\s*\([^)]*\)/g, "").trim(), activity: "", note: notes.join("; ") };
  }
  const known = FOERBUND_WITHOUT_COLON.find((k) => k.pattern.test(cell));
  if (!known) throw new DataInputError({ file, row: row.row, column: "value", value: cell }, "cannot tell which förbund this figure is about (no 'Name:' before the figures)");
  return { foerbund_printed: known.name, activity: known.activity, note: "" };
}

function validated<T>(schema: typeof nationalFigureSchema | typeof foerbundParticipantSchema, file: string, row: CsvRow, values: RawFigure): T & { row: number } {
  const parsed = validateRow(schema, { row: row.row, values }, file);
  return { ...parsed, row: row.row } as unknown as T & { row: number };
}

function readRiksdagText(from: string): { rows: Array<NationalFigure & { row: number }>; source: SourceFile } {
  const { table, source } = readSourceCsv(from, RIKSDAG_TEXT_FILE, RIKSDAG_TEXT_COLUMNS);
  const rows: Array<NationalFigure & { row: number }> = [];
  for (const row of table.rows) {
    const v = row.values;
    const measure = RIKSDAG_TEXT_MEASURES[`${v.topic}|${v.measure}`];
    if (!measure) continue;
    const inQuote = quoteNumber(v.quote!, v.value!);
    if (!inQuote) throw new DataInputError({ file: RIKSDAG_TEXT_FILE, row: row.row, column: "quote", value: v.quote }, `the value ${v.value} is not in the quote`);
    const qualifier = inQuote.qualifier || (/printed "ca"/.test(v.note!) ? "ca" : "");
    const figure = validateRow(
      nationalFigureSchema,
      {
        row: row.row,
        values: {
          year: v.year!,
          period_printed: v.year!,
          measure,
          value: v.value!,
          unit: NATIONAL_MEASURES[measure].unit,
          qualifier,
          value_printed: v.value!,
          source_id: `rr2015-txt-01-r${row.row}`,
          source_file: RIKSDAG_TEXT_FILE,
          source_row: String(row.row),
          source_url: "",
          publisher: RIKSDAG_PUBLISHER,
          quote: v.quote!,
          note: [`rad ${v.source_line} i rapporten`, v.note].filter(Boolean).join("; "),
        },
      },
      RIKSDAG_TEXT_FILE,
    );
    if (figure.unit !== unitFromRiksdag(v.unit!)) throw new DataInputError({ file: RIKSDAG_TEXT_FILE, row: row.row, column: "unit", value: v.unit }, `expected the unit of ${measure} (${figure.unit})`);
    rows.push({ ...(figure as NationalFigure), row: row.row });
  }
  return { rows, source };
}

const unitFromRiksdag = (unit: string) => (unit === "count_insatser" ? "count" : unit);

function provenanceOf(sources: SourceFile[], nationalRows: number, foerbundRows: number, skippedUndated: number): Provenance {
  return {
    source: "deltagare",
    title: "Deltagare, insatser, resultat och pengar i samordningsförbunden, nationellt och per förbund",
    publisher: "Finsam i siffror (sammanställning av publicerade uppgifter, en källa per rad)",
    original_publishers: [
      "Nationella rådet för finansiell samordning (finsam.se)",
      "Försäkringskassan (SUS, återrapporter)",
      "Arbetsförmedlingen",
      "Sveriges riksdag",
      "Enskilda samordningsförbund",
    ],
    licence: "Offentliga uppgifter från myndigheter och förbund, återgivna med källangivelse; varje rad har sin adress och sitt citat",
    period: "2011–2022",
    retrieval: {
      method:
        "Varje rad i källtabellerna är ett publicerat påstående med källans adress och egna ord. Siffrorna läses ur värdecellen efter mönster per mått, och varje siffra måste stå i citatet; ordet före siffran i citatet (drygt, ca, nästan) sparas som qualifier. Belopp i kronor räknas om till miljoner kronor.",
      archive: "Lagrade kopior av de publicerade sidorna (projektets underlag foerbund-history/ och riksdag-2015/)",
      archived_on: "2026-11",
      url: "",
    },
    files: [
      {
        path: "national.csv",
        title: "Nationella siffror per år: deltagare, insatser, resultat och pengar",
        from: sources.map(checksum),
        source_ref: "En rad per siffra; source_file, source_row, source_url och quote pekar ut källan",
        rows: nationalRows,
      },
      {
        path: "foerbund.csv",
        title: "Siffror om enskilda förbund: deltagare, resultat och budget",
        from: sources.filter((s) => s.name.startsWith("foerbund-history/")).map(checksum),
        source_ref: "En rad per siffra; source_file, source_row, source_url och quote pekar ut källan",
        rows: foerbundRows,
      },
    ],
    notes: [
      `${skippedUndated} rader utan år i källan (t.ex. "de senaste åren") är inte med, eftersom de inte kan placeras på ett år.`,
      "Antal förbund och medlemskommuner läses av förbundsregistret, inte här. Förändringar mot ett annat år (t.ex. \"minskat med 15 procent\") är inte med som egna siffror.",
    ],
  };
}
