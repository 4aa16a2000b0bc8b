/**
 * Publish: turn the validated snapshot and its derivations into the datasets
 * researchers download (/data/ in the site): for each a tidy CSV and JSON,
 * listed in one Frictionless datapackage.json and a codebook.
 */
import type { FileTree } from "../atomic";
import { formatCsv, formatCsvChunks } from "../csv";
import type { TotalCheck } from "../derive/check-totals";
import type { DerivedValue } from "../derive/population";
import { INDICATORS, type IndicatorInfo } from "../indicators";
import type { Snapshot } from "../load";
import { FOERBUND_TABLE_UNITS, type IndicatorValue, type PrintedFigure, type Provenance, type Sex } from "../schema";
import { field, type FieldDef } from "./fields";

export interface ResourceSource {
  title: string;
  publisher: string;
  path: string;
  licence: string;
}

export interface Dataset {
  name: string;
  title: string;
  description: string;
  fields: FieldDef[];
  primaryKey: string[];
  rows: Record<string, unknown>[];
  sources: ResourceSource[];
  /** What we did to the published values, for the codebook and data page. */
  processing: string;
}

export function sourcesOf(provenance: Provenance, paths?: string[]): ResourceSource[] {
  const files = paths ? provenance.files.filter((f) => paths.includes(f.path)) : provenance.files;
  return files.map((f) => ({
    title: `${f.title} — ${f.source_ref}`,
    publisher: provenance.publisher + (provenance.original_publishers.length ? ` (ursprungligen ${provenance.original_publishers.join(", ")})` : ""),
    path: provenance.retrieval.url || provenance.retrieval.archive,
    licence: provenance.licence,
  }));
}

export interface Derivations {
  population16to64: DerivedValue[];
  totalChecks: TotalCheck[];
}

