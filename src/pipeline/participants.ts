/**
 * Deltagare, insatser, resultat and money of the förbund, national and per
 * förbund, as the sources state them (data/snapshot/deltagare/). One
 * catalogue of measures with their unit and definition; the importer, the
 * loader and the published datasets all use it, so a measure is defined once.
 */
import { join, relative } from "node:path";
import { z } from "zod";
import { decodeUtf8, parseCsv, requireColumns } from "./csv";
import { DataInputError } from "./errors";
import { readRegularFile } from "./files";
import { FIRST_YEAR, LAST_YEAR } from "./indicators";
import { checkSeal, loadSourceProvenance } from "./load";
import type { Provenance } from "./schema";
import { assertUniqueKey, nonEmpty, optionalPointDecimal, validateRows } from "./validate";

export const PARTICIPANT_UNITS = ["persons", "count", "percent", "MSEK", "TSEK"] as const;

interface MeasureInfo {
  label: string;
  unit: (typeof PARTICIPANT_UNITS)[number];
  definition: string;
}

/** National measures. Two measures with different definitions are never one series. */
export const NATIONAL_MEASURES = {
  deltagare_sus: { label: "Deltagare i individinriktade insatser (alla i SUS)", unit: "persons", definition: "Individer i de individinriktade insatserna som registrerats i uppföljningssystemet SUS under året, med eller utan personuppgifter." },
  deltagare_personuppgifter: { label: "Deltagare registrerade med personuppgifter", unit: "persons", definition: "Deltagare i individinriktade insatser som registrerats i SUS med personuppgifter. Bara de kan följas upp efter insatsen." },
  deltagare_anonyma: { label: "Deltagare registrerade anonymt", unit: "persons", definition: "Deltagare i individinriktade insatser som registrerats i SUS utan personuppgifter." },
  deltagare_volyminsatser: { label: "Deltagare i volyminsatser", unit: "persons", definition: "Deltagare som bara räknats som antal (volyminsatser), utan uppgifter om varje person." },
  deltagare_aktivitetsersattning: { label: "Deltagare med aktivitetsersättning", unit: "persons", definition: "Individer med aktivitetsersättning som tagit del av någon insats finansierad av samordningsförbund." },
  deltagare_sjukpenning: { label: "Deltagare med sjukpenning", unit: "persons", definition: "Individer med sjukpenning som tagit del av någon insats finansierad av samordningsförbund." },
  avslutade: { label: "Deltagare som avslutade en insats", unit: "persons", definition: "Personer som avslutade någon insats under året." },
  andel_arbete_studier: { label: "Andel till arbete eller studier", unit: "percent", definition: "Andel av dem som avslutade en insats under året som gick direkt till arbete och/eller studier." },
  andel_arbete_studier_kvinnor: { label: "Andel till arbete eller studier, kvinnor", unit: "percent", definition: "Som andel till arbete eller studier, för kvinnor." },
  andel_arbete_studier_man: { label: "Andel till arbete eller studier, män", unit: "percent", definition: "Som andel till arbete eller studier, för män." },
  andel_arbetssokande_dessutom: { label: "Andel som dessutom blev arbetssökande", unit: "percent", definition: "Andel av dem som avslutade en insats som utöver dem som gick till arbete eller studier var registrerade som arbetssökande på Arbetsförmedlingen." },
  andel_arbete_studier_arbetssokande: { label: "Andel till arbete, studier eller arbetssökande", unit: "percent", definition: "Andel av deltagarna som gick till arbete, studier eller blev arbetssökande efter avslutad insats. Ett annat och vidare mått än andel till arbete eller studier." },
  insatser: { label: "Insatser", unit: "count", definition: "Insatser som samordningsförbunden finansierat under året, individinriktade och strukturövergripande." },
  insatser_individinriktade: { label: "Individinriktade insatser", unit: "count", definition: "Insatser riktade till enskilda deltagare." },
  insatser_individinriktade_sus: { label: "Individinriktade insatser registrerade i SUS", unit: "count", definition: "Individinriktade insatser som registrerats i SUS under året, som Nationella rådet räknar dem från 2019. Källan säger inte att det är samma räkning som de finansierade individinriktade insatserna tidigare år, så det är en egen serie." },
  insatser_strukturovergripande: { label: "Strukturövergripande insatser", unit: "count", definition: "Insatser riktade till myndigheternas samverkan och personal (kallas strukturinriktade i äldre källor)." },
  andel_insatser_individinriktade: { label: "Andel individinriktade insatser", unit: "percent", definition: "Individinriktade insatser som andel av alla insatser." },
  andel_insatser_strukturovergripande: { label: "Andel strukturövergripande insatser", unit: "percent", definition: "Strukturövergripande insatser som andel av alla insatser." },
  andel_administration: { label: "Administrationens andel av kostnaderna", unit: "percent", definition: "Administrativa kostnader som andel av förbundens totala redovisade utfall." },
  statliga_medel: { label: "Statens medel till samordningsförbunden", unit: "MSEK", definition: "Statens medel för den finansiella samordningen genom samordningsförbund under året, i löpande kronor som publicerat." },
  alla_parters_medel: { label: "Alla parters medel", unit: "MSEK", definition: "Det parterna (staten, regionerna och kommunerna) tillsammans bidrar med per år, i löpande kronor som publicerat." },
  fordelning_grundtilldelning: { label: "Grundtilldelning per förbund i statens fördelningsmodell", unit: "TSEK", definition: "Det belopp varje förbund får som bas i Försäkringskassans fördelningsmodell för statens medel." },
  fordelning_andel_forsorjningsmatt: { label: "Andel som fördelas efter försörjningsmått", unit: "percent", definition: "Andel av statens medel (utöver grundtilldelningen) som fördelas efter försörjningsmått i förbundets område." },
  fordelning_andel_befolkning: { label: "Andel som fördelas efter befolkning 16–64 år", unit: "percent", definition: "Andel av statens medel (utöver grundtilldelningen) som fördelas efter antal invånare 16–64 år i förbundets område." },
} as const satisfies Record<string, MeasureInfo>;

