/**
 * Printed national tables, one row per printed cell: the Riksdag's 2015
 * follow-up (finsam-nationellt-2011-2015) and SOCSAM 1998 (socsam-1998).
 * Both have the same row schema.
 */
import { z } from "zod";
import type { Snapshot } from "../../load";
import type { PrintedFigure } from "../../schema";
import { count, nonEmptyText, optionalNumber, text } from "../columns";
import { defineDataset, sourcesOf, type Dataset } from "../dataset";
import { field, type FieldDef } from "../fields";

export const printedTableRowSchema = z.object({
  table: nonEmptyText,
  table_title: nonEmptyText,
  period: text,
  measure: nonEmptyText,
  breakdown: text,
  value: optionalNumber,
  unit: nonEmptyText,
  value_printed: text,
  source_line: count,
  note: text,
});
export type PrintedTableRow = z.infer<typeof printedTableRowSchema>;

const printedFields = (): FieldDef[] => [
  field("table"),
  field("table_title"),
  field("period"),
  field("measure"),
  field("breakdown"),
  field("value", { description: "Värdet som det lästs ur tabellen (tusentalsmellanrum borttagna, decimalkomma till punkt). Tomt där tabellen har tankstreck eller inget värde." }),
  field("unit"),
  field("value_printed"),
  field("source_line"),
  field("note"),
];

export function finsamNationelltDataset(snapshot: Snapshot): Dataset {
  const riksdag = snapshot.provenance.get("riksdag-2015")!;
  const titles = new Map(riksdag.files.map((f) => [f.path.replace(".csv", "").toUpperCase(), f.title]));
  const national: PrintedFigure[] = [...snapshot.printed.entries()].filter(([id]) => /^T\d+$/.test(id)).flatMap(([, rows]) => rows);
  return defineDataset({
    name: "finsam-nationellt-2011-2015",
    title: "Finsam nationellt: tabellerna i riksdagens uppföljning 2015",
    description:
      "Tabell 1–17 i 2014/15:RFR (socialförsäkringsutskottet): antal samordningsförbund och kommuner 2008–2015, deltagare och insatser i SUS 2011–2014, resultat efter insats, försörjning före och efter, statliga medel 2005–2015. Varje värde har kvar sin tryckta form och sitt radnummer.",
    fields: printedFields(),
    primaryKey: ["table", "period", "measure", "breakdown"],
    schema: printedTableRowSchema,
    rows: national.map((f) => ({ ...f, table_title: titles.get(f.table)! })),
    sources: sourcesOf(riksdag, riksdag.files.filter((f) => /^t\d+\.csv$/.test(f.path)).map((f) => f.path)),
    processing: "Tusentalsmellanrum borttagna, decimalkomma till punkt, tankstreck till tomt värde; den tryckta cellen finns kvar i value_printed. Rapportens egna motsägelser är kvar och förklarade i note.",
  });
}

export function socsamDataset(snapshot: Snapshot): Dataset {
  const socsam = snapshot.provenance.get("socsam")!;
  return defineDataset({
    name: "socsam-1998",
    title: "SOCSAM: finansiellt resultat per försöksområde 1998",
    description: "Finansiell ram, kostnader och resultat 1998 för de åtta SOCSAM-försöken (RFV och Socialstyrelsen, lägesrapport 1999, Tabell 1).",
    fields: printedFields(),
    primaryKey: ["table", "period", "measure", "breakdown"],
    schema: printedTableRowSchema,
    rows: (snapshot.printed.get("SOCSAM-T1") ?? []).map((f) => ({ ...f, table_title: socsam.files[0]!.title })),
    sources: sourcesOf(socsam, ["socsam-t1-1998.csv"]),
    processing: "Tabellen i långt format: en rad per område och mått. Summa-raden är med (breakdown = Summa).",
  });
}
