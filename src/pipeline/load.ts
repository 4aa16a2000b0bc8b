/**
 * Load the committed snapshot (data/snapshot/) and validate it again: the
 * files are committed and may be edited by hand, so the build trusts nothing
 * it has not checked. Reads only data/, never the original sources.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { Topology } from "topojson-specification";
import { decodeUtf8, parseCsv, requireColumns } from "./csv";
import { DataInputError } from "./errors";
import { KOLADA_SOURCE_COVERAGE, type CoverageSpec } from "./coverage";
import { checkValueFile, readValueFile, valueCellCache } from "./load-values";
import { parseJson, readRegularFile } from "./files";
import { boundsProblem, INDICATORS, type IndicatorInfo } from "./indicators";
import {
  indicatorMetaSchema,
  indicatorValueSchema,
  kommunSchema,
  lanSchema,
  printedFigureSchema,
  provenanceSchema,
  SNAPSHOT_COLUMNS,
  foerbundFigureSchema,
  foerbundTableFigureSchema,
  type FoerbundFigure,
  type FoerbundTableFigure,
  type IndicatorMeta,
  type IndicatorValue,
  type Kommun,
  type Lan,
  type PrintedFigure,
  type Provenance,
  type AreaLevel,
  type Sex,
} from "./schema";
import { assertUniqueKey, validateRows } from "./validate";
import { checkLoadedLiveRows, type LiveRowLike } from "./live-values";
import { HISTORY_SCHEMAS, HISTORY_TABLE_IDS, historyColumns, type HistoryTables } from "./history-schema";
import { z } from "zod";

export interface Snapshot {
  kommuner: Kommun[];
  lan: Lan[];
  indicatorMeta: Map<string, IndicatorMeta>;
  /** KPI id → all values (riket, län, kommun; T/K/M). */
  values: Map<string, IndicatorValue[]>;
  /** Table id (T01…, SOCSAM-T1) → figures. */
  printed: Map<string, PrintedFigure[]>;
  /** Per-förbund figures from the 2015 report's running text. */
  foerbundFigures: FoerbundFigure[];
  /** Tables about single förbund (Bilaga 2), by table id; `file` for error messages. */
  foerbundTables: Map<string, { file: string; rows: Array<FoerbundTableFigure & { row: number }> }>;
  topology: Topology;
  provenance: Map<string, Provenance>;
  /** The tables about the trials before Finsam (socsam/history/), by table id. */
  history: HistoryTables;
}

export const SNAPSHOT_SOURCES = ["areas", "kolada", "geo", "riksdag-2015", "socsam"] as const;
/** Written by the kolada-live importer (npm run fetch + import); optional: absent until a maintainer fetches. */
export const LIVE_SNAPSHOT_SOURCE = "kolada-live";
/** The live source's columns: the snapshot's, plus the fetched file each row came from. */
const LIVE_VALUE_COLUMNS = [...SNAPSHOT_COLUMNS.indicatorValue, "source_file"] as const;
const liveValueSchema = z.object({
  kpi: z.string(),
  level: z.string(),
  code: z.string(),
  year: z.string(),
  sex: z.string(),
  value: z.string(),
  status: z.enum(["published", "not_published", "source_defect"]),
  note: z.string(),
  source_file: z.string().min(1, "source_file must name the fetched file"),
});

/**
 * Longer than 80 lines on purpose: one pass over the snapshot in dependency
 * order (areas before values, provenance before everything), sharing the
 * sealed reader that records which files were read.
 * `coverage`: what the Kolada source promises (tests of a fixture snapshot pass their fixture's). */
