/**
 * datapackage.json (Frictionless Data Package) and the codebook, both
 * generated from the same Dataset definitions as the files themselves.
 */
import type { FileTree } from "../atomic";
import { cellReaders, type Dataset, type ResourceSource } from "./dataset";
import { datasetFiles } from "./write";
import type { FieldDef } from "./fields";
import { checkForeignKeys, type ForeignKey } from "./foreign-keys";

export interface BuildInfo {
  version: string;
  /** The vintage of the data: what the newest source covers, never the clock. */
  dataVintage: string;
}

export const SITE_NAME = "Finsam i siffror";
const LICENSE = { name: "CC-BY-4.0", title: "Creative Commons Attribution 4.0", path: "https://creativecommons.org/licenses/by/4.0/" };

/** datapackage.json as written here; the site reads it with these same types (src/site/data.ts). */
export interface PackageField extends Pick<FieldDef, "name" | "type" | "description" | "unit"> {
  constraints?: { enum?: readonly string[]; minimum?: number; maximum?: number };
}
interface PackageFile {
  name: string;
  path: string;
  title: string;
  description: string;
  format: string;
  mediatype: string;
  encoding: "utf-8";
  sources: ResourceSource[];
}
/** Non-tabular files published beside the datasets (the map), with their own descriptor. */
export type ExtraFile = Omit<PackageFile, "encoding"> & { content: string };
export interface TabularResource extends PackageFile {
  dialect: { delimiter: string; lineTerminator: string; header: boolean };
  schema: { fields: PackageField[]; primaryKey: string[]; foreignKeys?: ForeignKey[]; missingValues: string[] };
  processing: string;
  rows: number;
  /** The latest year in a row with a value (column year, else period or date); null when the dataset has no year. */
  latest_year: number | null;
  alternates: Array<{ path: string; format: string; mediatype: string }>;
}
/** A non-tabular file (the map): no schema, rows or alternates. */
export type PackageResource = TabularResource | (PackageFile & Partial<Record<Exclude<keyof TabularResource, keyof PackageFile>, undefined>>);
export interface DataPackage {
  profile: "data-package";
  name: string;
  title: string;
  description: string;
  version: string;
  data_vintage: string;
  licenses: Array<typeof LICENSE>;
  sources: Array<{ title: string; path: string }>;
  resources: PackageResource[];
}

const sourceOf = (s: ResourceSource): ResourceSource => ({ title: s.title, path: s.path, publisher: s.publisher, licence: s.licence, ...(s.retrieved ? { retrieved: s.retrieved } : {}) });

/**
 * The latest year a dataset holds: the largest `year`, else the largest year
 * written in `period` or `date`, over rows that have a value (a row whose
 * `value` is empty says the value is missing, not that the year is covered).
 */
export function latestYear(d: Pick<Dataset, "fields" | "rows" | "computed">): number | null {
  const names = d.fields.map((f) => f.name);
  const column = ["year", "period", "date"].find((c) => names.includes(c));
  if (!column) return null;
  const cells = cellReaders(d);
  const when = cells[names.indexOf(column)]!;
  const value = names.includes("value") ? cells[names.indexOf("value")] : undefined;
  let latest: number | null = null;
  for (const r of d.rows) {
    if (value && value(r) === null) continue;
    const w = when(r);
    // A year as a number of four digits is its own only match of \d{4}; anything else is read as text.
    if (typeof w === "number" && Number.isInteger(w) && w >= 1000 && w <= 9999) latest = Math.max(latest ?? -Infinity, w);
    else for (const m of String(w ?? "").matchAll(/\d{4}/g)) latest = Math.max(latest ?? -Infinity, Number(m[0]));
  }
  return latest;
}

export function datapackage(datasets: Dataset[], build: BuildInfo, extras: ExtraFile[] = []): DataPackage {
  return {
    profile: "data-package",
    name: "finsam-i-siffror",
    title: `${SITE_NAME}: öppna data om finansiell samordning (Finsam)`,
    description:
      "Rensade och dokumenterade tabeller om samordningsförbund och deras kommuner: nyckeltal per kommun, län och riket från Kolada, härledd befolkning 16–64 år, de nationella tabellerna i riksdagens uppföljning 2015 och SOCSAM 1998. Varje värde går att spåra till sin utgivare.",
    version: build.version,
    data_vintage: build.dataVintage,
    licenses: [LICENSE],
    sources: uniqueSources(datasets),
    resources: [
      ...datasets.map((d): TabularResource => ({
        name: d.name,
        path: `${d.name}.csv`,
        title: d.title,
        description: d.description,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: { delimiter: ",", lineTerminator: "\n", header: true },
        schema: {
          fields: d.fields.map((f) => ({
            name: f.name,
            type: f.type,
            description: f.description,
            ...(f.unit ? { unit: f.unit } : {}),
            ...(f.enum || f.minimum !== undefined || f.maximum !== undefined
              ? { constraints: { ...(f.enum ? { enum: f.enum } : {}), ...(f.minimum !== undefined ? { minimum: f.minimum } : {}), ...(f.maximum !== undefined ? { maximum: f.maximum } : {}) } }
              : {}),
          })),
          primaryKey: d.primaryKey,
          ...(d.foreignKeys?.length ? { foreignKeys: d.foreignKeys } : {}),
          missingValues: [""],
        },
        sources: d.sources.map(sourceOf),
        processing: d.processing,
        rows: d.rows.length,
        latest_year: latestYear(d),
        alternates: [{ path: `${d.name}.json`, format: "json", mediatype: "application/json" }],
      })),
      ...extras.map((e): PackageResource => ({
        name: e.name,
        path: e.path,
        title: e.title,
        description: e.description,
        format: e.format,
        mediatype: e.mediatype,
        encoding: "utf-8",
        sources: e.sources.map(sourceOf),
      })),
    ],
  };
}

