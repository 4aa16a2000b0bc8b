/**
 * Deltagare, insatser, results and money as published (data/snapshot/deltagare/):
 * deltagare-nationellt (one row per national figure) and deltagare-forbund
 * (figures about single förbund, with the registry id where the registry
 * knows the förbund by the printed name). Each row carries its own source.
 */
import { z } from "zod";
import { DataInputError } from "../../errors";
import { FOERBUND_MEASURES, NATIONAL_MEASURES, PARTICIPANT_QUALIFIERS, PARTICIPANT_UNITS, type ParticipantsSnapshot } from "../../participants";
import type { Registry } from "../../registry";
import { count, nonEmptyText, number, text, year } from "../columns";
import { defineDataset, type Dataset } from "../dataset";
import { field, type FieldDef } from "../fields";
import { FK_FOERBUND } from "../foreign-keys";

const common = {
  year,
  measure: nonEmptyText,
  measure_label: nonEmptyText,
  value: number,
  unit: z.enum(PARTICIPANT_UNITS),
  qualifier: z.enum(PARTICIPANT_QUALIFIERS),
  definition: nonEmptyText,
  period_printed: nonEmptyText,
  source_id: nonEmptyText,
  publisher: nonEmptyText,
  source_url: text,
  source_file: nonEmptyText,
  source_row: count,
  quote: nonEmptyText,
  note: text,
};

export const deltagareNationelltRowSchema = z.object(common);
export type DeltagareNationelltRow = z.infer<typeof deltagareNationelltRowSchema>;

export const deltagareForbundRowSchema = z.object({
  foerbund_id: text,
  foerbund_printed: nonEmptyText,
  activity: text,
  ...common,
});
export type DeltagareForbundRow = z.infer<typeof deltagareForbundRowSchema>;

const commonFields = (): FieldDef[] => [
  field("year", { description: "Året siffran gäller (för en regel: året den beslutades)." }),
  field("measure", { description: "Måttets kod; se definition." }),
  field("measure_label"),
  field("value", { description: "Siffran som källan anger den; belopp i miljoner (MSEK) eller tusental (TSEK) kronor, löpande priser." }),
  field("unit", { description: "persons = personer, count = antal insatser, percent = procent, MSEK = miljoner kronor, TSEK = tusen kronor.", enum: PARTICIPANT_UNITS }),
  field("qualifier", { description: "Källans eget ord före siffran när den är ungefärlig eller avrundad (drygt, ca, nästan …); tomt = angiven som exakt.", enum: PARTICIPANT_QUALIFIERS }),
  field("definition"),
  field("period_printed"),
  field("source_id", { description: "Radens källa: tabellen i underlaget och raden (t.ex. national-counts-3-r10)." }),
  field("publisher"),
  field("source_url"),
  field("source_file"),
  field("source_row"),
  field("quote"),
  field("note"),
];

const SOURCE = (p: ParticipantsSnapshot) => [
  {
    title: `${p.provenance.title} — ${p.provenance.files.map((f) => f.title).join("; ")}`,
    publisher: `${p.provenance.publisher} (ursprungligen ${p.provenance.original_publishers.join(", ")})`,
    path: "Varje rad: source_url, publisher och quote",
    licence: p.provenance.licence,
  },
];

export function deltagareNationelltDataset(p: ParticipantsSnapshot): Dataset {
  return defineDataset({
    name: "deltagare-nationellt",
    title: "Deltagare, insatser, resultat och pengar i samordningsförbunden, hela landet",
    description:
      "Nationella siffror per år som de publicerats av Nationella rådet (finsam.se), Försäkringskassan, Arbetsförmedlingen och riksdagen: deltagare i SUS, deltagare med personuppgifter, andel till arbete eller studier, insatser, statens och alla parters pengar och statens fördelningsmodell. Åren 2011–2014 finns i finsam-nationellt-2011-2015; här står de siffror ur rapportens löptext som tabellerna saknar.",
    fields: commonFields(),
    primaryKey: ["year", "measure", "source_id"],
    schema: deltagareNationelltRowSchema,
    rows: p.national.map((f) => ({ ...f, measure_label: NATIONAL_MEASURES[f.measure].label, definition: NATIONAL_MEASURES[f.measure].definition })),
    sources: SOURCE(p),
    processing:
      "Siffrorna lästa ur källtabellens värdecell och kontrollerade mot citatet; tusentalsmellanrum borttagna, kronor till miljoner kronor. Ett år kan ha flera rader för samma mått när flera källor (eller ett senare uttag ur SUS) anger det; alla behålls. Ingen siffra är beräknad av oss.",
  });
}

/** The registry id of a förbund named exactly (case and spacing aside) as one of the registry's names; "" otherwise. */
export function foerbundIdByName(registry: Pick<Registry, "names">): (printed: string) => string {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
  const byName = new Map<string, Set<string>>();
  for (const n of registry.names) byName.set(norm(n.name), (byName.get(norm(n.name)) ?? new Set()).add(n.foerbund_id));
  return (printed) => {
    const ids = byName.get(norm(printed));
    return ids && ids.size === 1 ? [...ids][0]! : "";
  };
}

export function deltagareForbundDataset(p: ParticipantsSnapshot, registry: Registry): Dataset {
  const idOf = foerbundIdByName(registry);
  const known = new Set(registry.foerbund.map((f) => f.id));
  const rows = p.foerbund.map((f, i) => {
    const foerbund_id = idOf(f.foerbund_printed);
    if (foerbund_id && !known.has(foerbund_id))
      throw new DataInputError({ file: "data/snapshot/deltagare/foerbund.csv", row: i + 2, column: "foerbund_printed", value: f.foerbund_printed }, "name maps to an id that is not in data/registry/foerbund.csv");
    return { ...f, foerbund_id, measure_label: FOERBUND_MEASURES[f.measure].label, definition: FOERBUND_MEASURES[f.measure].definition };
  });
  return defineDataset({
    name: "deltagare-forbund",
    title: "Deltagare och resultat i enskilda samordningsförbund",
    description:
      "Siffror som enskilda förbund själva publicerat om deltagare, avslut, resultat och budget. Få förbund och olika år: siffrorna räknas på förbundets eget sätt och går inte att jämföra mellan förbund eller med de nationella siffrorna. Bilaga 2 i riksdagens uppföljning 2015 finns i forbund-siffror-2015 och forbund-tabeller-2015.",
    fields: [
      field("foerbund_id", { description: "Förbundets id i registret där källans namn är ett av registrets namn för förbundet; tomt där källan inte säger vilket förbund det är." }),
      field("foerbund_printed"),
      field("activity"),
      ...commonFields(),
    ],
    primaryKey: ["foerbund_printed", "activity", "year", "measure", "source_id"],
    // source_id here names a row of the deltagare snapshot's own source files, not kallor, so only the förbund is a key.
    foreignKeys: [FK_FOERBUND],
    schema: deltagareForbundRowSchema,
    rows,
    sources: SOURCE(p),
    processing: "Siffrorna lästa ur källtabellens värdecell och kontrollerade mot citatet. Förbundets id hämtas ur registrets namnlista (exakt samma namn); inga siffror räknas om eller skattas.",
  });
}