export function loadSnapshot(dir: string, catalog: readonly IndicatorInfo[] = INDICATORS, coverage: CoverageSpec = KOLADA_SOURCE_COVERAGE): Snapshot {
  const rel = (p: string) => relative(process.cwd(), join(dir, p)) || p;
  const provenance = loadProvenance(dir, rel);
  const sealed = sealedFiles(provenance);
  const seen = new Set<string>();
  /** A snapshot file's bytes, after proving they are what the importer wrote (provenance sha256). */
  const readSealed = (path: string): { bytes: Buffer; entry: Provenance["files"][number] } => {
    const entry = sealed.get(path);
    const bytes = sealedBytes(dir, path, entry, rel);
    seen.add(path);
    return { bytes, entry: entry! };
  };
  const read = <S extends z.ZodType>(path: string, schema: S, columns: readonly string[]) => {
    const { bytes, entry } = readSealed(path);
    return sealedCsv(bytes, entry, rel(path), schema, columns);
  };

  const kommuner = read("areas/kommuner.csv", kommunSchema, SNAPSHOT_COLUMNS.kommun);
  assertUniqueKey(kommuner.rows, ["kommunkod"], kommuner.file);
  const lan = read("areas/lan.csv", lanSchema, SNAPSHOT_COLUMNS.lan);
  assertUniqueKey(lan.rows, ["lanskod"], lan.file);
  const kommunCodes = new Set(kommuner.rows.map((k) => k.kommunkod));
  const lanCodes = new Set(lan.rows.map((l) => l.lanskod));
  for (const k of kommuner.rows)
    if (!lanCodes.has(k.lanskod)) throw new DataInputError({ file: kommuner.file, row: k.row, column: "lanskod", value: k.lanskod }, "unknown länskod");

  const meta = read("kolada/indicators.csv", indicatorMetaSchema, SNAPSHOT_COLUMNS.indicatorMeta);
  const indicatorMeta = new Map(meta.rows.map(({ row: _r, ...m }) => [m.kpi, m]));
  const values = new Map<string, IndicatorValue[]>();
  // Parsed cells shared by all value files: one string per distinct code, level, status and note rather than
  // one per cell (at 100 KPIs these rows are most of the heap).
  const cells = valueCellCache();
  const kommunList = kommuner.rows.map((k) => k.kommunkod);
  for (const info of catalog) {
    if (!indicatorMeta.has(info.kpi)) throw new DataInputError({ file: meta.file, column: "kpi", value: info.kpi }, "indicator has no metadata row");
    const path = `kolada/values/${info.kpi.toLowerCase()}.csv`;
    const { bytes, entry } = readSealed(path);
    const v = readValueFile(bytes, entry, rel(path), info, cells);
    checkValueFile(info, v, kommunCodes, lanCodes, kommunList, coverage);
    values.set(info.kpi, v.rows);
  }
  if (provenance.has(LIVE_SNAPSHOT_SOURCE)) mergeLiveValues(values, provenance.get(LIVE_SNAPSHOT_SOURCE)!, read, kommunCodes, lanCodes, catalog);
  for (const fill of FILL_SNAPSHOT_SOURCES) if (provenance.has(fill.source)) fillMissingYears(values, fill, provenance.get(fill.source)!, read, kommunCodes, lanCodes, catalog);

  const printed = new Map<string, PrintedFigure[]>();
  for (const source of ["riksdag-2015", "socsam"]) {
    for (const name of readdirSync(join(dir, source)).filter((f) => f.endsWith(".csv")).sort()) {
      const t = read(`${source}/${name}`, printedFigureSchema, SNAPSHOT_COLUMNS.printedFigure);
      assertUniqueKey(t.rows, ["table", "period", "measure", "breakdown"], t.file);
      const id = t.rows[0]!.table;
      printed.set(id, t.rows.map(({ row: _r, ...f }) => f));
    }
  }

  const foerbundFigures = read("riksdag-2015/foerbund/figures.csv", foerbundFigureSchema, SNAPSHOT_COLUMNS.foerbundFigure);
  assertUniqueKey(foerbundFigures.rows, ["table", "source_line", "foerbund_id", "activity", "period", "measure"], foerbundFigures.file);

  const foerbundTables = new Map<string, { file: string; rows: Array<FoerbundTableFigure & { row: number }> }>();
  for (const name of readdirSync(join(dir, "riksdag-2015/foerbund")).filter((f) => /^b2-.*\.csv$/.test(f)).sort()) {
    const t = read(`riksdag-2015/foerbund/${name}`, foerbundTableFigureSchema, SNAPSHOT_COLUMNS.foerbundTableFigure);
    assertUniqueKey(t.rows, ["foerbund_id", "activity", "period", "measure", "breakdown"], t.file);
    const ids = new Set(t.rows.map((r) => r.table));
    if (ids.size !== 1) throw new DataInputError({ file: t.file, column: "table", value: [...ids].join(", ") }, "a file holds exactly one table");
    foerbundTables.set([...ids][0]!, { file: t.file, rows: t.rows });
  }

  const history = Object.fromEntries(
    HISTORY_TABLE_IDS.map((id) => [id, read(`socsam/history/${id}.csv`, HISTORY_SCHEMAS[id], historyColumns(id)).rows.map(({ row: _r, ...x }) => x)]),
  ) as unknown as HistoryTables;

  const topology = readTopology(readSealed("geo/sweden.topo.json").bytes, rel("geo/sweden.topo.json"), kommuner.rows, lan.rows, sealed.get("geo/sweden.topo.json")!.rows);
  // A file the provenance lists but nobody read was deleted (folders are listed, not trusted).
  for (const path of sealed.keys()) if (!seen.has(path)) readSealed(path);
  return {
    kommuner: kommuner.rows.map(({ row: _r, ...k }) => k),
    lan: lan.rows.map(({ row: _r, ...l }) => l),
    indicatorMeta,
    values,
    printed,
    foerbundFigures: foerbundFigures.rows.map(({ row: _r, ...f }) => f),
    foerbundTables,
    topology,
    provenance,
    history,
  };
}