function uniqueSources(datasets: Dataset[]) {
  const seen = new Map<string, { title: string; path: string }>();
  for (const d of datasets) for (const s of d.sources) if (!seen.has(s.publisher)) seen.set(s.publisher, { title: s.publisher, path: s.path });
  return [...seen.values()];
}

export function codebook(datasets: Dataset[], build: BuildInfo, extras: ExtraFile[] = []): string {
  const lines = [
    `# Kodbok – ${SITE_NAME}`,
    "",
    `Version ${build.version}, dataårgång: ${build.dataVintage}.`,
    "",
    "Alla filer är UTF-8, kommaseparerade, med punkt som decimaltecken. Koder är text (kommunkod 4 tecken, länskod 2 tecken, riket 00). Ett saknat värde är en tom cell, aldrig 0; kolumnen status säger varför det saknas.",
    "",
    "Skydd mot formler i kalkylprogram: en textcell i CSV-filerna som börjar med =, +, -, @, tabb eller vagnretur får en apostrof (') först, så att kalkylprogram visar den som text i stället för att köra den som formel (OWASP:s råd mot CSV-injektion). Tal skrivs som tal och ändras inte. JSON-filerna har texten oförändrad.",
    "",
  ];
  for (const d of datasets) {
    lines.push(`## ${d.title}`, "", `Filer: \`${d.name}.csv\`, \`${d.name}.json\` (${d.rows.length} rader). Nyckel: ${d.primaryKey.join(", ")}.`, "", d.description, "");
    if (d.foreignKeys?.length) lines.push(`Hänvisar till: ${d.foreignKeys.map((k) => `${k.fields.join(", ")} → ${k.reference.resource}.${k.reference.fields.join(", ")}`).join("; ")}.`, "");
    lines.push(`Bearbetning: ${d.processing}`, "");
    const latest = latestYear(d);
    if (latest !== null) lines.push(`Senaste år med värden: ${latest}.`, "");
    lines.push("| kolumn | typ | enhet | beskrivning |", "|---|---|---|---|");
    for (const f of d.fields) lines.push(`| ${f.name} | ${f.type} | ${f.unit ?? ""} | ${f.description.replace(/\|/g, "\\|")}${f.enum ? ` Värden: ${f.enum.join(", ")}.` : ""}${boundsText(f)} |`);
    lines.push("", "Källor:", ...d.sources.map((s) => `- ${s.title}. ${s.publisher}. ${s.path}. Licens: ${s.licence}.${s.retrieved ? ` Hämtat: ${s.retrieved}.` : ""}`), "");
  }
  for (const e of extras) lines.push(`## ${e.title}`, "", `Fil: \`${e.path}\` (${e.format}).`, "", e.description, "", "Källor:", ...e.sources.map((s) => `- ${s.title}. ${s.publisher}. ${s.path}. Licens: ${s.licence}.`), "");
  return lines.join("\n");
}

export function publishDatasets(datasets: Dataset[], build: BuildInfo, extras: ExtraFile[] = []): FileTree {
  const files: FileTree = new Map();
  const names = new Set<string>();
  for (const d of datasets) {
    if (names.has(d.name)) throw new Error(`two datasets named ${d.name}`);
    names.add(d.name);
    for (const [path, content] of datasetFiles(d)) files.set(path, content);
  }
  checkForeignKeys(datasets);
  for (const e of extras) files.set(e.path, e.content);
  files.set("datapackage.json", JSON.stringify(datapackage(datasets, build, extras), null, 2) + "\n");
  files.set("codebook.md", codebook(datasets, build, extras));
  return files;
}

/** "Tillåtna värden: 0–365." for a field with bounds (codebook). */
function boundsText(f: FieldDef): string {
  if (f.minimum === undefined && f.maximum === undefined) return "";
  if (f.maximum === undefined) return ` Tillåtna värden: minst ${f.minimum}.`;
  if (f.minimum === undefined) return ` Tillåtna värden: högst ${f.maximum}.`;
  return ` Tillåtna värden: ${f.minimum}–${f.maximum}.`;
}
