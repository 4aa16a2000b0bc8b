/**
 * npm run data — build the published datasets from the committed snapshot.
 *   data/snapshot/ + data/registry/  →  public/data/  (replaced atomically; a failed run leaves it as it was)
 * Staged in .staging-public/ (outside public/, which Astro copies into dist/).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { recoverDirectory, replaceDirectory } from "../src/pipeline/atomic";
import { buildData } from "../src/pipeline/build";
import { DataInputError } from "../src/pipeline/errors";
import { DATA_VINTAGE } from "../src/pipeline/vintage";

function main(): void {
  const { values } = parseArgs({ options: { data: { type: "string", default: "data" }, out: { type: "string", default: "public/data" } } });
  const started = performance.now();
  // First undo what a killed run left (a missing output is restored, stale staging removed).
  for (const line of recoverDirectory(values.out!)) console.log(line);
  const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
  const result = buildData(values.data!, { version, dataVintage: DATA_VINTAGE });
  replaceDirectory(values.out!, result.files);
  for (const d of result.datasets) console.log(`${d.name.padEnd(28)} ${String(d.rows.length).padStart(7)} rows`);
  const outside = result.totalChecks.filter((c) => !c.within_tolerance).length;
  console.log(`län/riket checks: ${result.totalChecks.length}, outside tolerance: ${outside}`);
  console.log(`data build: ${result.files.size} files → ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

try {
  main();
} catch (error) {
  if (error instanceof DataInputError) {
    console.error(`data build failed, previous outputs left as they were:\n  ${error.message}`);
    process.exit(1);
  }
  throw error;
}
