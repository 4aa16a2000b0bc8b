/**
 * Import tables that were printed in reports and extracted to CSV, keeping for
 * each figure the printed cell and its line in the source document:
 *   - the national Finsam tables of the Riksdag follow-up 2015 (Tabell 1–17),
 *     and its tables about single förbund (Bilaga 2: ./foerbund-tables.ts),
 *   - SOCSAM's 1998 financial result (Tabell 1 of the 1999 lägesrapport).
 * Each table's own columns are mapped to one tidy shape (PrintedFigure):
 * period, measure, breakdown, value, unit, value_printed, source_line, note.
 */
import type { FileTree } from "../atomic";
import { formatCsv, type CsvTable } from "../csv";
import { DataInputError } from "../errors";
import { SNAPSHOT_COLUMNS, foerbundFigureSchema, printedFigureSchema, type FoerbundFigure, type PrintedFigure, type Provenance } from "../schema";
import { assertUniqueKey, validateRow } from "../validate";
import { importBilaga2Tables } from "./foerbund-tables";
import { checkPrintedMatches } from "./printed-cell";
import { checksum, readSourceCsv } from "./source-files";

interface TableSpec {
  id: string;
  file: string;
  columns: string[];
  /** Column holding the period (year or year-month); null when the table has none. */
  period: string | null;
  measure: string;
  breakdown?: string;
  /** Extra text columns folded into the note. */
  noteColumns?: string[];
}

const RIKSDAG_DIR = "riksdag-2015/tables";
const std = (dims: string[], note = true) => ["table_id", "year", ...dims, "value", "unit", "value_printed", "source_line", ...(note ? ["note"] : [])];

/** The tables of the 2015 report, with the columns they were extracted in. */
export const RIKSDAG_TABLES: TableSpec[] = [
  { id: "T01", file: "t01_samordningsforbund_och_kommuner_2008_2015.csv", columns: ["table_id", "period", "period_printed", "measure", "value", "unit", "value_printed", "source_line", "note"], period: "period", measure: "measure" },
  { id: "T02", file: "t02_unga_och_aktivitetsersattning_2011_2014.csv", columns: std(["measure"]), period: "year", measure: "measure" },
  { id: "T03", file: "t03_deltagare_individ_struktur_2011_2014.csv", columns: std(["insatstyp"]), period: "year", measure: "insatstyp" },
  { id: "T04", file: "t04_antal_insatser_2011_2014.csv", columns: std(["insatstyp"]), period: "year", measure: "insatstyp" },
  { id: "T05", file: "t05_individinriktade_insatser_per_typ_2011_2014.csv", columns: std(["typ_av_insats"]), period: "year", measure: "typ_av_insats" },
  { id: "T06", file: "t06_aldersfordelning_deltagare_2011_2014.csv", columns: std(["aldersgrupp"]), period: "year", measure: "aldersgrupp" },
  { id: "T07", file: "t07_utbildningsniva_deltagare_vs_riket_2013.csv", columns: std(["population", "utbildningsniva"], false), period: "year", measure: "utbildningsniva", breakdown: "population" },
  { id: "T08", file: "t08_tid_i_offentlig_forsorjning_fore_insats_2011_2014.csv", columns: std(["tid_i_offentlig_forsorjning"]), period: "year", measure: "tid_i_offentlig_forsorjning" },
  { id: "T09", file: "t09_registrerade_och_avslutade_2012_2014.csv", columns: std(["measure"]), period: "year", measure: "measure" },
  { id: "T10", file: "t10_insatstyp_per_kon_2011_2014.csv", columns: std(["insatstyp", "kon"], false), period: "year", measure: "insatstyp", breakdown: "kon" },
  { id: "T11", file: "t11_till_arbete_eller_studier_2011_2014.csv", columns: std(["utfall", "measure"], false), period: "year", measure: "utfall", breakdown: "measure" },
  { id: "T12", file: "t12_arbete_studier_fore_efter_2012_2014.csv", columns: std(["measure", "measure_printed"]), period: "year", measure: "measure_printed" },
  { id: "T13", file: "t13_forsorjning_fore_efter_insats_2011_2014.csv", columns: std(["forsorjningsform", "tidpunkt"], false), period: "year", measure: "forsorjningsform", breakdown: "tidpunkt" },
  { id: "T14", file: "t14_deltagare_strukturinriktade_per_inriktning_2011_2014.csv", columns: std(["inriktning"]), period: "year", measure: "inriktning" },
  { id: "T15", file: "t15_samhallsekonomi_per_part_nns2015.csv", columns: ["table_id", "part", "nyckeltal", "value", "unit", "value_printed", "source_line", "note"], period: null, measure: "nyckeltal", breakdown: "part" },
  { id: "T16", file: "t16_anslag_1_6_sjukskrivningsprocessen_bp2015.csv", columns: ["table_id", "year", "aktor_syfte", "value", "unit", "value_printed", "ovrigt", "source_line"], period: "year", measure: "aktor_syfte", noteColumns: ["ovrigt"] },
  { id: "T17", file: "t17_statliga_medel_till_finsam_2005_2015.csv", columns: std(["measure"]), period: "year", measure: "measure" },
];

