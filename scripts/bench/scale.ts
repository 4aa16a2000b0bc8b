/**
 * The data step on generated data (scale-data.ts: as data/, and indicators
 * ×10), in a child process each: wall time and peak
 * memory, and whether the indicators ×10 case meets issue 12's target.
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

/** The cases, by the name --scale-cases takes. */
export const SCALE_CASES: Record<string, [label: string, registry: number, indicators: number]> = {
  r1: ["1× (as data/)", 1, 1],
  i10: ["indicators ×10", 1, 10],
};

/** Issue 12: with 100 KPIs (indicators ×10) the data step stays within 20 s median and 1 GB peak on 2 cores. */
export const SCALE_TARGET = { case: "i10", seconds: 20, rssMB: 1024 } as const;

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
    log(`  ${label} run ${k + 1}/${runs}: ${run.seconds.toFixed(1)} s (build ${result.buildSeconds.toFixed(1)} s + write ${result.writeSeconds.toFixed(1)} s), peak ${(run.maxRssMB ?? result.maxRssMB).toFixed(0)} MB`);
  }
  return { label, registryFactor: r, indicatorFactor: i, ok: !error, error, seconds: stat(secs), maxRssMB: rss.length ? stat(rss) : null, result };
}

export async function measureScale(runs: number, cases: readonly string[] = Object.keys(SCALE_CASES)): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const name of cases) {
    const [label, r, i] = SCALE_CASES[name]!;
    rows.push(await measureOne(label, r, i, runs));
  }
  rmSync(join(TMP, "scale-data"), { recursive: true, force: true });
  return rows;
}

/** Whether the indicators ×10 case met the target, in one line (nothing when that case was not run). */
export function scaleTargetLine(rows: ScaleRow[]): string {
  const [, registry, indicators] = SCALE_CASES[SCALE_TARGET.case]!;
  const row = rows.find((r) => r.registryFactor === registry && r.indicatorFactor === indicators);
  if (!row) return "";
  const seconds = row.ok ? row.seconds.median : NaN;
  const rss = row.maxRssMB?.median ?? row.result?.maxRssMB ?? NaN;
  const met = seconds <= SCALE_TARGET.seconds && rss <= SCALE_TARGET.rssMB;
  return `target (${row.label}: ≤ ${SCALE_TARGET.seconds} s median, ≤ ${SCALE_TARGET.rssMB} MB peak): ${met ? "MET" : "NOT MET"} (${fixed(seconds, 1)} s, ${fixed(rss, 0)} MB)`;
}

export function scaleTable(rows: ScaleRow[]): string {
  const target = scaleTargetLine(rows);
  return (
    "data step (build + write, in a child process) on generated data\n" +
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
    ) +
    (target ? "\n" + target : "")
  );
}
