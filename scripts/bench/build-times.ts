/**
 * Wall time of the data step (scripts/data.ts, output to bench/tmp/data-out,
 * not public/data) and of the page build (astro build --outDir bench/tmp/site,
 * reading public/data): median, min, max of several runs, with peak memory.
 */
import { join } from "node:path";
import { ASTRO, log, repoPath, runNode, SITE, stat, table, TMP, TSX, type Stat } from "./common";

export interface TimedCommand {
  command: string;
  seconds: Stat;
  maxRssMB: Stat | null;
}

export interface BuildTimes {
  data: TimedCommand;
  site: TimedCommand;
}

async function timeCommand(label: string, args: string[], runs: number): Promise<TimedCommand> {
  const secs: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runNode(args);
    if (r.code !== 0) throw new Error(`${label} failed (exit ${r.code}):\n${r.output.slice(-3000)}`);
    secs.push(r.seconds);
    if (r.maxRssMB !== null) rss.push(r.maxRssMB);
    log(`  ${label} run ${i + 1}/${runs}: ${r.seconds.toFixed(2)} s${r.maxRssMB !== null ? `, peak ${r.maxRssMB.toFixed(0)} MB` : ""}`);
  }
  return { command: args.map(repoPath).join(" "), seconds: stat(secs), maxRssMB: rss.length ? stat(rss) : null };
}

/** Leaves the last page build in bench/tmp/site, which the other measurements then read. */
export async function measureBuildTimes(runs: number): Promise<BuildTimes> {
  const data = await timeCommand("data step", [TSX, "scripts/data.ts", "--out", join(TMP, "data-out")], runs);
  const site = await timeCommand("astro build", [ASTRO, "build", "--outDir", SITE], runs);
  return { data, site };
}

export function buildTimesTable({ data, site }: BuildTimes): string {
  const row = (name: string, c: TimedCommand) => [
    name,
    `${c.seconds.median.toFixed(2)} s`,
    `${c.seconds.min.toFixed(2)} s`,
    `${c.seconds.max.toFixed(2)} s`,
    c.maxRssMB ? `${c.maxRssMB.median.toFixed(0)} MB` : "–",
  ];
  return table(["step", "median", "min", "max", "peak RSS (median)"], [row("data step (scripts/data.ts)", data), row("page build (astro build)", site)]);
}