export function buildDatasets(snapshot: Snapshot, derived: Derivations, catalog: readonly IndicatorInfo[] = INDICATORS): Dataset[] {
  const names = areaNames(snapshot);
  const lanName = new Map(snapshot.lan.map((l) => [l.lanskod, l.name]));
  const kolada = snapshot.provenance.get("kolada")!;
  const areas = snapshot.provenance.get("areas")!;
  const datasets: Dataset[] = [];

  datasets.push({
    name: "kommuner",
    title: "Kommuner",
    description: "Sveriges 290 kommuner med kommunkod, namn och län.",
    fields: [field("kommunkod"), field("name", { description: "Kommunens namn." }), field("lanskod"), field("lan_name")],
    primaryKey: ["kommunkod"],
    rows: snapshot.kommuner.map((k) => ({ ...k, lan_name: lanName.get(k.lanskod) })),
    sources: sourcesOf(areas, ["kommuner.csv"]),
    processing: "Oförändrad kommunlista; länets namn tillagt från SCB.",
  });
  datasets.push({
    name: "lan",
    title: "Län",
    description: "Sveriges 21 län med länskod och namn.",
    fields: [field("lanskod"), field("name", { description: "Länets namn." })],
    primaryKey: ["lanskod"],
    rows: snapshot.lan,
    sources: sourcesOf(areas, ["lan.csv"]),
    processing: "Oförändrad.",
  });

  for (const info of catalog) {
    const meta = snapshot.indicatorMeta.get(info.kpi)!;
    const rows = completeKommunGrid(snapshot.values.get(info.kpi)!, snapshot.kommuner.map((k) => k.kommunkod));
    datasets.push({
      name: info.slug,
      title: `${info.shortName} (${info.kpi})`,
      description: `${meta.title}. ${meta.description} Enhet: ${info.unit}.`,
      fields: [
        field("kpi"),
        field("level"),
        field("code"),
        field("name"),
        field("year"),
        field("sex"),
        field("value", { unit: info.unit, description: `${info.shortName}, ${info.unit}. Tomt när värde saknas; se status.` }),
        field("status", { enum: ["published", "not_published", "source_defect"] }),
        field("note"),
      ],
      primaryKey: ["level", "code", "year", "sex"],
      rows: rows.map((v) => ({ ...v, name: names.get(`${v.level}:${v.code}`) })),
      sources: sourcesOf(kolada, [`values/${info.kpi.toLowerCase()}.csv`]),
      processing:
        "Värdena är oförändrade från Kolada. För kommuner finns en rad för varje kommun och år inom nyckeltalets period; där Kolada saknar värde är värdet tomt med status not_published. Riket har koden 00.",
    });
  }

  datasets.push({
    name: "befolkning-16-64",
    title: "Invånare 16–64 år (härlett)",
    description: "Antal invånare 16–64 år den 31 december: summan av Kolada N01954 (16–19 år) och N01955 (20–64 år). Vikten för förbundsområdenas värden.",
    fields: [
      field("level"),
      field("code"),
      field("name"),
      field("year"),
      field("sex"),
      field("value", { unit: "personer", description: "Invånare 16–64 år den 31 december. Tomt om någon del saknas." }),
      field("status", { enum: ["derived", "not_available"] }),
      field("note"),
    ],
    primaryKey: ["level", "code", "year", "sex"],
    rows: derived.population16to64.map((v) => ({ ...v, name: names.get(`${v.level}:${v.code}`) })),
    sources: sourcesOf(kolada, ["values/n01954.csv", "values/n01955.csv"]),
    processing: "value = N01954 + N01955 för samma område, år och kön; saknas någon av dem är summan tom (status not_available).",
  });

  datasets.push({
    name: "kontroll-lan-riket",
    title: "Kontroll: län och riket beräknade från kommunerna",
    description:
      "För varje nyckeltal, län, år och kön: värdet som Kolada publicerar för länet eller riket, och vårt värde beräknat från länets kommuner på samma sätt som vi beräknar förbundsområden. Skillnaden visar hur väl metoden återger utgivarens egna totaler.",
    fields: [
      field("kpi"),
      field("level", { enum: ["lan", "riket"] }),
      field("code"),
      field("name"),
      field("year"),
      field("sex"),
      field("published"),
      field("recomputed"),
      field("difference"),
      field("relative_difference"),
      field("tolerance"),
      field("within_tolerance"),
    ],
    primaryKey: ["kpi", "level", "code", "year", "sex"],
    rows: derived.totalChecks.map((c) => ({
      ...c,
      name: names.get(`${c.level}:${c.code}`),
      recomputed: round(c.recomputed, 6),
      difference: round(c.difference, 6),
      relative_difference: round(c.relative_difference, 6),
    })),
    sources: sourcesOf(kolada, catalog.map((i) => `values/${i.kpi.toLowerCase()}.csv`)),
    processing:
      "Antal summeras; andelar och tal vägs med befolkningen 16–64 år (ekonomiskt bistånd: hela befolkningen). Kommunen räknas till det län den tillhörde det året (Heby: Västmanlands län till och med 2005 i Koladas länssiffror). Endast år där alla länets kommuner har värde jämförs. Värden avrundade till 6 decimaler.",
  });

  const riksdag = snapshot.provenance.get("riksdag-2015")!;
  const titles = new Map(riksdag.files.map((f) => [f.path.replace(".csv", "").toUpperCase(), f.title]));
  const printedFields = (extra: FieldDef[] = []) => [
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
    ...extra,
  ];
  const national: PrintedFigure[] = [...snapshot.printed.entries()].filter(([id]) => /^T\d+$/.test(id)).flatMap(([, rows]) => rows);
  datasets.push({
    name: "finsam-nationellt-2011-2015",
    title: "Finsam nationellt: tabellerna i riksdagens uppföljning 2015",
    description:
      "Tabell 1–17 i 2014/15:RFR (socialförsäkringsutskottet): antal samordningsförbund och kommuner 2008–2015, deltagare och insatser i SUS 2011–2014, resultat efter insats, försörjning före och efter, statliga medel 2005–2015. Varje värde har kvar sin tryckta form och sitt radnummer.",
    fields: printedFields(),
    primaryKey: ["table", "period", "measure", "breakdown"],
    rows: national.map((f) => ({ ...f, table_title: titles.get(f.table) })),
    sources: sourcesOf(riksdag, riksdag.files.filter((f) => /^t\d+\.csv$/.test(f.path)).map((f) => f.path)),
    processing: "Tusentalsmellanrum borttagna, decimalkomma till punkt, tankstreck till tomt värde; den tryckta cellen finns kvar i value_printed. Rapportens egna motsägelser är kvar och förklarade i note.",
  });

  datasets.push({
    name: "forbund-siffror-2015",
    title: "Siffror om enskilda förbund i riksdagens uppföljning 2015",
    description:
      "Deltagare, resultat, budget och finansiering för enskilda förbund som de står i löptexten i 2014/15:RFR (främst Bilaga 2), med den mening siffran kommer från och dess radnummer. Perioden anges som i texten; ett frågetecken betyder att texten inte säger året tydligt.",
    fields: [
      field("table", { description: "txt_03 = deltagare och resultat, txt_04 = budget och finansiering." }),
      field("foerbund_id"), field("foerbund_printed"), field("activity"),
      field("period", { description: "Perioden som texten anger (år, intervall eller fritt), oförändrad." }),
      field("measure"),
      field("value", { description: "Siffran; tom där källan ger ett intervall (se value_low och value_high)." }),
      field("value_low"), field("value_high"), field("unit"), field("note"), field("source_line"), field("quote"),
    ],
    primaryKey: ["table", "source_line", "foerbund_id", "activity", "period", "measure"],
    rows: snapshot.foerbundFigures,
    sources: sourcesOf(riksdag, ["foerbund/figures.csv"]),
    processing: "Tusentalsmellanrum borttagna; ett intervall som 450–900 delat i value_low och value_high. Inget år härlett där texten inte anger det.",
  });

  const foerbundTables = [...snapshot.foerbundTables.entries()];
  const tablePath = (id: string) => `foerbund/${id.toLowerCase()}.csv`;
  const tableTitles = new Map(riksdag.files.map((f) => [f.path, f.title]));
  datasets.push({
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
      field("unit", { description: "Enhet: persons, count, percent, SEK, TSEK, eller unknown där tabellen inte skriver någon och den inte går att läsa ut.", enum: FOERBUND_TABLE_UNITS }),
      field("value_printed"),
      field("source_line"),
      field("note"),
    ],
    primaryKey: ["table", "foerbund_id", "activity", "period", "measure", "breakdown"],
    rows: foerbundTables.flatMap(([id, t]) => t.rows.map(({ row: _r, ...f }) => ({ ...f, table_title: tableTitles.get(tablePath(id)) }))),
    sources: sourcesOf(riksdag, foerbundTables.map(([id]) => tablePath(id))),
    processing: "Varje tabell i sitt eget format omförd till en rad per cell. Tusentalsmellanrum borttagna, decimalkomma till punkt; tom ruta är tomt värde, aldrig 0. Summarader står kvar som de trycktes (activity Totalt eller Summa). Inget räknat om.",
  });

  const socsam = snapshot.provenance.get("socsam")!;
  datasets.push({
    name: "socsam-1998",
    title: "SOCSAM: finansiellt resultat per försöksområde 1998",
    description: "Finansiell ram, kostnader och resultat 1998 för de åtta SOCSAM-försöken (RFV och Socialstyrelsen, lägesrapport 1999, Tabell 1).",
    fields: printedFields(),
    primaryKey: ["table", "period", "measure", "breakdown"],
    rows: (snapshot.printed.get("SOCSAM-T1") ?? []).map((f) => ({ ...f, table_title: socsam.files[0]!.title })),
    sources: sourcesOf(socsam),
    processing: "Tabellen i långt format: en rad per område och mått. Summa-raden är med (breakdown = Summa).",
  });
  return datasets;
}

