/**
 * Load the committed snapshot (data/snapshot/) and validate it again: the
 * files are committed and may be edited by hand, so the build trusts nothing
 * it has not checked. Reads only data/, never the original sources.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Topology } from "topojson-specification";
import { decodeUtf8, parseCsv, requireColumns } from "./csv";
import { DataInputError } from "./errors";
import { INDICATORS, type IndicatorInfo } from "./indicators";
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
} from "./schema";
import { assertUniqueKey, validateRows } from "./validate";
import { HISTORY_SCHEMAS, HISTORY_TABLE_IDS, historyColumns, type HistoryTables } from "./history-schema";
import type { z } from "zod";

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

export function loadSnapshot(dir: string, catalog: readonly IndicatorInfo[] = INDICATORS): Snapshot {
  const rel = (p: string) => relative(process.cwd(), join(dir, p)) || p;
  const read = <S extends z.ZodType>(path: string, schema: S, columns: readonly string[]) => {
    const file = rel(path);
    if (!existsSync(join(dir, path))) throw new DataInputError({ file }, "snapshot file missing: run the importer (npm run import -- --from …)");
    const table = parseCsv(decodeUtf8(readFileSync(join(dir, path)), file), file);
    requireColumns(table, columns);
    return { file, rows: validateRows(schema, table) };
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
  for (const info of catalog) {
    if (!indicatorMeta.has(info.kpi)) throw new DataInputError({ file: meta.file, column: "kpi", value: info.kpi }, "indicator has no metadata row");
    const v = read(`kolada/values/${info.kpi.toLowerCase()}.csv`, indicatorValueSchema, SNAPSHOT_COLUMNS.indicatorValue);
    for (const r of v.rows) {
      if (r.kpi !== info.kpi) throw new DataInputError({ file: v.file, row: r.row, column: "kpi", value: r.kpi }, `expected ${info.kpi} in this file`);
      const known = r.level === "kommun" ? kommunCodes : r.level === "lan" ? lanCodes : null;
      if (known && !known.has(r.code)) throw new DataInputError({ file: v.file, row: r.row, column: "code", value: r.code }, `unknown ${r.level} code`);
    }
    assertUniqueKey(v.rows, ["level", "code", "year", "sex"], v.file);
    values.set(info.kpi, v.rows.map(({ row: _r, ...x }) => x));
  }

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

  const provenance = new Map<string, Provenance>();
  for (const source of ["areas", "kolada", "geo", "riksdag-2015", "socsam"]) {
    const file = rel(`${source}/provenance.json`);
    const parsed = provenanceSchema.safeParse(JSON.parse(readFileSync(join(dir, source, "provenance.json"), "utf8")));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DataInputError({ file, column: issue.path.join(".") }, issue.message);
    }
    provenance.set(source, parsed.data);
  }

  const history = Object.fromEntries(
    HISTORY_TABLE_IDS.map((id) => [id, read(`socsam/history/${id}.csv`, HISTORY_SCHEMAS[id], historyColumns(id)).rows.map(({ row: _r, ...x }) => x)]),
  ) as unknown as HistoryTables;

  const topology = JSON.parse(readFileSync(join(dir, "geo/sweden.topo.json"), "utf8")) as Topology;
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
