/**
 * The data build on generated data 10× larger (scale-data.ts: registry ×10,
 * indicators ×10, and both), in a child process each: wall time and peak memory.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { fixed, log, runNode, stat, table, TMP, TSX, type Stat } from "./common";
import { generateScaledData, scaleDir, type ScaleResult } from "./scale-data";

export interface ScaleRow {
  label: string;
  registryFactor: number;
  indicatorFactor: number;
  ok: boolean;
  error?: string;
  seconds: Stat;
  maxRssMB: Stat | null;
  result?: ScaleResult;
}

const CONFIGS: Array<[label: string, registry: number, indicators: number]> = [
  ["1× (as data/)", 1, 1],
  ["registry ×10", 10, 1],
  ["indicators ×10", 1, 10],
  ["registry ×10 + indicators ×10", 10, 10],
];

async function measureOne(label: string, r: number, i: number, runs: number): Promise<ScaleRow> {
  generateScaledData(r, i);
  const secs: number[] = [];
  const rss: number[] = [];
  let result: ScaleResult | undefined;
  let error: string | undefined;
  for (let k = 0; k < runs; k++) {
    const run = await runNode([TSX, "scripts/bench/scale-data.ts", "--run", scaleDir(r, i), "--registry", String(r), "--indicators", String(i)]);
    secs.push(run.seconds);
    if (run.maxRssMB !== null) rss.push(run.maxRssMB);
    if (run.code !== 0) {
      error = (/(RangeError|Error|FATAL)[^\n]*/.exec(run.output)?.[0] ?? `exit ${run.code}`).slice(0, 200);
      log(`  ${label}: FAILED after ${run.seconds.toFixed(1)} s${run.maxRssMB ? `, peak ${run.maxRssMB.toFixed(0)} MB` : ""}: ${error}`);
      break; // deterministic: do not repeat a failing build
    }
    result = JSON.parse(run.output.trim().split("\n").filter((l) => l.startsWith("{")).pop()!) as ScaleResult;
    log(`  ${label} run ${k + 1}/${runs}: ${run.seconds.toFixed(1)} s (buildData ${result.seconds.toFixed(1)} s), peak ${(run.maxRssMB ?? result.maxRssMB).toFixed(0)} MB`);
  }
  return { label, registryFactor: r, indicatorFactor: i, ok: !error, error, seconds: stat(secs), maxRssMB: rss.length ? stat(rss) : null, result };
}

export async function measureScale(runs: number): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const [label, r, i] of CONFIGS) rows.push(await measureOne(label, r, i, runs));
  rmSync(join(TMP, "scale-data"), { recursive: true, force: true });
  return rows;
}

export function scaleTable(rows: ScaleRow[]): string {
  return (
    "data build (buildData in a child process) on generated data\n" +
    table(
      ["data", "förbund", "spells", "KPIs", "rows out", "output", "wall s median (min–max)", "peak RSS MB"],
      rows.map((r) => [
        r.label,
        r.result?.foerbund ?? "",
        r.result?.spells ?? "",
        r.result?.indicators ?? "",
        r.result?.rows ?? "",
        r.result ? `${fixed(r.result.outputMB, 0)} MB` : "",
        r.ok ? `${fixed(r.seconds.median, 1)} (${fixed(r.seconds.min, 1)}–${fixed(r.seconds.max, 1)})` : `FAILED at ${fixed(r.seconds.max, 1)}: ${r.error}`,
        fixed(r.maxRssMB?.median ?? r.result?.maxRssMB, 0),
      ]),
    )
  );
}
