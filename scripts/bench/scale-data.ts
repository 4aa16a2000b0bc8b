/**
 * Benchmark helper (not a test): a data folder k times larger than data/,
 * generated under bench/tmp/scale-data/r<r>-i<i>/, and a child mode that runs the
 * data step on it (build, then write through the atomic writer to
 * bench/tmp/scale-out/, as npm run data does) and reports time and peak memory.
 *
 *   npx tsx scripts/bench/scale-data.ts --generate 1,10    → bench/tmp/scale-data/r1-i10/ (indicators ×10)
 *   npx tsx scripts/bench/scale-data.ts --run bench/tmp/scale-data/r1-i10 --indicators 10   (prints one JSON line)
 *
 * What "k×" means:
 * - indicators: every Kolada KPI file is copied under k−1 synthetic KPI ids
 *   ("U<i>" + the original's last four digits, e.g. U10957) with a metadata
 *   row, and the catalogue passed to buildData() gets matching entries
 *   (slug "<slug>-bench-<i>").
 * The registry is not scaled any more. Its clones shared the originals'
 * kommuner at the same time, which the registry refuses since 2026-11-30 (a
 * kommun is in at most one förbund at a time, registry/load.ts); a valid
 * registry ×10 would need ten times the kommuner, with their values.
 * Never writes to data/, public/ or dist/.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { replaceDirectory } from "../../src/pipeline/atomic";
import { buildData } from "../../src/pipeline/build";
import { formatCsv, parseCsv } from "../../src/pipeline/csv";
import { resealOnDisk } from "../../src/pipeline/import/seal";
import type { Provenance } from "../../src/pipeline/schema";
import { INDICATORS, type IndicatorInfo } from "../../src/pipeline/indicators";
import { DATA_VINTAGE } from "../../src/pipeline/vintage";

export const SCALE_ROOT = resolve("bench/tmp/scale-data");
/** Where a run writes its output (removed after each run). */
const SCALE_OUT = resolve("bench/tmp/scale-out");

export function syntheticKpi(kpi: string, i: number): string {
  return `U${i}${kpi.slice(-4)}`;
}

/** The catalogue for a k× data folder: the real indicators and k−1 synthetic copies of each. */
export function scaledCatalog(k: number): IndicatorInfo[] {
  const out: IndicatorInfo[] = [...INDICATORS];
  for (let i = 1; i < k; i++) for (const info of INDICATORS) out.push({ ...info, kpi: syntheticKpi(info.kpi, i), slug: `${info.slug}-bench-${i}`, shortName: `${info.shortName} (bench ${i})` });
  return out;
}

function readTable(file: string): { columns: string[]; rows: Record<string, string>[] } {
  const t = parseCsv(readFileSync(file, "utf8"), file);
  return { columns: t.columns, rows: t.rows.map((r) => r.values) };
}

export function scaleDir(registryFactor: number, indicatorFactor: number): string {
  return join(SCALE_ROOT, `r${registryFactor}-i${indicatorFactor}`);
}

export function generateScaledData(registryFactor: number, indicatorFactor: number, source = "data"): string {
  if (registryFactor !== 1) throw new Error(`registry ×${registryFactor}: the registry is not scaled (see the comment at the top of scale-data.ts)`);
  const dir = scaleDir(registryFactor, indicatorFactor);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(SCALE_ROOT, { recursive: true });
  cpSync(source, dir, { recursive: true });
  if (indicatorFactor > 1) scaleIndicators(join(dir, "snapshot/kolada"), indicatorFactor);
  return dir;
}

function scaleIndicators(kolada: string, k: number): void {
  const meta = readTable(join(kolada, "indicators.csv"));
  const metaRows = [...meta.rows];
  const provenance = JSON.parse(readFileSync(join(kolada, "provenance.json"), "utf8")) as Provenance;
  const extra: Provenance["files"] = [];
  for (const info of INDICATORS) {
    const text = readFileSync(join(kolada, "values", `${info.kpi.toLowerCase()}.csv`), "utf8");
    const m = meta.rows.find((r) => r.kpi === info.kpi)!;
    for (let i = 1; i < k; i++) {
      const id = syntheticKpi(info.kpi, i);
      // The kpi column is the first: replace it on every data line.
      const lines = text.split("\n");
      const out = [lines[0], ...lines.slice(1).map((l) => (l.startsWith(info.kpi + ",") ? id + l.slice(info.kpi.length) : l))].join("\n");
      writeFileSync(join(kolada, "values", `${id.toLowerCase()}.csv`), out);
      metaRows.push({ ...m, kpi: id, title: `${m.title} (bench ${i})` });
      const original = provenance.files.find((f) => f.path === `values/${info.kpi.toLowerCase()}.csv`)!;
      extra.push({ ...original, path: `values/${id.toLowerCase()}.csv`, title: `${original.title} (bench ${i})` });
    }
  }
  writeFileSync(join(kolada, "indicators.csv"), formatCsv(meta.columns, metaRows));
  // The loader checks every snapshot file against provenance.json: list the generated files and record their checksums.
  const indicators = provenance.files.find((f) => f.path === "indicators.csv")!;
  indicators.rows = metaRows.length;
  writeFileSync(join(kolada, "provenance.json"), JSON.stringify(provenance, null, 2) + "\n");
  resealOnDisk(kolada, extra);
}

export interface ScaleResult {
  registryFactor: number;
  indicatorFactor: number;
  /** buildData and the write, as npm run data: buildSeconds + writeSeconds. */
  seconds: number;
  buildSeconds: number;
  writeSeconds: number;
  maxRssMB: number;
  foerbund: number;
  spells: number;
  indicators: number;
  files: number;
  outputMB: number;
  rows: number;
}

function main(): void {
  const { values } = parseArgs({ options: { generate: { type: "string" }, run: { type: "string" }, registry: { type: "string", default: "1" }, indicators: { type: "string", default: "1" } } });
  if (values.generate) {
    const [r, i] = values.generate.split(",").map(Number) as [number, number];
    console.log(generateScaledData(r, i ?? r));
    return;
  }
  if (values.run) {
    const k = Number(values.indicators);
    if (!existsSync(values.run)) throw new Error(`${values.run} does not exist: generate it first`);
    // As npm run data does it: build, then write every file through the atomic writer (here to bench/tmp/scale-out/).
    const out = join(SCALE_OUT, basename(values.run));
    const t0 = performance.now();
    const result = buildData(values.run, { version: "bench", dataVintage: DATA_VINTAGE }, scaledCatalog(k));
    const t1 = performance.now();
    replaceDirectory(out, result.files);
    const seconds = (performance.now() - t0) / 1000;
    let bytes = 0;
    for (const name of readdirSync(out)) bytes += statSync(join(out, name)).size;
    const r: ScaleResult = {
      registryFactor: Number(values.registry),
      indicatorFactor: k,
      seconds,
      buildSeconds: (t1 - t0) / 1000,
      writeSeconds: seconds - (t1 - t0) / 1000,
      // maxRSS is in kilobytes (libuv); it covers the whole process, tsx's loader included.
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      foerbund: result.registry.foerbund.length,
      spells: result.registry.spells.length,
      indicators: result.snapshot.values.size,
      files: result.files.size,
      outputMB: bytes / 1e6,
      rows: result.datasets.reduce((s, d) => s + d.rows.length, 0),
    };
    rmSync(out, { recursive: true, force: true });
    console.log(JSON.stringify(r));
    return;
  }
  console.error("usage: --generate <registry>,<indicators> | --run <dir> --registry <r> --indicators <i>");
  process.exit(2);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
