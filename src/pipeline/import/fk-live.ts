/**
 * Import what `npm run fetch -- --only fk` wrote from Försäkringskassan
 * (<from>/fk/: SJPohttal.xlsx and SJPsjptal.xlsx, monthly rolling-12-month
 * values) into data/snapshot/fk-live/. Rules:
 *  - every fetched file must still match the sha256 in its manifest;
 *  - only age "Samtliga 16-64 år" is read; the December value of each year is
 *    the yearly value (as Kolada's yearly value is); a year without a December
 *    row yet (the current one) is left out and listed in the notes;
 *  - rows are kommun ("kkkk Namn"), län ("NN Namn") or riket ("Riket"), sex T/K/M
 *    from Kön; anything else stops the import naming file, sheet, row and cell;
 *  - cross-check: wherever Kolada (the archive, and kolada-live when present)
 *    has the same KPI, area, year and sex, the values must agree at the
 *    published rounding (agreeAsPublished), else the import stops naming both. The number
 *    compared and the largest difference are recorded in provenance.
 * Every December value is written (values/<kpi>.csv, with its source file);
 * the build uses them only for years Kolada lacks (load.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FileTree } from "../atomic";
import { formatCsv, parseCsv } from "../csv";
import { DataInputError } from "../errors";
import { FK_DIR, FK_TABLES, fkColumns, fkPath, type FkTable } from "../fetch/fk";
import { boundsProblem, FIRST_YEAR, INDICATOR_BY_KPI, LAST_YEAR } from "../indicators";
import type { AreaLevel, Provenance, Sex } from "../schema";
import { LIVE_VALUE_COLUMNS, type LiveValue } from "./kolada-live";
import { fromEntry, readAreaCodes, readFetchedFolder, SOURCES_COLUMNS, sourcesRows, yearSpan, type AreaCodes, type FetchedFolder } from "./fetched";
import { readXlsx, sheetTable, type TableRow } from "./xlsx/read";

export const FK_LIVE_SOURCE = "fk-live";
export const FK_AGE_ALL = "Samtliga 16-64 år";
const SEX_BY_KON: Record<string, Sex> = { "Kvinnor och män": "T", Kvinnor: "K", Män: "M" };

/** A December value with where it was read, for the cross-check's messages. */
interface FkValue extends LiveValue {
  at: { file: string; row: number; column: string };
}

export interface CrossCheck {
  kpi: string;
  compared: number;
  largest: { difference: number; fk: number; kolada: number; key: string } | null;
}

export function importFkLive(from: string, snapshotDir: string): { files: FileTree; values: LiveValue[]; checks: CrossCheck[] } {
  const fetched = readFetchedFolder(from, FK_DIR);
  const areas = readAreaCodes(snapshotDir);
  const files: FileTree = new Map();
  const provenanceFiles: Provenance["files"] = [];
  const notes: string[] = [];
  const checks: CrossCheck[] = [];
  const all: LiveValue[] = [];
  for (const t of FK_TABLES) {
    const { values, skippedAges, noDecember, empty } = readTable(fetched, t, areas);
    checks.push(crossCheck(t, values, snapshotDir));
    const rows = values.map(({ at: _at, ...v }) => v).sort(compareValues);
    all.push(...rows);
    const path = `values/${t.kpi.toLowerCase()}.csv`;
    files.set(path, formatCsv(LIVE_VALUE_COLUMNS, rows));
    provenanceFiles.push({
      path,
      title: `${t.name} (Försäkringskassan, decembervärdet; samma mått som Kolada ${t.kpi})`,
      from: [fromEntry(fetched, fkPath(t))],
      source_ref: `Försäkringskassan ${t.dataset}/${t.table}.xlsx, ${rows.length ? yearSpan(rows) : "inga år"}`,
      rows: rows.length,
    });
    if (noDecember.length) notes.push(`${t.name}: ${noDecember.join(", ")} har ännu inget decembervärde och är inte med.`);
    notes.push(`${t.name}: ${skippedAges} rader för andra åldersgrupper än "${FK_AGE_ALL}" lästes inte; ${empty} decemberrader saknar värde och är inte med.`);
  }
  files.set("sources.csv", formatCsv(SOURCES_COLUMNS, sourcesRows(fetched)));
  provenanceFiles.push({ path: "sources.csv", title: "Hämtade filer med adress, tid, sha256 och licens", from: FK_TABLES.map((t) => fromEntry(fetched, fkPath(t))), source_ref: "fk/manifest.json", rows: fetched.manifest.files.length });
  const m = fetched.manifest;
  const provenance: Provenance = {
    source: FK_LIVE_SOURCE,
    title: "Försäkringskassan – ohälsotal och sjukpenningtal per kommun, län och riket (decembervärdet, rullande 12 månader)",
    publisher: m.publisher,
    original_publishers: ["Försäkringskassan"],
    licence: m.licence,
    period: all.length ? yearSpan(all) : "inga år",
    retrieval: {
      method: `Hämtat med npm run fetch från Försäkringskassans öppna statistik (${m.base_url}/{dataset}/{tabell}.xlsx); varje fil med adress och sha256 i sources.csv.`,
      archive: `${m.files.length} filer sparade som de kom (manifest.json)`,
      archived_on: m.fetched_at.slice(0, 10),
      url: m.base_url,
    },
    files: provenanceFiles.sort((a, b) => a.path.localeCompare(b.path)),
    notes: [
      "Försäkringskassan redovisar månadsvärden för rullande 12 månader; årsvärdet här är decembervärdet, som Kolada:s årsvärde.",
      "Bara åldersgruppen \"Samtliga 16-64 år\". Bygget använder värdena bara för år som Kolada (arkivet och API v3) saknar för samma nyckeltal.",
      ...checks.map(describeCheck),
      ...notes,
      ...m.notes,
    ],
  };
  files.set("provenance.json", JSON.stringify(provenance, null, 2) + "\n");
  return { files, values: all, checks };
}

