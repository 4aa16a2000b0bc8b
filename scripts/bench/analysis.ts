/**
 * How long the event study (src/pipeline/derive/event-study.ts) adds to the
 * data step: the analysis alone, on the project's snapshot and registry, in
 * this process (the snapshot and registry are loaded once, outside the timing).
 * Issue budget: at most 10 s on 2 cores.
 */
import { join } from "node:path";
import { eventStudy } from "../../src/pipeline/derive/event-study";
import { population16to64 } from "../../src/pipeline/derive/population";
import { populationWeights } from "../../src/pipeline/derive/weights";
import { INDICATORS } from "../../src/pipeline/indicators";
import { loadSnapshot } from "../../src/pipeline/load";
import { loadRegistry } from "../../src/pipeline/registry";
import { fixed, log, ROOT, stat, type Stat } from "./common";

export interface AnalysisTiming {
  seconds: Stat;
  rows: number;
  budgetSeconds: number;
}

export function measureAnalysis(runs: number): AnalysisTiming {
  const snapshot = loadSnapshot(join(ROOT, "data/snapshot"), INDICATORS);
  const codes = snapshot.kommuner.map((k) => k.kommunkod);
  const registry = loadRegistry(join(ROOT, "data/registry"), new Set(codes));
  const weights = populationWeights(population16to64(snapshot.values.get("N01954")!, snapshot.values.get("N01955")!, codes), snapshot.values.get("N01951")!);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = eventStudy(registry, snapshot.values, weights).rows.length;
    times.push((performance.now() - t0) / 1000);
    log(`  event study run ${i + 1}: ${fixed(times[i], 2)} s`);
  }
  return { seconds: stat(times), rows, budgetSeconds: 10 };
}

export function analysisTable(a: AnalysisTiming): string {
  return [
    `Event study (handelsestudie, ${a.rows} rows): median ${fixed(a.seconds.median, 2)} s (${fixed(a.seconds.min, 2)}–${fixed(a.seconds.max, 2)}, ${a.seconds.n} runs); budget ${a.budgetSeconds} s`,
  ].join("\n");
}