const LEVEL_ORDER = { riket: 0, lan: 1, kommun: 2 } as const;
const SEX_ORDER: Record<Sex, number> = { T: 0, K: 1, M: 2 };

type PublishedValue = Omit<IndicatorValue, "status"> & { status: IndicatorValue["status"] | "not_published" };

/**
 * One row per kommun, year and sex within the years the KPI is published for
 * kommuner, so that a gap is an explicit row (status not_published), not an
 * absent one a reader might take for zero.
 */
export function completeKommunGrid(values: readonly IndicatorValue[], kommunCodes: readonly string[]): PublishedValue[] {
  const kommunValues = values.filter((v) => v.level === "kommun");
  const years = kommunValues.map((v) => v.year);
  const sexes = [...new Set(kommunValues.map((v) => v.sex))];
  const have = new Set(kommunValues.map((v) => `${v.code}|${v.year}|${v.sex}`));
  const kpi = values[0]!.kpi;
  const gaps: PublishedValue[] = [];
  for (let year = Math.min(...years); year <= Math.max(...years); year++)
    for (const code of kommunCodes)
      for (const sex of sexes)
        if (!have.has(`${code}|${year}|${sex}`)) gaps.push({ kpi, level: "kommun", code, year, sex, value: null, status: "not_published", note: "" });
  return [...values, ...gaps].sort(
    (a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code) || a.year - b.year || SEX_ORDER[a.sex] - SEX_ORDER[b.sex],
  );
}

