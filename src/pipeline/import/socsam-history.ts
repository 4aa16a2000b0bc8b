/**
 * Import the tables about the trials before Finsam (socsam/ in the source
 * folder): the SOCSAM and FINSAM trial areas, the dated events 1992–2006, the
 * results stated in prose, the questionnaire percentages, the Gotland
 * interview sample, Fridolf's classification of coordination forms and the
 * national figures he quotes. Each becomes data/snapshot/socsam/history/<id>.csv.
 * Checks: every figure is a number its quoted sentence states (stated-number.ts),
 * units come from a closed list, dates keep the precision the source states,
 * and place names resolve to a kommunkod of today's 290 kommuner.
 */
import type { FileTree } from "../atomic";
import { formatCsv, type CsvRow } from "../csv";
import { DataInputError } from "../errors";
import { HISTORY_SCHEMAS, historyColumns, type HistoryTableId, type HistoryTables } from "../history-schema";
import type { Kommun, PrintedFigure, Provenance } from "../schema";
import { assertUniqueKey } from "../validate";
import { importSocsam1998 } from "./printed-tables";
import { checkStated } from "./stated-number";
import { checksum, readSourceCsv } from "./source-files";

const DIR = "socsam";
type Values = Record<string, string>;
type KeyedRow = Record<string, string | number> & { row: number };
/** Snapshot column → source column, so an error names the column of the file that is wrong. */
type Mapped = { values: Values; from: Record<string, string> };

interface Spec {
  id: HistoryTableId;
  file: string;
  title: string;
  sourceRef: string;
  columns: string[];
  /** Map one source row to snapshot values; throw a DataInputError for anything the schema cannot see. */
  map: (v: Values, at: { file: string; row: number }, ctx: { kommunkod: (name: string, column: string) => string }) => Mapped;
  /** Key that must be unique (snapshot columns). */
  key: string[];
}

const seedOf = (cell: string) => cell.split(/;\s*/).map((s) => s.slice(0, 3)).join(";");
const linesOf = (cell: string) => cell.replace(/\s+/g, "");

/** "month (halvårsskiftet)" → month + the wording in brackets. */
function precisionOf(cell: string): { precision: string; printed: string } {
  const m = /^(\w+)(?: \((.*)\))?$/.exec(cell.trim());
  return { precision: m?.[1] ?? cell, printed: m?.[2] ?? "" };
}

const PROSE_UNITS: Record<string, string> = { pct_of_ram: "procent av ramen", msek: "MSEK" };

