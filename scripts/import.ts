/**
 * Import published tables into the project's normalized snapshot (data/snapshot/).
 * Run explicitly when a source changes:
 *   npm run import -- --from ../shared/data [--only kolada,geo] [--out data/snapshot]
 * Everything is read and validated in memory first; only then are the
 * snapshot folders replaced, so a failed import leaves data/ as it was.
 */
import { parseArgs } from "node:util";
import { join, resolve } from "node:path";
import { recoverDirectory, replaceDirectories, type FileTree } from "../src/pipeline/atomic";
import { DataInputError } from "../src/pipeline/errors";
import { importAreas } from "../src/pipeline/import/areas";
import { importGeo } from "../src/pipeline/import/geo";
import { importKolada } from "../src/pipeline/import/kolada";
import type { CoverageSpec } from "../src/pipeline/coverage";
import { importKoladaLive, LIVE_SOURCE } from "../src/pipeline/import/kolada-live";
import { importParticipants } from "../src/pipeline/import/participants";
import { importRiksdag2015 } from "../src/pipeline/import/printed-tables";
import { sealProvenance } from "../src/pipeline/import/seal";
import { importSocsam } from "../src/pipeline/import/socsam-history";
import { FK_LIVE_SOURCE, importFkLive } from "../src/pipeline/import/fk-live";
import { importScbLive, SCB_LIVE_SOURCE } from "../src/pipeline/import/scb-live";

export const SOURCES = ["areas", "kolada", "geo", "riksdag-2015", "socsam", "deltagare"] as const;
type SourceId = (typeof SOURCES)[number];

/** `coverage`: what the Kolada source promises (default: the real archive's, src/pipeline/coverage.ts; tests pass their fixture's). */
export function runImport(from: string, out: string, only: readonly SourceId[] = SOURCES, coverage?: CoverageSpec): Map<SourceId, FileTree> {
  const { areas, files: areaFiles } = importAreas(from);
  const importers: Record<SourceId, () => FileTree> = {
    areas: () => areaFiles,
    kolada: () => importKolada(from, areas, coverage).files,
    geo: () => importGeo(from, areas).files,
    "riksdag-2015": () => importRiksdag2015(from).files,
    deltagare: () => importParticipants(from).files,
    socsam: () => importSocsam(from, areas.kommuner).files,
  };
  const trees = new Map(only.map((id) => [id, sealProvenance(id, importers[id]())] as const));
  replaceDirectories([...trees].map(([id, tree]) => [join(out, id), tree] as const));
  return trees;
}

/** kolada-live (what `npm run fetch` wrote) merges with the archive snapshot under --out, so it runs alone: --only kolada-live. */
function runLiveImport(from: string, out: string): void {
  const { files, values } = importKoladaLive(from, out);
  replaceDirectories([[join(out, LIVE_SOURCE), files]]);
  console.log(`imported ${LIVE_SOURCE}: ${values.length} values for years the archive lacks → ${join(out, LIVE_SOURCE)}`);
}

/**
 * fk-live and scb-live (what `npm run fetch -- --only fk,scb` wrote) are checked
 * against the Kolada snapshot under --out (import kolada-live first when you
 * have it), so they run on their own: --only fk-live,scb-live. Sealed like
 * every snapshot folder; nothing is written unless both succeed.
 */
const OTHER_LIVE: Record<string, (from: string, out: string) => { files: FileTree; values: unknown[] }> = {
  [FK_LIVE_SOURCE]: importFkLive,
  [SCB_LIVE_SOURCE]: importScbLive,
};
function runOtherLiveImports(from: string, out: string, ids: readonly string[]): void {
  const done = ids.map((id) => [id, OTHER_LIVE[id]!(from, out)] as const);
  replaceDirectories(done.map(([id, r]) => [join(out, id), sealProvenance(id, r.files)] as const));
  for (const [id, r] of done) console.log(`imported ${id}: ${r.values.length} values → ${join(out, id)}`);
}

function main(): void {
  const { values } = parseArgs({ options: { from: { type: "string" }, out: { type: "string", default: "data/snapshot" }, only: { type: "string" } } });
  if (!values.from) {
    console.error("usage: npm run import -- --from <folder with kolada/, geo/, scb/, riksdag-2015/, socsam/> [--only areas,kolada,...]");
    process.exit(2);
  }
  const only = (values.only?.split(",") ?? [...SOURCES]) as SourceId[];
  if (values.only === LIVE_SOURCE) return runLiveImport(resolve(values.from), resolve(values.out!));
  if (only.length && only.every((id) => id in OTHER_LIVE)) return runOtherLiveImports(resolve(values.from), resolve(values.out!), only);
  for (const id of only) if (!SOURCES.includes(id)) throw new Error(`unknown source ${id}; known: ${SOURCES.join(", ")}`);
  const started = performance.now();
  for (const id of only) for (const line of recoverDirectory(join(resolve(values.out!), id))) console.log(line);
  const trees = runImport(resolve(values.from), resolve(values.out!), only);
  for (const [id, tree] of trees) console.log(`imported ${id}: ${tree.size} files → ${join(values.out!, id)}`);
  console.log(`import done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main();
  } catch (error) {
    if (error instanceof DataInputError) {
      console.error(`import failed, nothing written: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