function loadProvenance(dir: string, rel: (p: string) => string): Map<string, Provenance> {
  const sources: string[] = [...SNAPSHOT_SOURCES];
  // The live folder is read only when it exists; without it the build is exactly the archive's.
  if (existsSync(join(dir, LIVE_SNAPSHOT_SOURCE))) sources.push(LIVE_SNAPSHOT_SOURCE);
  for (const { source } of FILL_SNAPSHOT_SOURCES) if (existsSync(join(dir, source))) sources.push(source);
  return new Map(sources.map((source) => [source, loadSourceProvenance(dir, source, rel)] as const));
}

type SealedReader = <S extends z.ZodType>(path: string, schema: S, columns: readonly string[]) => { file: string; rows: Array<z.output<S> & { row: number }> };

/**
 * Add the values fetched from Kolada API v3 (data/snapshot/kolada-live/) for
 * the years the archive lacks. Each row is validated as an archive row would
 * be; a live value for a year the archive already has for that KPI stops the
 * build (the importer keeps only new years). A row without a value is left
 * out: the kommun grid shows the gap as not_published. Each kept row's note
 * names its source file and the fetch date, so the datasets can cite it.
 */
function mergeLiveValues(values: Map<string, IndicatorValue[]>, prov: Provenance, read: SealedReader, kommunCodes: Set<string>, lanCodes: Set<string>, catalog: readonly IndicatorInfo[]): void {
  const fetched = prov.retrieval.archived_on;
  for (const [kpi, archive] of values) {
    const path = `values/${kpi.toLowerCase()}.csv`;
    if (!prov.files.some((f) => f.path === path)) continue;
    const live = read(`${LIVE_SNAPSHOT_SOURCE}/${path}`, liveValueSchema, LIVE_VALUE_COLUMNS);
    const archiveYears = new Set(archive.map((v) => v.year));
    const added: IndicatorValue[] = [];
    const checked: Array<LiveRowLike & { row: number }> = [];
    for (const r of live.rows) {
      if (r.status === "not_published") {
        checked.push({ level: r.level as AreaLevel, code: r.code, year: Number(r.year), sex: r.sex as Sex, value: null, status: r.status, row: r.row });
        continue;
      }
      const { source_file, row, ...cells } = r;
      const parsed = indicatorValueSchema.safeParse(cells);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const column = String(issue.path[0] ?? "");
        throw new DataInputError({ file: live.file, row, column, value: (cells as Record<string, string>)[column] }, issue.message);
      }
      const v = parsed.data;
      const at = { file: live.file, row };
      if (v.kpi !== kpi) throw new DataInputError({ ...at, column: "kpi", value: v.kpi }, `expected ${kpi} in this file`);
      if (archiveYears.has(v.year)) throw new DataInputError({ ...at, column: "year", value: v.year }, `the archive (kolada/${path}) already has ${v.year} for ${kpi}: re-import kolada-live, which keeps only the years the archive lacks`);
      const known = v.level === "kommun" ? kommunCodes : v.level === "lan" ? lanCodes : null;
      if (known && !known.has(v.code)) throw new DataInputError({ ...at, column: "code", value: v.code }, `unknown ${v.level} code`);
      const info = catalog.find((i) => i.kpi === kpi);
      const problem = info && v.value !== null ? boundsProblem(info, v.value) : null;
      if (problem) throw new DataInputError({ ...at, column: "value", value: v.value }, problem);
      added.push({ ...v, note: [v.note, `Kolada API v3, hämtat ${fetched} (${LIVE_SNAPSHOT_SOURCE}/${path}, ${source_file})`].filter(Boolean).join("; ") });
      checked.push({ ...v, row });
    }
    // The archive's other checks, on the live rows as read (live-values.ts).
    checkLoadedLiveRows(kpi, catalog.find((i) => i.kpi === kpi), checked, live.file, [...kommunCodes].sort());
    assertUniqueKey(added.map((v, i) => ({ ...v, row: i + 2 })), ["level", "code", "year", "sex"], live.file);
    values.set(kpi, [...archive, ...added]);
  }
}

