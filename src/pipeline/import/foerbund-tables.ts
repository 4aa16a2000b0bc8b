/**
 * The tables about single förbund in Bilaga 2 of the Riksdag follow-up 2015
 * (B2-08 … B2-16: Skellefteå, Norra Bohuslän and Uddevalla–Orust–Färgelanda,
 * Göteborg Nordost, Göteborg Hisingen (Delta), BÅD-ESÅ, Kalmar län), each
 * extracted in its own layout. Every cell becomes one FoerbundTableFigure:
 * the förbund, the activity or project, period, measure (code and printed
 * label), breakdown, value, unit, the printed cell, its line in the report,
 * and a note in Swedish. Nothing is computed: sums stay as printed rows.
 */
import type { FileTree } from "../atomic";
import { formatCsv } from "../csv";
import { DataInputError } from "../errors";
import { SNAPSHOT_COLUMNS, foerbundTableFigureSchema, type FoerbundTableFigure, type Provenance } from "../schema";
import { assertUniqueKey, validateRow } from "../validate";
import { checkPrintedMatches } from "./printed-cell";
import { checksum, readSourceCsv, type SourceFile } from "./source-files";

type Cells = Record<string, string | undefined>;

/** One cell as a spec maps it, before the shared fields (table, förbund, source line) are added. */
interface MappedCell {
  activity?: string;
  period: string;
  measure: string;
  measure_printed?: string;
  breakdown?: string;
  value: string;
  /** The unit as the extract writes it (see UNITS). */
  unit: string;
  value_printed: string;
  /** The extract's note, in English: published in its Swedish wording from NOTES. */
  extractNote?: string;
  /** Our own remarks, in Swedish, from other columns of the row. */
  remarks?: string[];
}

interface Bilaga2Table {
  id: string;
  file: string;
  columns: string[];
  /** The registry id of the förbund, or the column naming it and the ids of those names. */
  foerbund: string | { column: string; ids: Record<string, string> };
  /** What the report cites for the table, in Swedish. */
  cites: string;
  /** A title of our own where the index's is not the printed one. */
  title?: string;
  cell(v: Cells): MappedCell;
}

const DIR = "riksdag-2015/tables";
const INDEX_FILE = `${DIR}/INDEX.csv`;
export const FOERBUND_TABLES_DIR = "foerbund";

/** The extract's unit words, and what we publish for them. */
const UNITS: Record<string, { unit: string; note?: string }> = {
  persons: { unit: "persons" },
  count: { unit: "count" },
  percent: { unit: "percent" },
  SEK: { unit: "SEK" },
  TSEK: { unit: "TSEK" },
  "persons (unit not printed)": { unit: "persons", note: "Tabellen skriver ingen enhet; avskriften läser talen som antal personer." },
  "persons? (unit not printed)": { unit: "unknown", note: "Tabellen skriver ingen enhet, och det går inte säkert att säga vad talen räknar." },
};

/** The extract's notes (English), in Swedish. A note not listed stops the import: nothing untranslated reaches the site. */
const NOTES: Record<string, string> = {
  'approximate ("Ca")': "Ungefärligt tal (tryckt ”Ca”).",
  'no participant count; "Ca 30 företag tar emot praktikanter"': "Inget antal deltagare i tabellen; där står ”Ca 30 företag tar emot praktikanter”.",
  'printed "Ca 10 %"': "Tryckt ”Ca 10 %”.",
  'printed "Återremiss"': "Tryckt ”Återremiss”.",
  "four values sum to 104 of 132 participants; unit ambiguous": "De fyra talen summerar till 104 av 132 deltagare; enheten är oklar.",
  "unit ambiguous": "Enheten är oklar.",
  'Printed "Kvinnor/män"; the pair sums to Avslutade deltagare, so it refers to those who ended': "Tryckt ”Kvinnor/män”; paret summerar till antalet avslutade deltagare och gäller alltså dem som avslutats.",
  "blank in source (implied 0 where the To column is printed)": "Tom ruta i tabellen (troligen 0, men inte tryckt).",
  "blank in source": "Tom ruta i tabellen.",
  "216/665 = 32.5 % but printed 33 %": "216/665 = 32,5 %, men tryckt 33 %.",
};

