/**
 * Kolada's Finsam KPIs U40460–U40469, "Deltagarbedömning Finsam – …, andel (%)"
 * (participants' own assessment), from what `npm run fetch` wrote. Their unit
 * of report is not known from here, so it is read from Kolada's v3 KPI
 * metadata and every field the routing relies on is checked first:
 *  - municipality_type: "K" (kommun) or "A" (read in the archive's metadata
 *    for 442 KPIs) → values under /data for kommuner, län and riket;
 *    "L" (regions) → only region and riket values are expected under /data;
 *  - has_ou_data (boolean, or 0/1 as in rKolada's mocked v3 answer): true →
 *    values under /oudata per organisational unit (OU). Which OU is which
 *    förbund is not known here, so OU values are kept, never matched;
 *  - is_divided_by_gender (boolean in v3, rKolada NEWS 0.3.0): false → only T;
 *  - title and publication_date (present; the date may be null, as in the
 *    v2 documentation) for the codebook.
 * Field names: rKolada R/glue.R (kpi_describe) and tests/testthat/
 * test-api-mocked.R; the /oudata row {kpi, ou, period, values} from rKolada
 * R/data.R (get_values renames "ou") and Hypergene/kolada's v2 README.
 */
import { DataInputError } from "../errors";
import { FINSAM_KPIS, KOLADA_DIR, koladaOuValueSchema } from "../fetch/kolada";
import type { AreaLevel, Sex } from "../schema";

/** Where a Finsam value belongs: a kommun, län or riket value from /data, or an organisational unit from /oudata. */
export type AssessmentLevel = AreaLevel | "ou";
export const ASSESSMENT_LEVELS = ["kommun", "lan", "riket", "ou"] as const satisfies readonly AssessmentLevel[];
export const ASSESSMENT_COLUMNS = ["kpi", "level", "code", "year", "sex", "value", "status", "note", "source_file"] as const;
export const ASSESSMENT_FILE = "deltagarbedomning.csv";

export type AssessmentValue = {
  kpi: string;
  level: AssessmentLevel;
  code: string;
  year: number;
  sex: Sex;
  value: number | null;
  status: "published" | "not_published";
  note: string;
  source_file: string;
};

/** The unit of report as Kolada's metadata states it. */
export interface AssessmentUnit {
  kpi: string;
  title: string;
  municipalityType: "K" | "L" | "A";
  hasOuData: boolean;
  byGender: boolean;
  publicationDate: string | null;
}

const MUNICIPALITY_TYPES = ["K", "L", "A"] as const;

/** One metadata element of a Finsam KPI, each relied-on field checked by name. */
export function assessmentUnit(element: Record<string, unknown>, file: string, row: number): AssessmentUnit {
  const kpi = String(element.id);
  const at = (column: string, value?: unknown) => ({ file, row, column, value });
  const need = (field: string, ok: (v: unknown) => boolean, expected: string): unknown => {
    if (!(field in element) || element[field] === undefined)
      throw new DataInputError(at(field), `field missing in Kolada's metadata for ${kpi}: ${field} (${expected}). The unit of report of the Finsam KPIs is read from it; has the v3 metadata changed?`);
    const v = element[field];
    if (!ok(v)) throw new DataInputError(at(field, v), `unexpected value in Kolada's metadata for ${kpi}: expected ${expected}`);
    return v;
  };
  const title = need("title", (v) => typeof v === "string" && v.trim() !== "", "a non-empty title") as string;
  const municipalityType = need("municipality_type", (v) => (MUNICIPALITY_TYPES as readonly unknown[]).includes(v), `one of ${MUNICIPALITY_TYPES.join(", ")}`) as AssessmentUnit["municipalityType"];
  const hasOuData = need("has_ou_data", (v) => typeof v === "boolean" || v === 0 || v === 1, "true/false (or 1/0)");
  const byGender = need("is_divided_by_gender", (v) => typeof v === "boolean", "true/false (a boolean in API v3)") as boolean;
  const publicationDate = need("publication_date", (v) => v === null || (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v)), "a date YYYY-MM-DD… or null") as string | null;
  return { kpi, title: title.trim(), municipalityType, hasOuData: hasOuData === true || hasOuData === 1, byGender, publicationDate };
}

/** Read the metadata of every Finsam KPI from the fetched /kpi pages; a Finsam KPI with values but no metadata stops the import. */
export function assessmentUnits(pages: ReadonlyArray<{ path: string; values: unknown[] }>): Map<string, AssessmentUnit> {
  const units = new Map<string, AssessmentUnit>();
  for (const { path, values } of pages)
    values.forEach((element, i) => {
      const e = element as Record<string, unknown>;
      if (e && typeof e === "object" && FINSAM_KPIS.includes(String(e.id))) units.set(String(e.id), assessmentUnit(e, `${KOLADA_DIR}/${path}`, i + 1));
    });
  return units;
}

