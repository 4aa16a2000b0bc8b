/** forbund-tabeller-2015: the tables about single förbund in Bilaga 2, one row per printed cell. */
import { z } from "zod";
import type { Snapshot } from "../../load";
import { foerbundTableUnitEnum } from "../../schema";
import { count, nonEmptyText, optionalNumber, slug, text } from "../columns";
import { defineDataset, sourcesOf, type Dataset } from "../dataset";
import { field } from "../fields";
import { FK_FOERBUND } from "../foreign-keys";

export const forbundTabellerRowSchema = z.object({
  table: nonEmptyText,
  table_title: nonEmptyText,
  foerbund_id: slug,
  activity: text,
  period: nonEmptyText,
  measure: nonEmptyText,
  measure_printed: text,
  breakdown: text,
  value: optionalNumber,
  unit: foerbundTableUnitEnum,
  value_printed: text,
  source_line: count,
  note: text,
});
export type ForbundTabellerRow = z.infer<typeof forbundTabellerRowSchema>;

export function forbundTabellerDataset(snapshot: Snapshot): Dataset {
  const riksdag = snapshot.provenance.get("riksdag-2015")!;
  const tables = [...snapshot.foerbundTables.entries()];
  const tablePath = (id: string) => `foerbund/${id.toLowerCase()}.csv`;
  const tableTitles = new Map(riksdag.files.map((f) => [f.path, f.title]));
  return defineDataset({
    name: "forbund-tabeller-2015",
    title: "Tabeller om enskilda förbund i riksdagens uppföljning 2015 (Bilaga 2)",
    description:
      "Tabellerna om enskilda förbund i Bilaga 2 till 2014/15:RFR: projekt och resultat i Skellefteå–Norsjö, Finsamteamen i Norra Bohuslän och Uddevalla–Orust–Färgelanda, avslut per verksamhet i Göteborg Nordost, budget i Göteborg Hisingen (Delta), deltagare i SUS för BÅD-ESÅ, projekt, resultat och budget i Kalmar län. En rad per tryckt cell, med radnummer i rapporten.",
    fields: [
      field("table", { description: "Tabellens id i Bilaga 2 (B2-08 … B2-16; B2-08b är resultatkolumnen i B2-08 uppdelad i tal)." }),
      field("table_title"),
      field("foerbund_id"),
      field("activity", { description: "Verksamhet, projekt eller avsnitt som raden gäller, som tabellen skriver det; tomt = hela förbundet." }),
      field("period", { description: "År (YYYY), månad (YYYY-MM) eller period FRÅN..TILL (t.ex. 2010..2013 för en projekttid, 2014-01..2014-10 för en del av ett år)." }),
      field("measure", { description: "Vad värdet mäter, som kod (t.ex. antal_avslutade_fortsatt_rehab)." }),
      field("measure_printed"),
      field("breakdown", { description: "Uppdelning, t.ex. kön eller den bas en andel räknas på (”av 80 avslut”); tomt om ingen." }),
      field("value", { description: "Värdet som det lästs ur tabellen. Tomt där rutan är tom eller inget tal står; se note." }),
      field("unit", { description: "Enhet: persons, count, percent, SEK, TSEK, eller unknown där tabellen inte skriver någon och den inte går att läsa ut.", enum: foerbundTableUnitEnum.options }),
      field("value_printed"),
      field("source_line"),
      field("note"),
    ],
    primaryKey: ["table", "foerbund_id", "activity", "period", "measure", "breakdown"],
    foreignKeys: [FK_FOERBUND],
    schema: forbundTabellerRowSchema,
    rows: tables.flatMap(([id, t]) => t.rows.map(({ row: _r, ...f }) => ({ ...f, table_title: tableTitles.get(tablePath(id))! }))),
    sources: sourcesOf(riksdag, tables.map(([id]) => tablePath(id))),
    processing: "Varje tabell i sitt eget format omförd till en rad per cell. Tusentalsmellanrum borttagna, decimalkomma till punkt; tom ruta är tomt värde, aldrig 0. Summarader står kvar som de trycktes (activity Totalt eller Summa). Inget räknat om.",
  });
}