const INDEX_FILE = `${RIKSDAG_DIR}/INDEX.csv`;
const INDEX_COLUMNS = ["file", "table_id", "title", "source_kalla", "source_lines", "kind", "n_rows", "notes"];

export function importRiksdag2015(from: string): { files: FileTree; figures: PrintedFigure[] } {
  const index = readSourceCsv(from, INDEX_FILE, INDEX_COLUMNS);
  const titles = new Map(index.table.rows.map((r) => [r.values.table_id!, r.values]));
  const files: FileTree = new Map();
  const provenanceFiles: Provenance["files"] = [];
  const figures: PrintedFigure[] = [];
  for (const spec of RIKSDAG_TABLES) {
    const name = `${RIKSDAG_DIR}/${spec.file}`;
    const { table, source } = readSourceCsv(from, name, spec.columns);
    const rows = readPrintedTable(table, spec);
    figures.push(...rows);
    const path = `${spec.id.toLowerCase()}.csv`;
    files.set(path, formatCsv(SNAPSHOT_COLUMNS.printedFigure, rows));
    const meta = titles.get(spec.id);
    if (!meta) throw new DataInputError({ file: INDEX_FILE, column: "table_id", value: spec.id }, "table not listed in the index");
    provenanceFiles.push({
      path,
      title: meta.title!,
      from: [checksum(source), checksum(index.source)],
      source_ref: `${meta.source_kalla} (rad ${meta.source_lines} i rapporten)`,
      rows: rows.length,
    });
  }
  const perFoerbund = importFoerbundFigures(from);
  files.set(FOERBUND_FIGURES_PATH, formatCsv(SNAPSHOT_COLUMNS.foerbundFigure, perFoerbund.figures));
  provenanceFiles.push({
    path: FOERBUND_FIGURES_PATH,
    title: "Siffror per förbund ur rapportens löptext (Bilaga 2): deltagare, resultat, budget och finansiering",
    from: perFoerbund.sources,
    source_ref: "Bilaga 2 och kapitel 5, löptext; varje rad har sitt citat och radnummer",
    rows: perFoerbund.figures.length,
  });
  const bilaga2 = importBilaga2Tables(from, { titles, source: index.source });
  for (const [path, content] of bilaga2.files) files.set(path, content);
  provenanceFiles.push(...bilaga2.provenanceFiles);
  const provenance: Provenance = {
    source: "riksdag-2015",
    title: "Finsam – en uppföljning av finansiell samordning av rehabiliteringsinsatser (2014/15:RFR)",
    publisher: "Sveriges riksdag, socialförsäkringsutskottet",
    original_publishers: ["Försäkringskassan (SUS, återrapporter 2011–2014)", "Regeringen (budgetpropositioner)", "Nationella nätverket för samordningsförbund (NNS)"],
    licence: "Riksdagens publikationer är allmänna handlingar och fria att återanvända med källangivelse",
    period: "2005–2015",
    retrieval: {
      method: "Tabellerna avskrivna ur en textversion av rapporten (3 731 rader); varje värde har kvar sin tryckta form och radnummer. Rättelser av avskriften finns i CORRECTIONS.md i underlaget.",
      archive: "Rapporten 2014/15:RFR, juni 2015 (textextrakt, projektets seed 003)",
      archived_on: "2015-06",
      url: "https://www.riksdagen.se/sv/dokument-och-lagar/",
    },
    files: provenanceFiles,
    notes: [
      "Sju tryckta summor i rapporten går inte ihop; de behålls som de trycktes och anges i kolumnen note.",
      "Tabell 1 har rubriken 2008–2014 men trycker också en rad för maj 2015.",
    ],
  };
  files.set("provenance.json", JSON.stringify(provenance, null, 2) + "\n");
  return { files, figures };
}

