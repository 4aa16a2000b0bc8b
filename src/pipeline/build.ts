/**
 * The data build: snapshot → validate → model → derive → publish.
 * Reads only data/; writes the published datasets into one folder, atomically.
 */
import type { FileTree } from "./atomic";
import { checkTotals, type TotalCheck } from "./derive/check-totals";
import { population16to64 } from "./derive/population";
import { DataInputError } from "./errors";
import { INDICATORS } from "./indicators";
import { loadSnapshot, type Snapshot } from "./load";
import { buildDatasets, type Dataset } from "./publish/datasets";
import { publishDatasets, type BuildInfo } from "./publish/datapackage";

export interface DataBuild {
  snapshot: Snapshot;
  datasets: Dataset[];
  files: FileTree;
  totalChecks: TotalCheck[];
}

export function buildData(snapshotDir: string, build: BuildInfo): DataBuild {
  const snapshot = loadSnapshot(snapshotDir);
  const pop = population16to64(snapshot.values.get("N01954")!, snapshot.values.get("N01955")!);
  const weights = {
    pop16to64: pop.filter((v) => v.level === "kommun"),
    popTotal: snapshot.values.get("N01951")!.filter((v) => v.level === "kommun"),
  };
  const totalChecks = INDICATORS.flatMap((i) => checkTotals(i.kpi, snapshot.values.get(i.kpi)!, snapshot.kommuner, weights));
  const outside = totalChecks.filter((c) => !c.within_tolerance);
  if (outside.length) {
    const c = outside[0]!;
    throw new DataInputError(
      { file: `data/snapshot/kolada/values/${c.kpi.toLowerCase()}.csv`, column: "value", value: `${c.level} ${c.code} ${c.year} ${c.sex}` },
      `${outside.length} län/riket totals differ from the sum of their kommuner beyond tolerance; first: published ${c.published}, recomputed ${c.recomputed} (${(c.relative_difference * 100).toFixed(2)} %, tolerance ${(c.tolerance * 100).toFixed(1)} %)`,
    );
  }
  const datasets = buildDatasets(snapshot, { population16to64: pop, totalChecks });
  return { snapshot, datasets, files: publishDatasets(datasets, build), totalChecks };
}
