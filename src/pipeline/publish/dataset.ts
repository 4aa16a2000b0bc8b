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
  /**
   * Columns whose published value is computed from the row rather than read
   * from it (an area's name from its code, a value rounded for publishing).
   * A large dataset can then publish the objects it was built from instead of
   * a copy of each with one more property: at 100 KPIs such copies are
   * hundreds of megabytes. The check, the CSV, the JSON, latest_year and the
   * foreign keys all read cells through cellReaders, so they see one value.
   * Each must be a pure function of the row.
   */
  computed?: Record<string, (row: Record<string, unknown>) => unknown>;
  sources: ResourceSource[];
  /** What we did to the published values, for the codebook and data page. */
  processing: string;
  /** Columns that refer to another published dataset (checked before writing, declared in datapackage.json). */
  foreignKeys?: ForeignKey[];
}

/**
 * A dataset whose rows the compiler checks against its schema's type: each
 * row has every column that is not computed, and each computed column gives
 * its column's type from the row.
 */
export function defineDataset<S extends RowSchema, C extends keyof z.infer<S> = never, R = z.infer<S>>(
  d: Omit<Dataset, "schema" | "rows" | "computed"> & { schema: S; rows: ReadonlyArray<R & Omit<z.infer<S>, C>>; computed?: { [K in C]: (row: R) => z.infer<S>[K] } },
): Dataset {
  const { rows, computed, ...rest } = d;
  return { ...rest, rows: rows as unknown as Record<string, unknown>[], ...(computed ? { computed: computed as unknown as Dataset["computed"] } : {}) };
}

/** One function per column (in the fields' order) giving the row's published cell: computed, else the property, an absent one as null. */
export function cellReaders(d: Pick<Dataset, "fields" | "computed">): Array<(row: Record<string, unknown>) => unknown> {
  return d.fields.map((f) => {
    const compute = d.computed?.[f.name];
    return compute ? (r: Record<string, unknown>) => compute(r) ?? null : (r: Record<string, unknown>) => r[f.name] ?? null;
  });
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

/**
 * (level, code) → the area's name, as nameOf(areaNames(snapshot), `${level}:${code}`)
 * but without building a key string per call (it runs for every row of every
 * indicator dataset, when checked and when written).
 */
export function areaNameLookup(snapshot: Pick<Snapshot, "lan" | "kommuner">): (level: string, code: string) => string {
  const byLevel = new Map<string, Map<string, string>>();
  for (const [key, name] of areaNames(snapshot)) {
    const [level, code] = key.split(":") as [string, string];
    if (!byLevel.has(level)) byLevel.set(level, new Map());
    byLevel.get(level)!.set(code, name);
  }
  return (level, code) => {
    const name = byLevel.get(level)?.get(code);
    if (name === undefined) throw new Error(`no name for ${level}:${code}`);
    return name;
  };
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
