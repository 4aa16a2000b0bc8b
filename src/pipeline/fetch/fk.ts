/**
 * Försäkringskassan's open statistics: ohälsotal and sjukpenningtal, monthly,
 * rolling 12 months, per kommun, län and riket, as the two xlsx files the
 * documentation names (live-sources/README.md): .../ohm-ohalsotal/SJPohttal.xlsx
 * and .../ohm-sjptal/SJPsjptal.xlsx. Each is read here once with the
 * project's xlsx reader, so a file that is not a workbook, or whose header
 * lacks a column the importer needs, fails the fetch naming the URL.
 * The column names are read from a third-party script that uses these files
 * (two title rows, then the header; the value column "Ohälsotalet" and
 * "Sjukpenningtal 1.0"); check them on the first real run.
 */
import { DataInputError } from "../errors";
import { readXlsx, sheetTable } from "../import/xlsx/read";
import type { FetchConfig } from "./config";
import { PUBLISHERS } from "./config";
import { FetchError, httpRequest } from "./http";
import { FetchedSource } from "./provenance";

export const FK_DIR = "fk";
/** Each table, the Kolada KPI with the same definition (titles in data/snapshot/kolada/indicators.csv), and its value column. */
export const FK_TABLES = [
  { dataset: "ohm-ohalsotal", table: "SJPohttal", kpi: "N00957", name: "Ohälsotal", valueColumn: "Ohälsotalet" },
  { dataset: "ohm-sjptal", table: "SJPsjptal", kpi: "N00938", name: "Sjukpenningtal", valueColumn: "Sjukpenningtal 1.0" },
] as const;
export type FkTable = (typeof FK_TABLES)[number];
export const FK_DIMENSIONS = ["År", "Månad", "Län", "Kommun", "Kön", "Ålder"] as const;
export const fkColumns = (t: FkTable) => [...FK_DIMENSIONS, t.valueColumn];
export const fkPath = (t: FkTable) => `${t.dataset}/${t.table}.xlsx`;

/** Every sheet must start as a table with the columns the importer reads; returns whether any has a data row (the import reads the rest). */
export function checkFkWorkbook(bytes: Uint8Array, t: FkTable, name: string): boolean {
  let any = false;
  for (const sheet of readXlsx(Buffer.from(bytes), name)) any = !sheetTable(sheet, name, fkColumns(t)).rows.next().done || any;
  return any;
}

export async function fetchFk(cfg: FetchConfig, options: { since?: string | null } = {}): Promise<FetchedSource> {
  const out = new FetchedSource(FK_DIR, PUBLISHERS.fk.publisher, PUBLISHERS.fk.licence, cfg.fkBase, options.since ?? null);
  for (const t of FK_TABLES) {
    const url = `${cfg.fkBase}/${fkPath(t)}`;
    const res = await httpRequest({ url, accept: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, */*" }, cfg.http);
    let rows: boolean;
    try {
      rows = checkFkWorkbook(res.bytes, t, fkPath(t));
    } catch (error) {
      if (error instanceof DataInputError) throw new FetchError(url, res.status, `${error.message} — has the publisher changed the file?`);
      throw error;
    }
    if (!rows) throw new FetchError(url, res.status, "the workbook has no data rows");
    out.add(fkPath(t), res);
  }
  out.notes.push("Försäkringskassans xlsx-filer sparade som de kom; kolumnnamnen (två titelrader, sedan rubrikraden) är lästa ur ett tredjepartsskript och ska kontrolleras vid första riktiga hämtningen.");
  return out;
}