/** Per-förbund measures: the förbund's own words, never comparable across förbund without care. */
export const FOERBUND_MEASURES = {
  deltagare: { label: "Deltagare", unit: "persons", definition: "Personer i förbundets insatser under perioden, som förbundet själv räknar dem." },
  deltagare_personuppgifter: { label: "Deltagare med personuppgifter i SUS", unit: "persons", definition: "Deltagare som förbundet registrerat i SUS med personuppgifter." },
  deltagare_individstod: { label: "Deltagare med individuellt anpassat stöd", unit: "persons", definition: "Personer som fått individuellt anpassat stöd." },
  genomlysningar: { label: "Myndighetsgemensamma genomlysningar", unit: "persons", definition: "Personer som fått en myndighetsgemensam genomlysning." },
  deltagare_kvinnor: { label: "Deltagare, kvinnor", unit: "persons", definition: "Kvinnor bland deltagarna." },
  deltagare_man: { label: "Deltagare, män", unit: "persons", definition: "Män bland deltagarna." },
  avslutade: { label: "Avslutade deltagare", unit: "persons", definition: "Deltagare som avslutade insatsen under perioden." },
  till_arbete_studier: { label: "Till arbete eller studier", unit: "persons", definition: "Deltagare som gick till arbete eller studier." },
  andel_till_arbete_studier: { label: "Andel av de avslutade till arbete eller studier", unit: "percent", definition: "Deltagare som gick till arbete eller studier, som andel av de avslutade." },
  till_arbete: { label: "Till arbete", unit: "persons", definition: "Deltagare som gick vidare till arbete." },
  till_studier: { label: "Till studier", unit: "persons", definition: "Deltagare som gick vidare till studier." },
  budget: { label: "Budget (medelstilldelning)", unit: "MSEK", definition: "Förbundets budget eller föreslagna medelstilldelning för året, i löpande kronor." },
} as const satisfies Record<string, MeasureInfo>;

export type NationalMeasure = keyof typeof NATIONAL_MEASURES;
export type FoerbundMeasure = keyof typeof FOERBUND_MEASURES;

/** The source's own word for an approximate or rounded figure, lower-cased; "" = stated as exact. */
export const PARTICIPANT_QUALIFIERS = ["", "drygt", "ca", "cirka", "nästan", "ungefär", "knappt"] as const;

const year = z
  .string()
  .regex(/^\d{4}$/, "year must be YYYY")
  .transform(Number)
  .refine((y) => y >= FIRST_YEAR && y <= LAST_YEAR, `year out of range ${FIRST_YEAR}–${LAST_YEAR}`);