function describeCheck(c: CrossCheck): string {
  if (c.compared === 0) return `Kontroll mot Kolada ${c.kpi}: inga gemensamma värden att jämföra.`;
  const l = c.largest!;
  return `Kontroll mot Kolada ${c.kpi}: ${c.compared} värden finns i båda och stämmer med den publicerade avrundningen (minst en decimal); största skillnad ${l.difference} (${l.key}: Försäkringskassan ${l.fk}, Kolada ${l.kolada}).`;
}

/** The December values of one workbook (all sheets), with what was left out. */
function readTable(fetched: FetchedFolder, t: FkTable, areas: AreaCodes): { values: FkValue[]; skippedAges: number; noDecember: number[]; empty: number } {
  const name = `${FK_DIR}/${fkPath(t)}`;
  const bytes = fetched.bytes.get(fkPath(t));
  if (!bytes) throw new DataInputError({ file: `${FK_DIR}/manifest.json`, column: "files", value: fkPath(t) }, "this file is not in the manifest: fetch again (npm run fetch -- --only fk)");
  const out = new Map<string, FkValue>();
  const years = new Set<number>();
  const decemberYears = new Set<number>();
  let skippedAges = 0;
  let empty = 0;
  for (const sheet of readXlsx(bytes, name)) {
    const file = `${name}, sheet "${sheet.name}"`;
    for (const r of sheetTable(sheet, name, fkColumns(t)).rows) {
      const fail = (column: string, problem: string): never => {
        throw new DataInputError({ file, row: r.row, column: r.at(column), value: r.get(column) ?? "" }, problem);
      };
      const year = integerCell(r, "År", fail);
      const month = integerCell(r, "Månad", fail);
      if (year < FIRST_YEAR || year > LAST_YEAR) fail("År", `year out of range ${FIRST_YEAR}–${LAST_YEAR}`);
      if (month < 1 || month > 12) fail("Månad", "a month is 1–12");
      years.add(year);
      if (r.get("Ålder") !== FK_AGE_ALL) {
        if (typeof r.get("Ålder") !== "string") fail("Ålder", "expected an age group as text");
        skippedAges++;
        continue;
      }
      if (month !== 12) continue;
      decemberYears.add(year);
      const sex = SEX_BY_KON[String(r.get("Kön") ?? "")] ?? fail("Kön", `expected one of ${Object.keys(SEX_BY_KON).join(", ")}`);
      const area = areaOf(r, areas, fail);
      const value = valueCell(r, t.valueColumn, fail);
      if (value === null) {
        empty++;
        continue;
      }
      const info = INDICATOR_BY_KPI.get(t.kpi);
      const problem = info ? boundsProblem(info, value) : null;
      if (problem) fail(t.valueColumn, problem);
      const key = `${area.level}|${area.code}|${year}|${sex}`;
      const earlier = out.get(key);
      if (earlier) fail("Kommun", `the same area, year and sex (December) also at ${earlier.at.file}, row ${earlier.at.row}`);
      out.set(key, { kpi: t.kpi, ...area, year, sex, value, status: "published", note: "decembervärdet, rullande 12 månader", source_file: fkPath(t), at: { file, row: r.row, column: r.at(t.valueColumn) } });
    }
  }
  const noDecember = [...years].filter((y) => !decemberYears.has(y)).sort((a, b) => a - b);
  return { values: [...out.values()], skippedAges, noDecember, empty };
}

type Fail = (column: string, problem: string) => never;

function integerCell(r: TableRow, column: string, fail: Fail): number {
  const v = r.get(column);
  const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) ? n : fail(column, "expected a whole number");
}

/** A number cell, or a number written as text (decimal comma or point); an empty cell or ".." is no value. */
function valueCell(r: TableRow, column: string, fail: Fail): number | null {
  const v = r.get(column);
  if (v === undefined || (typeof v === "string" && /^\s*(\.\.)?\s*$/.test(v))) return null;
  if (typeof v === "number") return v;
  return /^\s*\d+([.,]\d+)?\s*$/.test(v) ? Number(v.trim().replace(",", ".")) : fail(column, "expected a number");
}

