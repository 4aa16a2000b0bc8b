/**
 * The Finsam KPIs U40460–U40469 ("Deltagarbedömning Finsam", participants'
 * own assessment) as the kolada-live importer wrote them:
 * data/snapshot/kolada-live/deltagarbedomning.csv, routed by Kolada's KPI
 * metadata (kpi-metadata.csv). Absent until a maintainer has fetched from
 * Kolada API v3 and imported; then null, and the dataset says so.
 */
import { join, relative } from "node:path";
import { z } from "zod";
import { DataInputError } from "./errors";
import { FINSAM_KPIS } from "./fetch/kolada";
import { ASSESSMENT_COLUMNS, ASSESSMENT_FILE, ASSESSMENT_LEVELS, type AssessmentValue } from "./import/kolada-live-assessments";
import { LIVE_META_COLUMNS } from "./import/kolada-live";
import { LIVE_SNAPSHOT_SOURCE, sealedBytes, sealedCsv } from "./load";
import { sexEnum, type Provenance } from "./schema";
import { assertUniqueKey } from "./validate";

/** What Kolada's metadata says about one Finsam KPI (kpi-metadata.csv). */
export interface AssessmentKpi {
  kpi: string;
  title: string;
  municipality_type: "K" | "L" | "A";
  has_ou_data: boolean;
  kolada_publication_date: string;
}

export interface AssessmentSnapshot {
  rows: AssessmentValue[];
  kpis: AssessmentKpi[];
  provenance: Provenance;
}

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const metaSchema = z.object(Object.fromEntries(LIVE_META_COLUMNS.map((c) => [c, z.string()])) as Record<(typeof LIVE_META_COLUMNS)[number], z.ZodString>);
const rowSchema = z
  .object({
    kpi: z.enum(FINSAM_KPIS as [string, ...string[]], { message: "not one of the Finsam KPIs U40460–U40469" }),
    level: z.enum(ASSESSMENT_LEVELS),
    code: z.string().min(1),
    year: z.string().regex(/^\d{4}$/, "year must be YYYY").transform(Number),
    sex: sexEnum,
    value: z.string().transform((v, ctx) => {
      if (v === "") return null;
      const n = Number(v);
      if (!/^\d+(\.\d+)?$/.test(v) || n > 100) ctx.addIssue({ code: "custom", message: "a share must be a number from 0 to 100 with a decimal point" });
      return n;
    }),
    status: z.enum(["published", "not_published"]),
    note: z.string(),
    source_file: z.string().min(1, "source_file must name the fetched file"),
  })
  .refine((r) => (r.value === null) === (r.status === "not_published"), { message: "a value goes with status published, no value with not_published", path: ["status"] });

/**
 * The Finsam assessments of the live snapshot, or null when the live folder
 * or its deltagarbedomning.csv is absent. Every row is checked against its
 * KPI's unit of report: a kommun row needs municipality_type K or A, an OU
 * row has_ou_data, and a kommun or län code must be one the snapshot knows.
 */
export function loadAssessments(snapshotDir: string, live: Provenance | undefined, areas: { kommuner: ReadonlySet<string>; lan: ReadonlySet<string> }): AssessmentSnapshot | null {
  const entry = live?.files.find((f) => f.path === ASSESSMENT_FILE);
  if (!live || !entry) return null;
  const rel = (p: string) => relative(process.cwd(), join(snapshotDir, p)) || p;
  // The same sealed reading as loadSnapshot's: listed in provenance.json, same sha256, columns, schema, row count.
  const read = <S extends z.ZodType>(name: string, schema: S, columns: readonly string[]) => {
    const path = `${LIVE_SNAPSHOT_SOURCE}/${name}`;
    const sealed = live.files.find((f) => f.path === name);
    return sealedCsv(sealedBytes(snapshotDir, path, sealed, rel), sealed!, rel(path), schema, columns);
  };
  const meta = read("kpi-metadata.csv", metaSchema, LIVE_META_COLUMNS);
  const kpis: AssessmentKpi[] = [];
  for (const m of meta.rows) {
    if (!FINSAM_KPIS.includes(m.kpi)) continue;
    const type = m.municipality_type;
    if (type !== "K" && type !== "L" && type !== "A") throw new DataInputError({ file: meta.file, row: m.row, column: "municipality_type", value: type }, "expected K, L or A (the importer checks Kolada's metadata)");
    const ou = flag.safeParse(m.has_ou_data);
    if (!ou.success) throw new DataInputError({ file: meta.file, row: m.row, column: "has_ou_data", value: m.has_ou_data }, "expected true or false");
    kpis.push({ kpi: m.kpi, title: m.title, municipality_type: type, has_ou_data: ou.data, kolada_publication_date: m.kolada_publication_date });
  }
  const values = read(ASSESSMENT_FILE, rowSchema, ASSESSMENT_COLUMNS);
  assertUniqueKey(values.rows, ["kpi", "level", "code", "year", "sex"], values.file);
  for (const r of values.rows) {
    const at = { file: values.file, row: r.row };
    const unit = kpis.find((k) => k.kpi === r.kpi);
    if (!unit) throw new DataInputError({ ...at, column: "kpi", value: r.kpi }, "no row in kpi-metadata.csv: the unit of report is unknown");
    if (r.level === "ou" && !unit.has_ou_data) throw new DataInputError({ ...at, column: "level", value: r.level }, `kpi-metadata.csv says has_ou_data is false for ${r.kpi}`);
    if (r.level === "kommun" && unit.municipality_type === "L") throw new DataInputError({ ...at, column: "level", value: r.level }, `kpi-metadata.csv says municipality_type L (regions) for ${r.kpi}`);
    const known = r.level === "kommun" ? areas.kommuner : r.level === "lan" ? areas.lan : null;
    if (known && !known.has(r.code)) throw new DataInputError({ ...at, column: "code", value: r.code }, `unknown ${r.level} code`);
    if (r.level === "riket" && r.code !== "00") throw new DataInputError({ ...at, column: "code", value: r.code }, "riket has code 00");
  }
  return { rows: values.rows.map(({ row: _r, ...x }) => x as AssessmentValue), kpis: kpis.sort((a, b) => a.kpi.localeCompare(b.kpi)), provenance: live };
}