const line = z.string().regex(/^\d+$/, "row must be a line number").transform(Number);
const common = {
  year,
  period_printed: nonEmpty,
  value: optionalPointDecimal.refine((v) => v !== null, "a figure needs a value"),
  unit: z.enum(PARTICIPANT_UNITS),
  qualifier: z.enum(PARTICIPANT_QUALIFIERS),
  value_printed: nonEmpty,
  source_id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "source id must be a slug"),
  source_file: nonEmpty,
  source_row: line,
  source_url: z.string(),
  publisher: nonEmpty,
  quote: nonEmpty,
  note: z.string(),
};

export const nationalFigureSchema = z.object({ ...common, measure: z.enum(Object.keys(NATIONAL_MEASURES) as [NationalMeasure, ...NationalMeasure[]]) });
export type NationalFigure = Omit<z.output<typeof nationalFigureSchema>, "value"> & { value: number };

export const foerbundParticipantSchema = z.object({
  ...common,
  foerbund_printed: nonEmpty,
  activity: z.string(),
  measure: z.enum(Object.keys(FOERBUND_MEASURES) as [FoerbundMeasure, ...FoerbundMeasure[]]),
});
export type FoerbundParticipantFigure = Omit<z.output<typeof foerbundParticipantSchema>, "value"> & { value: number };

const COMMON_COLUMNS = ["year", "period_printed", "measure", "value", "unit", "qualifier", "value_printed", "source_id", "source_file", "source_row", "source_url", "publisher", "quote", "note"] as const;
export const PARTICIPANT_COLUMNS = {
  national: COMMON_COLUMNS,
  foerbund: ["foerbund_printed", "activity", ...COMMON_COLUMNS],
} as const;

export const PARTICIPANTS_DIR = "deltagare";

export interface ParticipantsSnapshot {
  national: NationalFigure[];
  foerbund: FoerbundParticipantFigure[];
  provenance: Provenance;
}

/**
 * Load data/snapshot/deltagare/ and validate it again (the files are committed
 * and may be edited by hand): each file must hash to the sha256 and hold the
 * rows its provenance.json records, like every other snapshot folder (load.ts).
 */
export function loadParticipants(snapshotDir: string): ParticipantsSnapshot {
  const dir = join(snapshotDir, PARTICIPANTS_DIR);
  const rel = (p: string) => relative(process.cwd(), join(snapshotDir, p)) || p;
  const provenance = loadSourceProvenance(snapshotDir, PARTICIPANTS_DIR, rel);
  const provenanceFile = rel(`${PARTICIPANTS_DIR}/provenance.json`);
  const read = <S extends z.ZodType>(name: string, schema: S, columns: readonly string[]) => {
    const file = rel(`${PARTICIPANTS_DIR}/${name}`);
    const entry = provenance.files.find((f) => f.path === name);
    if (!entry) throw new DataInputError({ file }, `not listed in ${provenanceFile}: a snapshot file must come from the importer`);
    const bytes = readRegularFile(dir, name, file, "snapshot file missing: run the importer (npm run import -- --from … --only deltagare)");
    checkSeal(bytes, entry, file, provenanceFile, PARTICIPANTS_DIR);
    const table = parseCsv(decodeUtf8(bytes, file), file);
    requireColumns(table, columns);
    const rows = validateRows(schema, table);
    if (entry.rows !== undefined && rows.length !== entry.rows)
      throw new DataInputError({ file, row: rows.length + 1 }, `${rows.length} data rows, but ${provenanceFile} records ${entry.rows}`);
    return { file, rows };
  };
  const national = read("national.csv", nationalFigureSchema, PARTICIPANT_COLUMNS.national);
  assertUniqueKey(national.rows, ["year", "measure", "source_id"], national.file);
  const foerbund = read("foerbund.csv", foerbundParticipantSchema, PARTICIPANT_COLUMNS.foerbund);
  assertUniqueKey(foerbund.rows, ["foerbund_printed", "activity", "year", "measure", "source_id"], foerbund.file);
  return {
    national: national.rows.map(({ row: _r, ...f }) => f as NationalFigure),
    foerbund: foerbund.rows.map(({ row: _r, ...f }) => f as FoerbundParticipantFigure),
    provenance,
  };
}