export const FOERBUND_FIGURES_PATH = "foerbund/figures.csv";
const FOERBUND_TEXT_TABLES = [
  { id: "txt_03", file: "txt_03_bilaga2_resultat_lopande_text.csv", columns: ["dataset_id", "foerbund", "foerbund_id_2015", "verksamhet", "year", "measure", "value", "unit", "note", "source_line", "quote"] },
  { id: "txt_04", file: "txt_04_foerbund_finansiering_lopande_text.csv", columns: ["dataset_id", "foerbund", "foerbund_id_2015", "year", "measure", "value", "unit", "note", "source_line", "quote"] },
];

/** Per-förbund figures stated in the report's running text; a printed range "450-900" keeps both ends. */
function importFoerbundFigures(from: string): { figures: FoerbundFigure[]; sources: Provenance["files"][number]["from"] } {
  const figures: FoerbundFigure[] = [];
  const sources: Provenance["files"][number]["from"] = [];
  for (const t of FOERBUND_TEXT_TABLES) {
    const { table, source } = readSourceCsv(from, `${RIKSDAG_DIR}/${t.file}`, t.columns);
    sources.push(checksum(source));
    for (const row of table.rows) {
      const v = row.values;
      const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(v.value!.trim());
      figures.push(
        validateRow(
          foerbundFigureSchema,
          {
            row: row.row,
            values: {
              table: t.id,
              foerbund_id: v.foerbund_id_2015!,
              foerbund_printed: v.foerbund!,
              activity: v.verksamhet ?? "",
              period: v.year!,
              measure: v.measure!,
              value: range ? "" : v.value!,
              value_low: range ? range[1]! : "",
              value_high: range ? range[2]! : "",
              unit: v.unit!.replace(/ \(range\)$/, ""),
              note: v.note!,
              source_line: v.source_line!,
              quote: v.quote!,
            },
          },
          table.file,
        ),
      );
    }
  }
  return { figures, sources };
}

const SOCSAM_FILE = "socsam/tables/socsam_t1_financial_result_1998.csv";
const SOCSAM_MEASURES = [
  { column: "finansiell_ram_tkr", measure: "Finansiell ram", unit: "TSEK" },
  { column: "verksamhetens_kostnader_tkr", measure: "Verksamhetens kostnader", unit: "TSEK" },
  { column: "finansiellt_resultat_tkr", measure: "Finansiellt resultat", unit: "TSEK" },
  { column: "resultat_andel_av_ram_pct", measure: "Resultat som andel av ramen", unit: "percent" },
];

