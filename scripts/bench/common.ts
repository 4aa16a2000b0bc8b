/** What every measurement of the bench shares: paths, statistics, child processes and plain-text tables. */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

export const ROOT = process.cwd();
/** Everything the bench writes goes here (gitignored), never to dist/, public/ or data/. */
export const TMP = join(ROOT, "bench/tmp");
export const SITE = join(TMP, "site");
export const TSX = join(ROOT, "node_modules/tsx/dist/cli.mjs");
export const ASTRO = join(ROOT, "node_modules/astro/bin/astro.mjs");
export const ESBUILD = join(ROOT, "node_modules/.bin/esbuild");
const NODE = process.execPath;
const GNU_TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function stat(xs: number[]): Stat {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** A figure that may be missing (a skipped or failed measurement) prints as "–". */
export const fixed = (x: number | null | undefined, digits: number) => (x == null || !Number.isFinite(x) ? "–" : x.toFixed(digits));

export interface RunResult {
  seconds: number;
  maxRssMB: number | null;
  code: number;
  output: string;
}

/** Run node with args; wall time measured here, peak RSS by GNU time (-f %M, KB) when available. */
export function runNode(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  const timeFile = join(TMP, `time-${process.pid}-${Date.now()}.txt`);
  const [cmd, argv] = GNU_TIME ? [GNU_TIME, ["-f", "%M", "-o", timeFile, NODE, ...args]] : [NODE, args];
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", ...env } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - t0) / 1000;
      let maxRssMB: number | null = null;
      if (GNU_TIME && existsSync(timeFile)) {
        const last = readFileSync(timeFile, "utf8").trim().split("\n").pop() ?? "";
        if (/^\d+$/.test(last)) maxRssMB = Number(last) / 1024;
        rmSync(timeFile, { force: true });
      }
      resolvePromise({ seconds, maxRssMB, code: code ?? -1, output });
    });
  });
}

/** A path as the report shows it: relative to the repository. */
export const repoPath = (p: string) => p.replace(ROOT + "/", "");

export function log(s = ""): void {
  process.stdout.write(s + "\n");
}

export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const w = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join("  ");
  return [line(header), w.map((n) => "-".repeat(n)).join("  "), ...cells.slice(1).map(line)].join("\n");
}