export const HISTORY_SPECS: Spec[] = [
  {
    id: "tidslinje",
    file: `${DIR}/tables/socsam_timeline.csv`,
    title: "Händelser 1992–2006 med datum i den precision källan anger",
    sourceRef: "seed 000, 001, 002 och 004; radnummer per rad",
    columns: ["date", "date_precision", "scheme", "omrade", "event_sv_en", "seed", "seed_line"],
    key: ["date", "area", "event"],
    map: (v, at) => {
      const { precision, printed } = precisionOf(v.date_precision!);
      const seed = seedOf(v.seed!);
      const line = linesOf(v.seed_line!);
      if (seed.split(";").length > line.split(";").length)
        throw new DataInputError({ ...at, column: "seed_line", value: v.seed_line }, `every seed (${v.seed}) needs its line`);
      return {
        values: { date: v.date!, precision, precision_printed: printed, scheme: v.scheme!, area: v.omrade!, event: v.event_sv_en!, seed, source_line: line },
        from: { date: "date", precision: "date_precision", area: "omrade", event: "event_sv_en", seed: "seed", source_line: "seed_line" },
      };
    },
  },
  {
    id: "socsam-omraden",
    file: `${DIR}/socsam_areas.csv`,
    title: "De åtta SOCSAM-försöksområdena: huvudmän, start, slut och resultat",
    sourceRef: "seed 000, 001, 002 och 004; radnummer per rad (source_lines)",
    columns: ["omrade", "omrade_typ", "projekt_namn", "ledningsorgan_as_stated", "ledningsform", "huvudman_kommun", "huvudman_landsting_as_stated", "huvudman_forsakringskassa_as_stated", "ovriga_parter_as_stated", "start_as_stated", "start_iso", "start_precision", "end_as_stated", "end_iso", "end_status", "malgrupper_sv", "alder_avgransning", "politikernas_ansvarssyn", "styrningsstrategi", "antal_aktiviteter_as_stated", "named_activities_sv", "finansiellt_resultat_1998_tkr", "finansiell_ram_1998_tkr", "resultat_1997_pct_of_ram_as_stated", "projektledare_1999", "later_events", "became_finsam_foerbund_per_seeds", "source_lines"],
    key: ["area"],
    map: (v, at, ctx) => ({
      values: {
        area: v.omrade!,
        area_type: v.omrade_typ!,
        project_name: v.projekt_namn!,
        leadership_form: v.ledningsform!,
        kommunkod: ctx.kommunkod(v.huvudman_kommun!, "huvudman_kommun"),
        start_printed: v.start_as_stated!,
        start: v.start_iso!,
        start_precision: v.start_precision!,
        end_printed: v.end_as_stated!,
        // Only a plain date is a date; "2002-12-31 (planned) / …" stays in the printed text.
        end: /^\d{4}-\d{2}-\d{2}$/.test(v.end_iso!) ? v.end_iso! : "",
        result_1998_tkr: v.finansiellt_resultat_1998_tkr!,
        ram_1998_tkr: v.finansiell_ram_1998_tkr!,
        result_1997_printed: v.resultat_1997_pct_of_ram_as_stated!,
        later_foerbund_printed: v.became_finsam_foerbund_per_seeds!,
        source_lines: v.source_lines!,
      },
      from: { area: "omrade", start: "start_iso", start_precision: "start_precision", end: "end_iso", result_1998_tkr: "finansiellt_resultat_1998_tkr", ram_1998_tkr: "finansiell_ram_1998_tkr" },
    }),
  },
  {
    id: "socsam-resultat-text",
    file: `${DIR}/tables/socsam_financial_result_prose.csv`,
    title: "Finansiella resultat som rapporterna anger i löptext (1997, 1998, 1998–1999)",
    sourceRef: "seed 000 rad 62–395 och seed 001 rad 162, 465",
    columns: ["omrade", "period", "period_start", "period_end", "measure", "value", "result_type_sv", "qualifier_sv", "phrase_sv", "seed_file", "seed_line"],
    key: ["area", "period_printed", "unit", "source_line"],
    map: (v, at) => {
      const unit = PROSE_UNITS[v.measure!];
      if (!unit) throw new DataInputError({ ...at, column: "measure", value: v.measure }, `unknown measure; known: ${Object.keys(PROSE_UNITS).join(", ")}`);
      checkStated(v.value!, v.phrase_sv!, { ...at, column: "value" });
      const sign = v.value === "" ? 0 : Math.sign(Number(v.value));
      if ((v.result_type_sv === "underskott" && sign > 0) || (v.result_type_sv === "överskott" && sign < 0))
        throw new DataInputError({ ...at, column: "value", value: v.value }, `the sign does not match "${v.result_type_sv}"`);
      return {
        values: { area: v.omrade!, period_printed: v.period!, period_start: v.period_start!, period_end: v.period_end!, value: v.value!, value_high: "", unit, result_type: v.result_type_sv!, qualifier: v.qualifier_sv!, quote: v.phrase_sv!, seed: seedOf(v.seed_file!), source_line: linesOf(v.seed_line!) },
        from: { area: "omrade", period_start: "period_start", period_end: "period_end", value: "value", source_line: "seed_line", seed: "seed_file" },
      };
    },
  },
  {
    id: "socsam-enkater",
    file: `${DIR}/tables/socsam_actor_surveys_pct.csv`,
    title: "Aktörernas syn på SOCSAM: andelar i de tre enkäterna (huvudmän, personal, medaktörer)",
    sourceRef: "seed 000, rad 399–509",
    columns: ["survey", "respondent_group", "omrade", "indicator", "value_pct", "value_pct_high", "qualifier_sv", "phrase_sv", "seed_line"],
    key: ["survey", "respondent_group", "area", "indicator"],
    map: (v, at) => {
      // A share the extract read from outside the quote ("en majoritet (>50)") is not a stated number: no value.
      const readElsewhere = /\(.*\d.*\)/.test(v.qualifier_sv!);
      const value = readElsewhere ? "" : v.value_pct!;
      checkStated(value, v.phrase_sv!, { ...at, column: "value_pct" });
      checkStated(v.value_pct_high!, v.phrase_sv!, { ...at, column: "value_pct_high" });
      return {
        values: { survey: v.survey!, respondent_group: v.respondent_group!, area: v.omrade!, indicator: v.indicator!, value, value_high: v.value_pct_high!, unit: "procent", qualifier: v.qualifier_sv!, quote: v.phrase_sv!, seed: "000", source_line: linesOf(v.seed_line!) },
        from: { value: "value_pct", value_high: "value_pct_high", source_line: "seed_line" },
      };
    },
  },
  {
    id: "gotland-intervjuer",
    file: `${DIR}/tables/gotland_interview_sample.csv`,
    title: "Gotlandsstudiens urval: population, urval och intervjuade efter funktion",
    sourceRef: "seed 001, rad 201–208 och 502",
    columns: ["category", "subcategory_sv", "count", "qualifier_sv", "seed_line"],
    key: ["category", "description"],
    map: (v) => ({
      values: { category: v.category!, description: v.subcategory_sv!, value: v.count!, qualifier: v.qualifier_sv!, seed: "001", source_line: linesOf(v.seed_line!) },
      from: { category: "category", value: "count", source_line: "seed_line" },
    }),
  },
  {
    id: "gotland-aktiviteter",
    file: `${DIR}/tables/gotland_activities_by_type.csv`,
    title: "Gotland: de dokumenterade aktiviteterna i SOCSAM efter slag",
    sourceRef: "seed 001, rad 355",
    columns: ["activity_type_sv", "activity_type_en", "count", "seed_line"],
    key: ["activity_type"],
    map: (v) => ({
      values: { activity_type: v.activity_type_sv!, value: v.count!, is_total: v.activity_type_sv!.startsWith("totalt") ? "1" : "0", seed: "001", source_line: linesOf(v.seed_line!) },
      from: { activity_type: "activity_type_sv", value: "count", source_line: "seed_line" },
    }),
  },
  {
    id: "samordningsformer",
    file: `${DIR}/tables/coordination_forms_classification.csv`,
    title: "Former för samordning före 2004 (Fridolf, CEFOS 2003, figur 1–2)",
    sourceRef: "seed 004, rad 218–240",
    columns: ["form", "full_name_sv", "legal_basis_as_cited", "status_type", "period_as_stated", "samordning_av (Fig.1)", "samordning_av_resurser_gemensam_budget (Fig.1)", "finansiell_samordning (Fig.2)", "politisk_samordning (Fig.2)", "egen_juridisk_person", "target_group_as_stated", "seed_lines"],
    key: ["form"],
    map: (v) => {
      const code = (cell: string) => cell.split(" ")[0]!;
      return {
        values: {
          form: v.form!, full_name: v.full_name_sv!, legal_basis: v.legal_basis_as_cited!, status: v.status_type!, period_printed: v.period_as_stated!,
          coordinates: v["samordning_av (Fig.1)"]!,
          resources: code(v["samordning_av_resurser_gemensam_budget (Fig.1)"]!), resources_printed: v["samordning_av_resurser_gemensam_budget (Fig.1)"]!,
          financial: code(v["finansiell_samordning (Fig.2)"]!), financial_printed: v["finansiell_samordning (Fig.2)"]!,
          political: code(v["politisk_samordning (Fig.2)"]!), political_printed: v["politisk_samordning (Fig.2)"]!,
          legal_person: code(v.egen_juridisk_person!), legal_person_printed: v.egen_juridisk_person!,
          target_group: v.target_group_as_stated!, seed: "004", source_lines: v.seed_lines!.replace(/\s+/g, ""),
        },
        from: { form: "form", resources: "samordning_av_resurser_gemensam_budget (Fig.1)", financial: "finansiell_samordning (Fig.2)", political: "politisk_samordning (Fig.2)", legal_person: "egen_juridisk_person" },
      };
    },
  },
  {
    id: "samordning-nationellt",
    file: `${DIR}/tables/national_coordination_numbers.csv`,
    title: "Siffror om FRISAM, FINSAM, SOCSAM, RESAM och FAROS i Fridolfs text",
    sourceRef: "seed 004, rad 218–232",
    columns: ["scheme", "indicator", "period", "value", "value_high", "unit", "qualifier_sv", "phrase_sv", "cited_source_in_text", "seed_line"],
    key: ["scheme", "indicator", "period_printed"],
    map: (v, at) => {
      checkStated(v.value!, v.phrase_sv!, { ...at, column: "value" });
      checkStated(v.value_high!, v.phrase_sv!, { ...at, column: "value_high" });
      if ((v.unit === "") !== (v.value === "")) throw new DataInputError({ ...at, column: "unit", value: v.unit }, "a value needs a unit, and a unit needs a value");
      return {
        values: { scheme: v.scheme!, indicator: v.indicator!, period_printed: v.period!, value: v.value!, value_high: v.value_high!, unit: v.unit!, qualifier: v.qualifier_sv!, quote: v.phrase_sv!, cited_source: v.cited_source_in_text!, seed: "004", source_line: linesOf(v.seed_line!) },
        from: { value: "value", value_high: "value_high", unit: "unit", source_line: "seed_line" },
      };
    },
  },
];