export function importSocsam1998(from: string): { files: FileTree; figures: PrintedFigure[] } {
  const columns = ["omrade", "ar", ...SOCSAM_MEASURES.map((m) => m.column), "is_total", "seed_line"];
  const { table, source } = readSourceCsv(from, SOCSAM_FILE, columns);
  const figures: PrintedFigure[] = [];
  for (const row of table.rows) {
    for (const m of SOCSAM_MEASURES) {
      const figure = validateRow(
        printedFigureSchema,
        {
          row: row.row,
          values: {
            table: "SOCSAM-T1",
            period: row.values.ar!,
            measure: m.measure,
            breakdown: row.values.omrade!,
            value: row.values[m.column]!,
            unit: m.unit,
            value_printed: row.values[m.column]!,
            source_line: row.values.seed_line!,
            note: row.values.is_total === "1" ? "Summa för alla åtta försöksområden" : "",
          },
        },
        table.file,
      );
      if (figure.value === null) throw new DataInputError({ file: table.file, row: row.row, column: m.column, value: "" }, "empty value in a fully printed table");
      figures.push(figure);
    }
  }
  assertUniqueKey(figures.map((f, i) => ({ ...f, row: table.rows[Math.floor(i / SOCSAM_MEASURES.length)]!.row })), ["breakdown", "measure", "period"], table.file);
  const files: FileTree = new Map([["socsam-t1-1998.csv", formatCsv(SNAPSHOT_COLUMNS.printedFigure, figures)]]);
  const provenance: Provenance = {
    source: "socsam",
    title: "SOCSAM – en mångfacetterad verksamhet (lägesrapport 1999), Tabell 1",
    publisher: "Riksförsäkringsverket (RFV) och Socialstyrelsen",
    original_publishers: ["De åtta SOCSAM-försöksområdenas årsredovisningar och verksamhetsberättelser 1998"],
    licence: "Offentlig rapport från statliga myndigheter; återges med källangivelse",
    period: "1998",
    retrieval: {
      method: "Tabell 1 avskriven ur en textversion av rapporten (projektets seed 000, rad 287–299); tusentalsmellanslag borttagna, decimalkomma till punkt.",
      archive: "RFV/Socialstyrelsen 1999, textextrakt",
      archived_on: "1999",
      url: "",
    },
    files: [{ path: "socsam-t1-1998.csv", title: "Tabell 1 Finansiellt resultat och andel av den finansiella ramen 1998. Tkr och procent", from: [checksum(source)], source_ref: "seed 000, rad 287–299", rows: figures.length }],
    notes: ["Finansiellt resultat = finansiell ram minus verksamhetens faktiska kostnader inom ramen.", "Haninge började 1998-04-01 och Laholm under 1998; Hyllie deltog bara 1998."],
  };
  files.set("provenance.json", JSON.stringify(provenance, null, 2) + "\n");
  return { files, figures };
}

function readPrintedTable(table: CsvTable, spec: TableSpec): PrintedFigure[] {
  const figures = table.rows.map((row) => {
    const v = row.values;
    if (v.table_id !== spec.id) throw new DataInputError({ file: table.file, row: row.row, column: "table_id", value: v.table_id }, `expected ${spec.id}`);
    const note = [v.note ?? "", ...(spec.noteColumns ?? []).map((c) => v[c]!)].filter(Boolean).join(" — ");
    const figure = validateRow(
      printedFigureSchema,
      {
        row: row.row,
        values: {
          table: spec.id,
          period: spec.period ? v[spec.period]! : "",
          measure: v[spec.measure]!,
          breakdown: spec.breakdown ? v[spec.breakdown]! : "",
          value: v.value!,
          unit: v.unit!,
          value_printed: v.value_printed!,
          source_line: v.source_line!,
          note,
        },
      },
      table.file,
    );
    checkPrintedMatches(figure, { file: table.file, row: row.row, column: "value", value: v.value });
    return { ...figure, row: row.row };
  });
  assertUniqueKey(figures, ["period", "measure", "breakdown"], table.file);
  return figures.map(({ row: _row, ...f }) => f);
}

