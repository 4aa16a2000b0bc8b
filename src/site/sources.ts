/**
 * Source lines, generated from datapackage.json: a source is written once,
 * in the pipeline's provenance, and every chart and page reads it from there.
 */
import type { ResourceSource } from "../pipeline/publish/datasets";
import { DATA_URL, datapackage, resource } from "./data";
import { formatDate, joinSv } from "./format";

export interface SourceNote {
  /** What the values are, as the source names it. */
  title: string;
  publisher: string;
  /** A link, when the source has a web address. */
  url: string | null;
  licence: string;
  /** When the source was retrieved (from its provenance), if recorded. */
  retrieved: string | null;
}

function toNote(s: ResourceSource): SourceNote {
  return { title: s.title, publisher: s.publisher, url: /^https?:\/\//.test(s.path) ? s.path : null, licence: s.licence, retrieved: s.retrieved ?? null };
}

/** The distinct dates the sources were retrieved, oldest first, in words ("31 augusti 2024"). */
export function retrievedDates(sources: readonly SourceNote[]): string[] {
  return [...new Set(sources.flatMap((s) => (s.retrieved ? s.retrieved.split(", ") : [])))].sort().map(formatDate);
}

/**
 * How current a chart's data is: the latest year with a value in any of its
 * datasets (datapackage.json latest_year) and the distinct dates its sources
 * were retrieved, as "Senaste år i data: 2022. Hämtat: 31 augusti 2024."
 * Empty when neither is known.
 */
export function freshnessText(datasets: readonly string[], sources: readonly SourceNote[]): string {
  const years = datasets.map((d) => resource(d).latest_year).filter((y): y is number => typeof y === "number");
  const dates = retrievedDates(sources);
  const parts: string[] = [];
  if (years.length) parts.push(`Senaste år i data: ${Math.max(...years)}.`);
  if (dates.length) parts.push(`Hämtat: ${joinSv(dates)}.`);
  return parts.join(" ");
}

/** The distinct sources of one or more datasets, in order of first appearance. */
export function sourcesOf(datasets: readonly string[]): SourceNote[] {
  const seen = new Map<string, SourceNote>();
  for (const name of datasets) for (const s of resource(name).sources) if (!seen.has(s.title)) seen.set(s.title, toNote(s));
  return [...seen.values()];
}

/**
 * The source of one printed table (e.g. "T01"): its entry in the dataset's
 * sources starts "Tabell 1 ". The title is cut at " — ", where the
 * provenance's reading notes begin; the note stays in the datapackage.
 */
export function printedTableSource(dataset: string, table: string): SourceNote | null {
  const n = /^T(\d+)$/.exec(table)?.[1];
  if (!n) return null;
  const s = resource(dataset).sources.find((x) => x.title.startsWith(`Tabell ${Number(n)} `));
  return s ? { ...toNote(s), title: s.title.split(" — ")[0]! } : null;
}

/** A chart's sources: the cited printed tables if given, otherwise every source of its datasets. */
export function chartSources(datasets: readonly string[], printedTables?: readonly string[]): SourceNote[] {
  if (!printedTables?.length) return sourcesOf(datasets);
  return datasets.flatMap((d) => {
    const cited = printedTables.map((t) => printedTableSource(d, t)).filter((x): x is SourceNote => x !== null);
    // A dataset without printed tables (e.g. beside the 2015 tables in one chart) keeps all its own sources.
    return cited.length ? cited : sourcesOf([d]);
  });
}

/** Where a dataset lives on the data page, and its files. */
export function datasetLinks(name: string): { page: string; csv: string; json: string } {
  const r = resource(name);
  const json = r.alternates?.find((a) => a.format === "json")?.path ?? `${name}.json`;
  return { page: `/data/#${name}`, csv: DATA_URL + r.path, json: DATA_URL + json };
}

/** How to cite the site, with the version and vintage from datapackage.json. */
export function citation(): string {
  const p = datapackage();
  return `Finsam i siffror, version ${p.version} (dataårgång: ${p.data_vintage}). Ange också den ursprungliga utgivaren som står vid varje diagram och datamängd.`;
}