/** The FINSAM trial areas are one row per län with its kommuner: one snapshot row per kommun. */
const FINSAM_FILE = `${DIR}/tables/finsam_1993_1997_areas.csv`;

function importFinsamAreas(from: string, kommunkod: (name: string, column: string, at: { file: string; row: number }) => string) {
  const { table, source } = readSourceCsv(from, FINSAM_FILE, ["lan", "kommuner_as_stated", "notes", "seed_file", "seed_line"]);
  const rows: KeyedRow[] = [];
  for (const r of table.rows) {
    const v = r.values;
    for (const name of v.kommuner_as_stated!.split(/;\s*/)) {
      const values = { lan_printed: v.lan!, kommun_printed: name, kommunkod: kommunkod(name, "kommuner_as_stated", { file: table.file, row: r.row }), note: v.notes!, seed: seedOf(v.seed_file!), source_line: linesOf(v.seed_line!) };
      rows.push({ ...parse("finsam-omraden", { values, from: { seed: "seed_file", source_line: "seed_line" } }, table.file, r), row: r.row });
    }
  }
  assertUniqueKey(rows, ["kommunkod"], table.file);
  return { rows, source };
}

function parse(id: HistoryTableId, m: Mapped, file: string, row: CsvRow): Values {
  const result = HISTORY_SCHEMAS[id].safeParse(m.values);
  if (result.success) return result.data as Values;
  const issue = result.error.issues[0]!;
  const column = issue.path.length ? String(issue.path[0]) : undefined;
  const sourceColumn = column ? (m.from[column] ?? column) : undefined;
  throw new DataInputError({ file, row: row.row, column: sourceColumn, value: sourceColumn ? (row.values[sourceColumn] ?? m.values[column!]) : undefined }, issue.message);
}