/**
 * Written by the fk-live and scb-live importers (npm run fetch + import);
 * optional. Their values fill only the years Kolada (archive and API v3)
 * lacks for a KPI: Försäkringskassan's ohälsotal and sjukpenningtal, SCB's
 * population 16–19 and 20–64 (the weights).
 */
export const FILL_SNAPSHOT_SOURCES = [
  { source: "fk-live", publisher: "Försäkringskassan" },
  { source: "scb-live", publisher: "SCB" },
] as const;

/**
 * Add a fill source's rows for the years no Kolada row of that KPI has. Each
 * row is validated as a Kolada row would be (known codes, bounds, one row per
 * area, year and sex), and its note names the publisher, the fetch date and
 * the file. Years Kolada has are left to Kolada: the importer has already
 * checked that the two agree there.
 */
function fillMissingYears(values: Map<string, IndicatorValue[]>, fill: (typeof FILL_SNAPSHOT_SOURCES)[number], prov: Provenance, read: SealedReader, kommunCodes: Set<string>, lanCodes: Set<string>, catalog: readonly IndicatorInfo[]): void {
  for (const [kpi, kolada] of values) {
    const path = `values/${kpi.toLowerCase()}.csv`;
    if (!prov.files.some((f) => f.path === path)) continue;
    const file = read(`${fill.source}/${path}`, liveValueSchema, LIVE_VALUE_COLUMNS);
    const koladaYears = new Set(kolada.map((v) => v.year));
    const info = catalog.find((i) => i.kpi === kpi);
    const added: IndicatorValue[] = [];
    for (const { source_file, row, ...cells } of file.rows) {
      if (cells.status === "not_published") continue;
      const parsed = indicatorValueSchema.safeParse(cells);
      if (!parsed.success) {
        const column = String(parsed.error.issues[0]!.path[0] ?? "");
        throw new DataInputError({ file: file.file, row, column, value: (cells as Record<string, string>)[column] }, parsed.error.issues[0]!.message);
      }
      const v = parsed.data;
      if (koladaYears.has(v.year)) continue;
      const at = { file: file.file, row };
      if (v.kpi !== kpi) throw new DataInputError({ ...at, column: "kpi", value: v.kpi }, `expected ${kpi} in this file`);
      const known = v.level === "kommun" ? kommunCodes : v.level === "lan" ? lanCodes : null;
      if (known && !known.has(v.code)) throw new DataInputError({ ...at, column: "code", value: v.code }, `unknown ${v.level} code`);
      const problem = info && v.value !== null ? boundsProblem(info, v.value) : null;
      if (problem) throw new DataInputError({ ...at, column: "value", value: v.value }, problem);
      added.push({ ...v, note: [v.note, `${fill.publisher}, hämtat ${prov.retrieval.archived_on} (${fill.source}/${path}, ${source_file})`].filter(Boolean).join("; ") });
    }
    assertUniqueKey(added.map((v, i) => ({ ...v, row: i + 2 })), ["level", "code", "year", "sex"], file.file);
    if (added.length) values.set(kpi, [...kolada, ...added]);
  }
}

