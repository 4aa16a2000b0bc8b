/**
 * Benchmark (not a test): prints figures and writes bench/latest.json.
 *
 *   npx tsx scripts/bench/index.ts [--runs 3] [--browser-runs 5] [--scale-runs 3] [--scale-cases r1,i10] [--skip build,pages,browser,scale,analysis]
 *
 * 1. build    build-times.ts: data step and page build, --runs runs each
 * 2. pages    page-weights.ts: pages by type and their gzip -9 weights (as the budget tests count them)
 * 3. browser  first-chart.ts: time to first chart, SVG from the build against Plot in the browser, --browser-runs loads each
 * 4. scale    scale.ts: the data step on generated data (as data/, and indicators ×10), --scale-runs runs each;
 *             --scale-cases picks cases (r1 as data/, i10 indicators ×10; the registry is not scaled, see scale-data.ts);
 *             prints whether i10 meets the target (≤ 20 s median, ≤ 1 GB peak).
 *             Only the indicators ×10 case: npm run bench -- --skip build,pages,browser,analysis --scale-cases i10
 * 5. analysis analysis.ts: the event study alone (its share of the data step), --runs runs
 * Without the build step (or when it is skipped), pages and browser read dist/.
 * Everything it writes is under bench/ (bench/tmp is gitignored); it never writes dist/, public/ or data/.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { analysisTable, measureAnalysis } from "./analysis";
import { buildTimesTable, measureBuildTimes } from "./build-times";
import { log, repoPath, ROOT, SITE, TMP } from "./common";
import { firstChartTable, measureFirstChart } from "./first-chart";
import { measurePageWeights, pageWeightsTable } from "./page-weights";
import { measureScale, SCALE_CASES, scaleTable } from "./scale";

const STEPS = ["build", "pages", "browser", "scale", "analysis"] as const;

interface Options {
  runs: number;
  browserRuns: number;
  scaleRuns: number;
  skip: Set<string>;
  scaleCases: string[];
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      "browser-runs": { type: "string", default: "5" },
      "scale-runs": { type: "string", default: "3" },
      skip: { type: "string", default: "" },
      "scale-cases": { type: "string", default: Object.keys(SCALE_CASES).join(",") },
    },
  });
  const scaleCases = values["scale-cases"].split(",").filter(Boolean);
  const unknownCases = scaleCases.filter((c) => !(c in SCALE_CASES));
  if (unknownCases.length) throw new Error(`--scale-cases: unknown case ${unknownCases.join(", ")} (cases: ${Object.keys(SCALE_CASES).join(", ")})`);
  const skip = new Set(values.skip.split(",").filter(Boolean));
  const unknown = [...skip].filter((s) => !(STEPS as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`--skip: unknown step ${unknown.join(", ")} (steps: ${STEPS.join(", ")})`);
  return {
    runs: Math.max(1, Number(values.runs)),
    browserRuns: Math.max(1, Number(values["browser-runs"])),
    scaleRuns: Math.max(1, Number(values["scale-runs"])),
    skip,
    scaleCases,
  };
}

/** Runs the steps not skipped; the report's keys keep the order bench/latest.json has always had. */
async function main(): Promise<void> {
  const o = readOptions();
  mkdirSync(TMP, { recursive: true });
  const started = new Date();
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium: null as string | null };
  const report: Record<string, unknown> = {
    machine,
    options: { runs: o.runs, browserRuns: o.browserRuns, scaleRuns: o.scaleRuns, scaleCases: o.scaleCases, skip: [...o.skip] },
  };
  const summary: string[] = [];

  if (!o.skip.has("build")) {
    log(`\n== build times (${o.runs} runs each)`);
    const build = await measureBuildTimes(o.runs);
    report.build = build;
    summary.push(buildTimesTable(build));
  }
  const siteRoot = existsSync(join(SITE, "index.html")) ? SITE : join(ROOT, "dist");
  report.siteRoot = repoPath(siteRoot);

  if (!o.skip.has("pages")) {
    log(`\n== pages by type (${report.siteRoot})`);
    const pages = measurePageWeights(siteRoot);
    report.pages = pages;
    summary.push(pageWeightsTable(pages));
  }

  if (!o.skip.has("browser")) {
    log(`\n== browser: server-rendered SVG vs Plot in the browser (CPU throttled 4× via CDP, ${o.browserRuns} runs each)`);
    const { result, chromium } = await measureFirstChart(siteRoot, o.browserRuns);
    report.browser = result;
    machine.chromium = chromium;
    summary.push(firstChartTable(result, o.browserRuns));
    if (result.offOriginRequests) throw new Error(`${result.offOriginRequests} requests tried to leave 127.0.0.1`);
  }

  if (!o.skip.has("scale")) {
    log(`\n== scale: data build on generated data (bench/tmp/scale-data), ${o.scaleRuns} runs each`);
    const rows = await measureScale(o.scaleRuns, o.scaleCases);
    report.scale = rows;
    summary.push(scaleTable(rows));
  }

  if (!o.skip.has("analysis")) {
    log(`\n== analysis: the event study alone, ${o.runs} runs`);
    const analysis = measureAnalysis(o.runs);
    report.analysis = analysis;
    summary.push(analysisTable(analysis));
  }

  report.startedAt = started.toISOString();
  report.seconds = (Date.now() - started.getTime()) / 1000;
  mkdirSync(join(ROOT, "bench"), { recursive: true });
  writeFileSync(join(ROOT, "bench/latest.json"), JSON.stringify(report, null, 2) + "\n");
  log("\n================ summary ================\n");
  log(summary.join("\n\n"));
  log(`\nwritten: bench/latest.json (${report.seconds} s)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