export interface RawAssessmentRow {
  kpi: string;
  /** Where the row came from: /data with an area, or /oudata with an OU id. */
  area: { level: AssessmentLevel; code: string };
  period: number;
  values: ReadonlyArray<{ gender: Sex; status?: string | null; value: number | null }>;
  file: string;
  path: string;
  row: number;
}

/** The /oudata rows of the Finsam KPIs (others are not used and only counted). */
export function readOuRows(pages: ReadonlyArray<{ path: string; values: unknown[] }>): { rows: RawAssessmentRow[]; deleted: number; otherKpis: number } {
  const rows: RawAssessmentRow[] = [];
  let deleted = 0;
  let otherKpis = 0;
  for (const { path, values } of pages) {
    const file = `${KOLADA_DIR}/${path}`;
    values.forEach((element, i) => {
      const r = koladaOuValueSchema.safeParse(element);
      if (!r.success) {
        const issue = r.error.issues[0]!;
        throw new DataInputError({ file, row: i + 1, column: issue.path.map(String).join(".") }, `${issue.message} (element ${i + 1} of values; an /oudata row is {kpi, ou, period, values} as rKolada reads it)`);
      }
      if (r.data.isdeleted) return void deleted++;
      if (!FINSAM_KPIS.includes(r.data.kpi)) return void otherKpis++;
      rows.push({ kpi: r.data.kpi, area: { level: "ou", code: r.data.ou }, period: r.data.period, values: r.data.values, file, path, row: i + 1 });
    });
  }
  return { rows, deleted, otherKpis };
}

/**
 * Route each raw row by its KPI's metadata and check it against it: a
 * kommun value for a region KPI, an OU value without has_ou_data, a value by
 * sex for a KPI not divided by sex, or a share outside 0–100 stops the import.
 */
export function routeAssessments(raw: readonly RawAssessmentRow[], units: ReadonlyMap<string, AssessmentUnit>): AssessmentValue[] {
  const out = new Map<string, AssessmentValue>();
  for (const r of raw) {
    const at = { file: r.file, row: r.row };
    const unit = units.get(r.kpi);
    if (!unit) throw new DataInputError({ ...at, column: "kpi", value: r.kpi }, "a Finsam KPI with values but no metadata in the fetched /kpi pages: its unit of report cannot be read");
    if (r.area.level === "ou" && !unit.hasOuData) throw new DataInputError({ ...at, column: "ou", value: r.area.code }, `Kolada's metadata says has_ou_data is false for ${r.kpi}, but /oudata gave a value`);
    if (r.area.level === "kommun" && unit.municipalityType === "L")
      throw new DataInputError({ ...at, column: "municipality", value: r.area.code }, `Kolada's metadata says municipality_type L (regions) for ${r.kpi}, but /data gave a kommun value`);
    for (const v of r.values) {
      if (v.gender !== "T" && !unit.byGender) throw new DataInputError({ ...at, column: "values.gender", value: v.gender }, `Kolada's metadata says ${r.kpi} is not divided by sex (is_divided_by_gender false)`);
      if (v.value !== null && (v.value < 0 || v.value > 100)) throw new DataInputError({ ...at, column: "values.value", value: v.value }, `a share outside 0–100 % for ${r.kpi}`);
      const value: AssessmentValue = {
        kpi: r.kpi, level: r.area.level, code: r.area.code, year: r.period, sex: v.gender, value: v.value,
        status: v.value === null ? "not_published" : "published",
        note: v.value === null ? `Kolada: inget värde (status "${v.status ?? ""}")` : "",
        source_file: r.path,
      };
      const key = `${value.kpi}|${value.level}|${value.code}|${value.year}|${value.sex}`;
      const earlier = out.get(key);
      if (earlier) throw new DataInputError({ ...at, column: "kpi+unit+period+gender", value: key }, `the same value also came in ${earlier.source_file}`);
      out.set(key, value);
    }
  }
  const order: Record<AssessmentLevel, number> = { riket: 0, lan: 1, kommun: 2, ou: 3 };
  const sexOrder: Record<Sex, number> = { T: 0, K: 1, M: 2 };
  return [...out.values()].sort((a, b) => a.kpi.localeCompare(b.kpi) || order[a.level] - order[b.level] || a.code.localeCompare(b.code) || a.year - b.year || sexOrder[a.sex] - sexOrder[b.sex]);
}