/** One snapshot folder's provenance.json, which must record a sha256 for every file it lists. */
export function loadSourceProvenance(dir: string, source: string, rel: (p: string) => string): Provenance {
  const file = rel(`${source}/provenance.json`);
  const bytes = readRegularFile(dir, `${source}/provenance.json`, file, "provenance file missing: every snapshot folder has one; run the importer (npm run import -- --from …)");
  const parsed = provenanceSchema.safeParse(parseJson(decodeUtf8(bytes, file), file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DataInputError({ file, column: issue.path.join(".") }, issue.message);
  }
  for (const [i, f] of parsed.data.files.entries())
    if (!f.sha256) throw new DataInputError({ file, column: `files.${i}.sha256` }, `no sha256 recorded for ${f.path}: re-import this source (npm run import -- --from … --only ${source})`);
  return parsed.data;
}

/**
 * A snapshot file's bytes (`path` under the snapshot folder, e.g.
 * "kolada-live/kpi-metadata.csv"), after proving they are what the importer
 * wrote: listed in its source's provenance.json (`entry`) with that sha256.
 */
export function sealedBytes(dir: string, path: string, entry: Provenance["files"][number] | undefined, rel: (p: string) => string): Buffer {
  const file = rel(path);
  const source = path.split("/")[0]!;
  if (!entry) throw new DataInputError({ file }, `not listed in ${rel(`${source}/provenance.json`)}: a snapshot file must come from the importer`);
  const bytes = readRegularFile(dir, path, file, "snapshot file missing: run the importer (npm run import -- --from …)");
  checkSeal(bytes, entry, file, rel(`${source}/provenance.json`), source);
  return bytes;
}

/** A sealed snapshot CSV parsed, checked for its columns, validated row by row, and counted against provenance.json. */
export function sealedCsv<S extends z.ZodType>(bytes: Buffer, entry: Provenance["files"][number], file: string, schema: S, columns: readonly string[]): { file: string; rows: Array<z.output<S> & { row: number }> } {
  const table = parseCsv(decodeUtf8(bytes, file), file);
  requireColumns(table, columns);
  const rows = validateRows(schema, table);
  if (entry.rows !== undefined && rows.length !== entry.rows)
    throw new DataInputError({ file, row: rows.length + 1 }, `${rows.length} data rows, but provenance.json records ${entry.rows}`);
  return { file, rows };
}

function sealedFiles(provenance: Map<string, Provenance>): Map<string, Provenance["files"][number]> {
  return new Map([...provenance].flatMap(([source, p]) => p.files.map((f) => [`${source}/${f.path}`, f] as const)));
}

/**
 * The bytes must hash to the sha256 the importer recorded. A file cut at a
 * line boundary, or a last value cut short (35.3 → 35), fails here naming the
 * file; the line count tells a cut file from an edited one.
 */
export function checkSeal(bytes: Buffer, entry: Provenance["files"][number], file: string, provenanceFile: string, source: string): void {
  const sha = createHash("sha256").update(bytes).digest("hex");
  if (sha === entry.sha256) return;
  const lines = bytes.toString("utf8").split("\n").filter((l, i, all) => l !== "" || i < all.length - 1).length;
  const expectedLines = entry.rows !== undefined && !file.endsWith(".json") ? entry.rows + 1 : undefined;
  const counted = expectedLines !== undefined && lines !== expectedLines ? `, and it has ${lines} lines where ${expectedLines} were written (cut?)` : "";
  throw new DataInputError(
    { file, row: expectedLines !== undefined && lines < expectedLines ? lines + 1 : undefined },
    `the file differs from what the importer wrote: sha256 ${sha.slice(0, 12)}…, ${provenanceFile} records ${entry.sha256!.slice(0, 12)}…${counted}. ` +
      `Restore it (git checkout), or after an intended source change re-import: npm run import -- --from <folder> --only ${source}`,
  );
}

type Position = [number, number];
/**
 * The topology the map is drawn from: objects kommuner and lan with one
 * geometry per code, arcs of finite coordinate pairs, arc indexes in range.
 * A broken topology would otherwise only fail inside astro build.
 */
function readTopology(bytes: Buffer, file: string, kommuner: readonly Kommun[], lan: readonly Lan[], rows: number | undefined): Topology {
  const topo = parseJson(decodeUtf8(bytes, file), file) as Partial<Topology> | null;
  const fail = (column: string, value: unknown, problem: string): never => {
    throw new DataInputError({ file, column, value: typeof value === "string" ? value : JSON.stringify(value)?.slice(0, 80) }, problem);
  };
  if (topo === null || typeof topo !== "object" || topo.type !== "Topology") return fail("type", topo?.type ?? null, "not a TopoJSON Topology");
  if (!Array.isArray(topo.arcs)) return fail("arcs", typeof topo.arcs, "a topology needs an array of arcs");
  topo.arcs.forEach((arc, i) => {
    if (!Array.isArray(arc) || arc.length < 2 || !arc.every((p: unknown) => Array.isArray(p) && p.length >= 2 && (p as Position).every((x) => typeof x === "number" && Number.isFinite(x))))
      fail(`arcs.${i}`, arc, "an arc must be at least two positions of finite numbers");
  });
  const arcCount = topo.arcs.length;
  const checkIndexes = (x: unknown, where: string): void => {
    if (Array.isArray(x)) return x.forEach((y, i) => checkIndexes(y, `${where}.${i}`));
    if (typeof x !== "number" || !Number.isInteger(x) || (x < 0 ? ~x : x) >= arcCount) fail(where, x, `not an arc index (0–${arcCount - 1}, or its complement)`);
  };
  let geometries = 0;
  for (const [name, codes] of [["kommuner", kommuner.map((k) => k.kommunkod)], ["lan", lan.map((l) => l.lanskod)]] as const) {
    const object = topo.objects?.[name];
    if (object?.type !== "GeometryCollection" || !Array.isArray(object.geometries)) return fail(`objects.${name}`, object?.type ?? null, "expected a GeometryCollection");
    const ids = new Set<string>();
    object.geometries.forEach((g, i) => {
      if (typeof g.id !== "string") fail(`objects.${name}.geometries.${i}.id`, g.id ?? null, "a geometry id must be a code as text");
      if (g.type !== "Polygon" && g.type !== "MultiPolygon") fail(`objects.${name}.geometries.${i}.type`, g.type, "expected a Polygon or MultiPolygon");
      checkIndexes((g as { arcs?: unknown }).arcs, `objects.${name}.geometries.${i}.arcs`);
      ids.add(g.id as string);
    });
    for (const code of codes) if (!ids.has(code)) fail(`objects.${name}`, code, "no geometry for this code");
    geometries += object.geometries.length;
  }
  if (rows !== undefined && geometries !== rows) fail("objects", geometries, `${geometries} geometries, but provenance.json records ${rows}`);
  return topo as Topology;
}