/** Exactly JSON.stringify(rows) + "\n", built in chunks so no single string grows past V8's limit. */
export function jsonArrayChunks(rows: readonly unknown[], rowsPerChunk = 20_000): string[] {
  if (rows.length === 0) return ["[]\n"];
  const chunks: string[] = [];
  for (let i = 0; i < rows.length; i += rowsPerChunk) {
    const body = rows.slice(i, i + rowsPerChunk).map((r) => JSON.stringify(r)).join(",");
    chunks.push((i === 0 ? "[" : ",") + body);
  }
  chunks.push("]\n");
  return chunks;
}

export function areaNames(snapshot: Snapshot): Map<string, string> {
  return new Map([
    ["riket:00", "Riket"],
    ...snapshot.lan.map((l) => [`lan:${l.lanskod}`, l.name] as [string, string]),
    ...snapshot.kommuner.map((k) => [`kommun:${k.kommunkod}`, k.name] as [string, string]),
  ]);
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Assert every row fits its dataset's fields, so the datapackage never lies about its files. */
export function checkDatasetRows(d: Dataset): void {
  for (const [i, row] of d.rows.entries()) {
    for (const f of d.fields) {
      const v = row[f.name];
      if (v === null || v === undefined || v === "") continue;
      const ok =
        f.type === "string" ? typeof v === "string" : f.type === "integer" ? Number.isInteger(v) : f.type === "number" ? typeof v === "number" && Number.isFinite(v) : typeof v === "boolean";
      if (!ok) throw new Error(`dataset ${d.name}, row ${i + 1}, column "${f.name}": value ${JSON.stringify(v)} is not of type ${f.type}`);
      if (f.enum && !f.enum.includes(String(v))) throw new Error(`dataset ${d.name}, row ${i + 1}, column "${f.name}": value ${JSON.stringify(v)} not in ${f.enum.join("|")}`);
    }
  }
}

export function datasetFiles(d: Dataset): FileTree {
  checkDatasetRows(d);
  const columns = d.fields.map((f) => f.name);
  const rows = d.rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
  return new Map([
    [`${d.name}.csv`, formatCsvChunks(columns, rows)],
    [`${d.name}.json`, jsonArrayChunks(rows)],
  ]);
}