/** "2010–2013" → "2010..2013"; a year, a month or a span already in that form stays. */
function period(printed: string): string {
  return printed.trim().replace(/^(\d{4})\s*[–-]\s*(\d{4})$/, "$1..$2");
}

/** A remark as a sentence: a full stop unless the printed text already ends with one ("Soc.styr."). */
const sentence = (text: string) => (text.endsWith(".") ? text : `${text}.`);

const std = (dims: string[]) => ["table_id", "year", ...dims, "value", "unit", "value_printed", "source_line"];

export const BILAGA2_TABLES: Bilaga2Table[] = [
  {
    id: "B2-08",
    file: "b2_08_skelleftea_projekt_2013.csv",
    columns: ["table_id", "year", "verksamhet", "finansiering_markering", "projektperiod", "status_printed", "malgrupp_deltagare_printed", "deltagare", "deltagare_note", "metod", "resultat_printed", "source_line"],
    foerbund: "skelleftea-norsjo",
    cites: "Verksamhetsplan 2015–2017, Samordningsförbundet Skellefteå–Norsjö, 23 november 2014 (rapportens fotnot 152)",
    cell: (v) => ({
      activity: v.verksamhet!,
      period: period(v.projektperiod!),
      measure: "deltagare",
      measure_printed: "Deltagare under projekttiden",
      value: v.deltagare!,
      unit: "persons",
      value_printed: v.malgrupp_deltagare_printed!,
      extractNote: v.deltagare_note!,
      remarks: [sentence(`Status: ${v.status_printed}`), v.finansiering_markering ? sentence(`Finansiering: ${v.finansiering_markering}`) : ""],
    }),
  },
  {
    id: "B2-08b",
    file: "b2_08b_skelleftea_projekt_2013_resultat.csv",
    columns: ["table_id", "year", "verksamhet", "utfall", "value", "unit", "bas", "resultat_printed", "source_line", "note"],
    foerbund: "skelleftea-norsjo",
    cites: "Verksamhetsplan 2015–2017, Samordningsförbundet Skellefteå–Norsjö, 23 november 2014 (rapportens fotnot 152)",
    title: "Verksamhet och projekt i Skellefteå 2013: resultatkolumnen, tal för tal",
    cell: (v) => ({ activity: v.verksamhet!, period: period(v.year!), measure: v.utfall!, breakdown: v.bas!, value: v.value!, unit: v.unit!, value_printed: v.resultat_printed!, extractNote: v.note! }),
  },
  {
    id: "B2-09",
    file: "b2_09_finsamteamen_norra_bohuslan_uof_2013.csv",
    columns: ["table_id", "year", "foerbund", "foerbund_id_2015", "measure", "measure_printed", "value", "unit", "value_printed", "source_line", "note"],
    foerbund: { column: "foerbund", ids: { "Samordningsförbundet Norra Bohuslän": "norra-bohuslan", "Samordningsförbundet Uddevalla, Orust och Färgelanda": "uddevalla-orust-fargelanda" } },
    cites: "Förbundens egna underlag (bl.a. delårsrapport januari–augusti 2014); ingen källa tryckt under tabellen",
    cell: (v) => ({ period: period(v.year!), measure: v.measure!, measure_printed: v.measure_printed!, value: v.value!, unit: v.unit!, value_printed: v.value_printed!, extractNote: v.note! }),
  },
  {
    id: "B2-10",
    file: "b2_10_goteborg_nordost_avslut_per_verksamhet_2013.csv",
    columns: ["table_id", "year", "aktivitet", "measure", "avslutsanledning", "kon", "value", "unit", "value_printed", "source_line", "note"],
    foerbund: "goteborg-nordost",
    cites: "Samordningsförbundet Göteborg Nordost, Årsredovisning 2013 (rapportens fotnot 154)",
    cell: (v) => ({
      activity: v.aktivitet!,
      period: period(v.year!),
      measure: v.avslutsanledning ? `${v.measure}_${v.avslutsanledning}` : v.measure!,
      breakdown: v.kon!,
      value: v.value!,
      unit: v.unit!,
      value_printed: v.value_printed!,
      extractNote: v.note!,
    }),
  },
  {
    id: "B2-11",
    file: "b2_11_goteborg_nordost_oversikt_2012_2013.csv",
    columns: [...std(["measure"]), "note"],
    foerbund: "goteborg-nordost",
    cites: "Samordningsförbundet Göteborg Nordost, Årsredovisning 2013 (rapportens fotnot 154)",
    cell: (v) => ({ period: period(v.year!), measure: v.measure!, value: v.value!, unit: v.unit!, value_printed: v.value_printed!, extractNote: v.note! }),
  },
  {
    id: "B2-12",
    file: "b2_12_delta_budget_2015.csv",
    columns: std(["verksamhet"]),
    foerbund: "goteborg-hisingen-delta",
    cites: "Budget och verksamhetsplan för 2015, Samordningsförbundet Göteborg Hisingen (rapportens fotnot 156)",
    cell: (v) => ({ activity: v.verksamhet!, period: period(v.year!), measure: "anvisade_medel", measure_printed: "Anvisade medel", value: v.value!, unit: v.unit!, value_printed: v.value_printed! }),
  },
  {
    id: "B2-13",
    file: "b2_13_bad_esa_sus_2013_2014.csv",
    columns: std(["measure", "measure_printed"]),
    foerbund: "bengtsfors-amal-dals-ed-saffle-och-arjang-bad-esa",
    cites: "Registreringar i SUS; förbundets årsredovisning och verksamhetsplan (ingen källa tryckt under tabellen)",
    cell: (v) => ({ period: period(v.year!), measure: v.measure!, measure_printed: v.measure_printed!, value: v.value!, unit: v.unit!, value_printed: v.value_printed! }),
  },
  {
    id: "B2-14",
    file: "b2_14_kalmar_projekt_budget_2015.csv",
    columns: ["table_id", "budget_year", "projekt", "projektavslut_printed", "projektavslut", "value", "unit", "value_printed", "source_line"],
    foerbund: "kalmar-lan",
    cites: "Verksamhetsplan och budget för 2015, Samordningsförbundet i Kalmar län",
    cell: (v) => ({
      activity: v.projekt!,
      period: period(v.budget_year!),
      measure: "beraknad_kostnad",
      measure_printed: "Beräknad kostnad",
      value: v.value!,
      unit: v.unit!,
      value_printed: v.value_printed!,
      remarks: [v.projektavslut_printed ? sentence(`Projektavslut: ${v.projektavslut_printed}`) : ""],
    }),
  },
  {
    id: "B2-15",
    file: "b2_15_kalmar_arbete_studier_efter_avslut_2009_2014.csv",
    columns: ["table_id", "period", "period_printed", "measure", "value", "unit", "value_printed", "source_line"],
    foerbund: "kalmar-lan",
    cites: "Presentation av förbundschefen, november 2014",
    cell: (v) => ({ period: period(v.period!), measure: v.measure!, value: v.value!, unit: v.unit!, value_printed: v.value_printed!, remarks: [v.period_printed !== v.period ? `Perioden tryckt ”${v.period_printed}”.` : ""] }),
  },
  {
    id: "B2-16",
    file: "b2_16_kalmar_trearsbudget_2015_2017.csv",
    columns: std(["section", "post"]),
    foerbund: "kalmar-lan",
    cites: "Förbundets budgetdokument (ingen källa tryckt under tabellen)",
    cell: (v) => ({ activity: v.section!, period: period(v.year!), measure: v.post!, measure_printed: v.post!, value: v.value!, unit: v.unit!, value_printed: v.value_printed! }),
  },
];

