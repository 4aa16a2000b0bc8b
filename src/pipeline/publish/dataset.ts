/**
 * What one published dataset is: its descriptor (name, title, fields, key,
 * sources, processing), its zod row schema and its rows. Each module under
 * datasets/ builds one (or one family) of these; the writer (write.ts)
 * checks the rows against the schema and writes CSV and JSON.
 */
import type { z } from "zod";
import { KOLADA_ARCHIVE_LICENCE } from "../licences";
import type { Snapshot } from "../load";
import type { Provenance } from "../schema";
import type { FieldDef } from "./fields";
import type { ForeignKey } from "./foreign-keys";

export interface ResourceSource {
  title: string;
  publisher: string;
  path: string;
  licence: string;
  /** When the source was retrieved or archived (provenance.json retrieval.archived_on: YYYY-MM-DD, YYYY-MM or YYYY). */
  retrieved?: string;
}

/** A published row schema: a flat z.object whose keys are the dataset's columns, in order. */
export type RowSchema = z.ZodObject<z.ZodRawShape>;

export interface Dataset {
  name: string;
  title: string;
  description: string;
  fields: FieldDef[];
  primaryKey: string[];
  /** Every written row must pass it (write.ts); readPublished checks the same schema. */
  schema: RowSchema;
  /** Rows may carry more properties than the columns; only the columns are written. */
  rows: Record<string, unknown>[];
  sources: ResourceSource[];
  /** What we did to the published values, for the codebook and data page. */
  processing: string;
  /** Columns that refer to another published dataset (checked before writing, declared in datapackage.json). */
  foreignKeys?: ForeignKey[];
}

/** A dataset whose rows the compiler checks against its schema's type. */
export function defineDataset<S extends RowSchema>(d: Omit<Dataset, "schema" | "rows"> & { schema: S; rows: ReadonlyArray<z.infer<S>> }): Dataset {
  return { ...d, rows: d.rows as unknown as Record<string, unknown>[] };
}

export function sourcesOf(provenance: Provenance, paths?: string[]): ResourceSource[] {
  const files = paths ? provenance.files.filter((f) => paths.includes(f.path)) : provenance.files;
  return files.map((f) => ({
    title: `${f.title} — ${f.source_ref}`,
    publisher: provenance.publisher + (provenance.original_publishers.length ? ` (ursprungligen ${provenance.original_publishers.join(", ")})` : ""),
    path: provenance.retrieval.url || provenance.retrieval.archive,
    licence: provenance.licence,
    ...(provenance.retrieval.archived_on ? { retrieved: provenance.retrieval.archived_on } : {}),
  }));
}

/**
 * The Kolada archive's sources for these snapshot files, and, when the build
 * read data/snapshot/kolada-live/ (or fk-live/, scb-live/), Kolada API v3
 * (Försäkringskassan, SCB) for the same files with the date they were fetched.
 */
export function koladaSourcesOf(snapshot: Pick<Snapshot, "provenance">, paths: string[]): ResourceSource[] {
  const archive = sourcesOf(snapshot.provenance.get("kolada")!, paths);
  // Fetched sources, when read: Kolada API v3, and Försäkringskassan and SCB for the years Kolada lacks.
  const fetched = ["kolada-live", "fk-live", "scb-live"].flatMap((id) => {
    const live = snapshot.provenance.get(id);
    return live ? sourcesOf(live, paths).map((s) => ({ ...s, title: `${s.title}, hämtat ${live.retrieval.archived_on}` })) : [];
  });
  return [...archive, ...fetched];
}

/** The registry and what is derived from it share one source line. */
export const REGISTRY_SOURCE: ResourceSource = {
  title: "Förbundsregistret (data/registry/), sammanställt ur riksdagens uppföljning 2015 (Bilaga 4 m.fl.), Nationella rådets och förbundens egna sidor; varje uppgift har sina källor i kolumnen source_ids",
  publisher: "Finsam i siffror (sammanställning); ursprungliga utgivare enligt datamängden kallor",
  path: "kallor.csv",
  licence: "CC BY 4.0 (sammanställningen); citaten tillhör respektive källa",
};

/** For aggregates over kommun values of several KPIs (each KPI's own dataset names its file). */
export const KOLADA_PER_KOMMUN_SOURCE: ResourceSource = { title: "Kolada, nyckeltal per kommun (se datamängden för varje nyckeltal)", publisher: "RKA, Kolada", path: "https://www.kolada.se/", licence: KOLADA_ARCHIVE_LICENCE };

/** KOLADA_PER_KOMMUN_SOURCE with when the Kolada values were retrieved (the archive, and API v3 when read). */
export function koladaPerKommunSource(snapshot: Pick<Snapshot, "provenance">): ResourceSource {
  const dates = ["kolada", "kolada-live", "fk-live", "scb-live"].map((s) => snapshot.provenance.get(s)?.retrieval.archived_on).filter((d): d is string => !!d);
  // When Försäkringskassan or SCB filled years Kolada lacks, the aggregates say so (each KPI's dataset names the files).
  const fill = [["fk-live", "Försäkringskassan"], ["scb-live", "SCB"]].filter(([id]) => snapshot.provenance.has(id!)).map(([, name]) => name);
  const base = fill.length ? { ...KOLADA_PER_KOMMUN_SOURCE, title: `${KOLADA_PER_KOMMUN_SOURCE.title}; för år som Kolada saknar: ${fill.join(" och ")}` } : KOLADA_PER_KOMMUN_SOURCE;
  return dates.length ? { ...base, retrieved: dates.join(", ") } : base;
}

/** "level:code" → the area's name (riket, län, kommun). */
export function areaNames(snapshot: Pick<Snapshot, "lan" | "kommuner">): Map<string, string> {
  return new Map([
    ["riket:00", "Riket"],
    ...snapshot.lan.map((l) => [`lan:${l.lanskod}`, l.name] as [string, string]),
    ...snapshot.kommuner.map((k) => [`kommun:${k.kommunkod}`, k.name] as [string, string]),
  ]);
}

/** The name of an area; a code without a name is a bug upstream, not an empty cell. */
export function nameOf(names: ReadonlyMap<string, string>, key: string): string {
  const name = names.get(key);
  if (name === undefined) throw new Error(`no name for ${key}`);
  return name;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export const roundOrNull = (x: number | null, digits: number): number | null => (x === null ? null : round(x, digits));