/** Kommun "0114 Upplands Väsby", a län total "01 Stockholms län", or "Riket"; the code must be in data/snapshot/areas. */
function areaOf(r: TableRow, areas: AreaCodes, fail: Fail): { level: AreaLevel; code: string } {
  const kommun = String(r.get("Kommun") ?? "").trim();
  const lan = String(r.get("Län") ?? "").trim();
  if (kommun === "Riket") return { level: "riket", code: "00" };
  const m = /^(\d{4}|\d{2}) \S/.exec(kommun);
  if (!m) return fail("Kommun", 'expected "kkkk Namn", "NN Namn" (a län) or "Riket"');
  const code = m[1]!;
  const lanCode = /^(\d{2}) \S/.exec(lan)?.[1];
  if (lanCode === undefined) return fail("Län", 'expected "NN Namn" for a kommun or län row');
  if (code.length === 2) {
    if (!areas.lan.has(code)) fail("Kommun", "not a län in data/snapshot/areas/lan.csv");
    if (code !== lanCode) fail("Län", `the row is län ${code} but this column says ${lanCode}`);
    return { level: "lan", code };
  }
  if (!areas.kommuner.has(code)) fail("Kommun", "not a kommun in data/snapshot/areas/kommuner.csv");
  if (!code.startsWith(lanCode)) fail("Län", `kommun ${code} is not in län ${lanCode}`);
  return { level: "kommun", code };
}

interface KoladaValue {
  value: number;
  file: string;
  row: number;
}

/** Kolada's published values for a KPI: the archive, and kolada-live when it was imported. */
export function koladaValues(kpi: string, snapshotDir: string): Map<string, KoladaValue> {
  const out = new Map<string, KoladaValue>();
  for (const source of ["kolada", "kolada-live"]) {
    const file = `${source}/values/${kpi.toLowerCase()}.csv`;
    const path = join(snapshotDir, file);
    if (!existsSync(path)) continue;
    const columns = ["kpi", "level", "code", "year", "sex", "value", "status"];
    const table = parseCsv(readFileSync(path, "utf8"), file, columns);
    for (const c of columns) if (!table.columns.includes(c)) throw new DataInputError({ file, row: 1, column: c }, "missing column");
    for (const r of table.rows) {
      const v = r.values;
      if (v.status !== "published" || v.value === "" || v.value === undefined) continue;
      out.set(`${v.level}|${v.code}|${v.year}|${v.sex}`, { value: Number(v.value), file, row: r.row });
    }
  }
  return out;
}

/** Every FK value that Kolada also has must agree at the published rounding; else stop naming both. */
function crossCheck(t: FkTable, values: readonly FkValue[], snapshotDir: string): CrossCheck {
  const kolada = koladaValues(t.kpi, snapshotDir);
  const decimals = INDICATOR_BY_KPI.get(t.kpi)?.decimals ?? 1;
  const result: CrossCheck = { kpi: t.kpi, compared: 0, largest: null };
  for (const v of values) {
    const key = `${v.level}|${v.code}|${v.year}|${v.sex}`;
    const k = kolada.get(key);
    if (!k) continue;
    if (!agreeAsPublished(v.value!, k.value, decimals))
      throw new DataInputError(
        { file: v.at.file, row: v.at.row, column: v.at.column, value: v.value },
        `Försäkringskassan gives ${v.value} for ${t.kpi} ${v.level} ${v.code} ${v.year} ${v.sex}, but Kolada (${k.file}, row ${k.row}) has ${k.value}; they differ at ${decimals} decimal(s)`,
      );
    result.compared++;
    const difference = Math.round(Math.abs(k.value - v.value!) * 1e6) / 1e6;
    if (!result.largest || difference > result.largest.difference) result.largest = { difference, fk: v.value!, kolada: k.value, key: `${v.level} ${v.code} ${v.year} ${v.sex}` };
  }
  return result;
}

/**
 * Two published values agree when one true value could lie behind both: each
 * stands for the interval of half a unit in its last decimal (at least
 * `decimals`, since a CSV writes 22.0 as 22). Rounding each to `decimals` and
 * comparing would fail on double rounding: Kolada's 24.85 (from 24.846) is
 * 24.9 rounded again, while Försäkringskassan rounds 24.846 once to 24.8.
 */
export function agreeAsPublished(a: number, b: number, decimals: number): boolean {
  const half = (x: number) => 0.5 * 10 ** -Math.max((String(x).split(".")[1] ?? "").length, decimals);
  return Math.abs(a - b) < half(a) + half(b) - 1e-9;
}

const LEVEL_ORDER: Record<AreaLevel, number> = { riket: 0, lan: 1, kommun: 2 };
const SEX_ORDER: Record<Sex, number> = { T: 0, K: 1, M: 2 };
export function compareValues(a: LiveValue, b: LiveValue): number {
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.code.localeCompare(b.code) || a.year - b.year || SEX_ORDER[a.sex] - SEX_ORDER[b.sex];
}