const snapshotPath = (id: string) => `${FOERBUND_TABLES_DIR}/${id.toLowerCase()}.csv`;

/**
 * Reads each Bilaga 2 table and returns its snapshot file and provenance
 * entry. `index` is the extract's INDEX.csv (titles and line ranges).
 */
export function importBilaga2Tables(from: string, index: { titles: Map<string, Cells>; source: SourceFile }): { files: FileTree; provenanceFiles: Provenance["files"] } {
  const files: FileTree = new Map();
  const provenanceFiles: Provenance["files"] = [];
  for (const spec of BILAGA2_TABLES) {
    const { table, source } = readSourceCsv(from, `${DIR}/${spec.file}`, spec.columns);
    const rows: Array<FoerbundTableFigure & { row: number }> = [];
    for (const row of table.rows) {
      const v = row.values;
      if (v.table_id !== spec.id) throw new DataInputError({ file: table.file, row: row.row, column: "table_id", value: v.table_id ?? "" }, `expected ${spec.id} in this file`);
      let foerbundId: string;
      if (typeof spec.foerbund === "string") foerbundId = spec.foerbund;
      else {
        const named = spec.foerbund.ids[v[spec.foerbund.column] ?? ""];
        if (!named) throw new DataInputError({ file: table.file, row: row.row, column: spec.foerbund.column, value: v[spec.foerbund.column] ?? "" }, `not a förbund this table is known to list (${Object.keys(spec.foerbund.ids).join("; ")})`);
        foerbundId = named;
      }
      const cell = spec.cell(v);
      const unit = UNITS[cell.unit];
      if (!unit) throw new DataInputError({ file: table.file, row: row.row, column: "unit", value: cell.unit }, `unknown unit (known: ${Object.keys(UNITS).join(", ")})`);
      let translated = "";
      if (cell.extractNote) {
        const sv = NOTES[cell.extractNote];
        if (!sv) throw new DataInputError({ file: table.file, row: row.row, column: "note", value: cell.extractNote }, "note without a Swedish wording in NOTES");
        translated = sv;
      }
      const notes = [translated, ...(cell.remarks ?? [])].filter(Boolean);
      if (unit.note) notes.push(unit.note);
      const figure = validateRow(
        foerbundTableFigureSchema,
        {
          row: row.row,
          values: {
            table: spec.id,
            foerbund_id: foerbundId,
            activity: cell.activity ?? "",
            period: cell.period,
            measure: cell.measure,
            measure_printed: cell.measure_printed ?? "",
            breakdown: cell.breakdown ?? "",
            value: cell.value,
            unit: unit.unit,
            value_printed: cell.value_printed,
            source_line: v.source_line!,
            note: notes.join(" "),
          },
        },
        table.file,
      );
      checkPrintedMatches(figure, { file: table.file, row: row.row, column: "value", value: cell.value });
      rows.push({ ...figure, row: row.row });
    }
    if (!rows.length) throw new DataInputError({ file: table.file }, "table has no rows");
    assertUniqueKey(rows, ["foerbund_id", "activity", "period", "measure", "breakdown"], table.file);
    const meta = index.titles.get(spec.id);
    if (!meta) throw new DataInputError({ file: INDEX_FILE, column: "table_id", value: spec.id }, "table not listed in the index");
    const path = snapshotPath(spec.id);
    files.set(path, formatCsv(SNAPSHOT_COLUMNS.foerbundTableFigure, rows));
    provenanceFiles.push({
      path,
      title: spec.title ?? meta.title!.replace(/\s*\(untitled table\)$/, ""),
      from: [checksum(source), checksum(index.source)],
      source_ref: `Bilaga 2, rad ${meta.source_lines} i rapporten; rapporten anger som underlag: ${spec.cites}`,
      rows: rows.length,
    });
  }
  return { files, provenanceFiles };
}