/** Today's kommun for a name as the source prints it ("Stenungsunds kommun", "Malmö stad (Hyllie …)", "Eskilstuna"). */
function kommunResolver(kommuner: readonly Kommun[]) {
  const byName = new Map(kommuner.map((k) => [k.name, k.kommunkod]));
  return (printed: string, column: string, at: { file: string; row: number }): string => {
    const base = printed.replace(/\s*\(.*$/, "").replace(/ (kommun|stad)$/, "").trim();
    const code = byName.get(base) ?? byName.get(base.replace(/s$/, ""));
    if (!code) throw new DataInputError({ ...at, column, value: printed }, "no kommun of that name among today's 290 kommuner");
    return code;
  };
}

export function importSocsamHistory(from: string, kommuner: readonly Kommun[]): { files: FileTree; provenanceFiles: Provenance["files"]; tables: HistoryTables } {
  const resolve = kommunResolver(kommuner);
  const files: FileTree = new Map();
  const provenanceFiles: Provenance["files"] = [];
  const tables = {} as Record<HistoryTableId, Values[]>;
  const put = (id: HistoryTableId, rows: Values[], title: string, sources: Provenance["files"][number]["from"], sourceRef: string) => {
    const path = `history/${id}.csv`;
    files.set(path, formatCsv(historyColumns(id), rows));
    provenanceFiles.push({ path, title, from: sources, source_ref: sourceRef, rows: rows.length });
    tables[id] = rows;
  };
  for (const spec of HISTORY_SPECS) {
    const { table, source } = readSourceCsv(from, spec.file, spec.columns);
    const rows: KeyedRow[] = table.rows.map((r) => {
      const at = { file: table.file, row: r.row };
      return { ...parse(spec.id, spec.map(r.values, at, { kommunkod: (name, column) => resolve(name, column, at) }), table.file, r), row: r.row };
    });
    assertUniqueKey(rows, spec.key, table.file);
    put(spec.id, rows.map(({ row: _r, ...v }) => v as Values), spec.title, [checksum(source)], spec.sourceRef);
  }
  checkInterviewSample(tables["gotland-intervjuer"], HISTORY_SPECS.find((s) => s.id === "gotland-intervjuer")!.file);
  checkActivityTotal(tables["gotland-aktiviteter"], HISTORY_SPECS.find((s) => s.id === "gotland-aktiviteter")!.file);
  const finsam = importFinsamAreas(from, resolve);
  put("finsam-omraden", finsam.rows.map(({ row: _r, ...v }) => v as Values), "De fem FINSAM-försöksområdena 1993–1997 och deras kommuner", [checksum(finsam.source)], "seed 004 rad 224; seed 000 rad 369");
  return { files, provenanceFiles, tables: tables as unknown as HistoryTables };
}

/** The activity types must add up to the printed total. */
function checkActivityTotal(rows: Values[], file: string): void {
  const total = rows.filter((r) => r.is_total === "1");
  const sum = rows.filter((r) => r.is_total === "0").reduce((s, r) => s + Number(r.value), 0);
  if (total.length !== 1 || Number(total[0]!.value) !== sum)
    throw new DataInputError({ file, column: "count", value: total[0]?.value ?? "" }, `the total row (${total[0]?.value ?? "missing"}) differs from the sum of the types (${sum})`);
}

/** The interviewees by function must add up to the number interviewed, as the study prints them. */
function checkInterviewSample(rows: Values[], file: string): void {
  const interviewed = rows.find((r) => r.category === "interviewed");
  const byFunction = rows.filter((r) => r.category === "interviewed_by_function").reduce((s, r) => s + Number(r.value), 0);
  if (!interviewed || Number(interviewed.value) !== byFunction)
    throw new DataInputError({ file, column: "count", value: interviewed?.value ?? "" }, `interviewed (${interviewed?.value ?? "missing"}) differs from the sum by function (${byFunction})`);
}


/**
 * The whole socsam/ snapshot: Tabell 1 of 1998 (printed-tables.ts) and the
 * history tables above, under one provenance.json.
 */
export function importSocsam(from: string, kommuner: readonly Kommun[]): { files: FileTree } {
  const t1 = importSocsam1998(from);
  const history = importSocsamHistory(from, kommuner);
  checkAreasAgainstTable1(history.tables["socsam-omraden"], t1.figures);
  const provenance = JSON.parse(t1.files.get("provenance.json") as string) as Provenance;
  const files: FileTree = new Map([...t1.files, ...history.files]);
  files.set(
    "provenance.json",
    JSON.stringify(
      {
        ...provenance,
        title: "SOCSAM och FINSAM: försöken före Finsam (lägesrapport 1999, Gotlandsstudien 2001, Haninge-PM 2002, Fridolf 2003)",
        publisher: "Riksförsäkringsverket (RFV) och Socialstyrelsen; CEFOS, Göteborgs universitet (Fridolf)",
        original_publishers: [...provenance.original_publishers, "Con Trust för RFV och Socialstyrelsen (Hur uppfattades SOCSAM på Gotland?, 2001)", "Haninge kommun, SOCSAM-nämnden (PM 2002-04-16)", "Marie Fridolf, CEFOS (Finansiell och politisk samordning i den lokala välfärden, 2003)"],
        period: "1992–2006",
        retrieval: {
          ...provenance.retrieval,
          method: provenance.retrieval.method + " Övriga tabeller sammanställda ur rapporternas löptext (seed 000, 001, 002, 004); varje rad har sitt citat eller sin tryckta cell och sitt radnummer.",
        },
        files: [...provenance.files, ...history.provenanceFiles],
        notes: [
          ...provenance.notes,
          "Datum har den precision källan anger: ett år är ett år, inte 1 januari.",
          "Ingen av källorna säger vilket samordningsförbund som följde på ett försöksområde.",
          "Enkäterna anger inget antal svarande (n).",
        ],
      } satisfies Provenance,
      null,
      2,
    ) + "\n",
  );
  return { files };
}

/** The areas table repeats Tabell 1's ram and result for 1998: they must be the same numbers. */
function checkAreasAgainstTable1(areas: HistoryTables["socsam-omraden"], t1: readonly PrintedFigure[]): void {
  const file = `${DIR}/socsam_areas.csv`;
  areas.forEach((a, i) => {
    const name = a.area.split(/[ (]/)[0]!;
    for (const [column, measure, value] of [["finansiellt_resultat_1998_tkr", "Finansiellt resultat", a.result_1998_tkr], ["finansiell_ram_1998_tkr", "Finansiell ram", a.ram_1998_tkr]] as const) {
      const printed = t1.find((f) => f.breakdown === name && f.measure === measure);
      if (value !== "" && (!printed || printed.value !== Number(value)))
        throw new DataInputError({ file, row: i + 2, column, value }, `differs from Tabell 1 (${name}: ${printed?.value ?? "no row"})`);
    }
  });
}
