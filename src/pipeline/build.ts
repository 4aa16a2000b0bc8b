/**
 * The data build: snapshot + registry → validate → model → derive → publish.
 * Reads only data/ (data/snapshot/ and data/registry/); returns every
 * published file in memory so the caller can write them all at once.
 */
import { join } from "node:path";
import type { FileTree } from "./atomic";
import { checkTotals, type TotalCheck } from "./derive/check-totals";
import { foerbundIndicators, foerbundMembersByYear } from "./derive/foerbund-areas";
import { population16to64 } from "./derive/population";
import { withWithout } from "./derive/with-without";
import { eventStudy } from "./derive/event-study";
import { populationWeights } from "./derive/weights";
import { DataInputError } from "./errors";
import { INDICATORS, type IndicatorInfo } from "./indicators";
import { loadSnapshot, type Snapshot } from "./load";
import { publishDatasets, type BuildInfo, type ExtraFile } from "./publish/datapackage";
import { sourcesOf, type Dataset } from "./publish/dataset";
import { buildDatasets } from "./publish/datasets";
import { loadParticipants } from "./participants";
import { deltagareForbundDataset, deltagareNationelltDataset } from "./publish/datasets/deltagare";
import { KOLADA_PER_KOMMUN_SOURCE, koladaPerKommunSource } from "./publish/dataset";
import { deltagarbedomningDatasets } from "./publish/datasets/deltagarbedomning";
import { loadAssessments } from "./assessments";
import { valueFileOf } from "./live-values";
import { compareWithPublished, coverageByYear, coverageForCounts, loadNationalCounts, loadRegistry, type Registry } from "./registry";

/** Finsam (lag 2003:1210) came into force on 2004-01-01: the registry's first year. */
export const FIRST_FINSAM_YEAR = 2004;

export interface DataBuild {
  snapshot: Snapshot;
  registry: Registry;
  datasets: Dataset[];
  files: FileTree;
  totalChecks: TotalCheck[];
  /** The years the registry is read for: 2004 to the latest year any of its sources covers. */
  registryYears: [number, number];
}

/**
 * `catalog` is the list of indicators to load, check and publish; the
 * benchmark passes a larger one to measure how the build scales.
 */
export function buildData(dataDir: string, build: BuildInfo, catalog: readonly IndicatorInfo[] = INDICATORS): DataBuild {
  const snapshot = loadSnapshot(join(dataDir, "snapshot"), catalog);
  const registryDir = join(dataDir, "registry");
  const registry = loadRegistry(registryDir, new Set(snapshot.kommuner.map((k) => k.kommunkod)));
  const counts = loadNationalCounts(registryDir, registry);
  const foerbundIds = new Set(registry.foerbund.map((f) => f.id));
  snapshot.foerbundFigures.forEach((f, i) => {
    if (!foerbundIds.has(f.foerbund_id))
      throw new DataInputError({ file: "data/snapshot/riksdag-2015/foerbund/figures.csv", row: i + 2, column: "foerbund_id", value: f.foerbund_id }, "not a förbund in data/registry/foerbund.csv");
  });
  for (const { file, rows } of snapshot.foerbundTables.values())
    for (const f of rows)
      if (!foerbundIds.has(f.foerbund_id)) throw new DataInputError({ file, row: f.row, column: "foerbund_id", value: f.foerbund_id }, "not a förbund in data/registry/foerbund.csv");

  const pop = population16to64(snapshot.values.get("N01954")!, snapshot.values.get("N01955")!, snapshot.kommuner.map((k) => k.kommunkod));
  const weights = populationWeights(pop, snapshot.values.get("N01951")!);
  const totalChecks = catalog.flatMap((i) => checkTotals(i, snapshot.values.get(i.kpi)!, snapshot.kommuner, weights));
  const outside = totalChecks.filter((c) => !c.within_tolerance);
  if (outside.length) {
    const c = outside[0]!;
    throw new DataInputError(
      { file: valueFileOf(snapshot.values.get(c.kpi)!, c), column: "value", value: `${c.level} ${c.code} ${c.year} ${c.sex}` },
      `${outside.length} län/riket totals differ from the sum of their kommuner beyond tolerance; first: published ${c.published}, recomputed ${c.recomputed} (${(c.relative_difference * 100).toFixed(2)} %, tolerance ${(c.tolerance * 100).toFixed(1)} %)`,
    );
  }

  const lastYear = latestRegistryYear(registry, counts.map((c) => c.reference_date.latest!));
  const population = new Map(weights.pop16to64.filter((v) => v.sex === "T" && v.value !== null).map((v) => [`${v.code}|${v.year}`, v.value!]));
  const coverage = coverageByYear(registry, population, FIRST_FINSAM_YEAR, lastYear);
  const comparison = compareWithPublished(coverageForCounts(registry, counts, population), counts);
  const members = foerbundMembersByYear(registry, FIRST_FINSAM_YEAR, lastYear);
  const areaIndicators = foerbundIndicators(members, snapshot.values, weights, catalog);
  const groups = withWithout(registry, snapshot.values, weights, catalog);
  const events = eventStudy(registry, snapshot.values, weights);

  const registryYears: [number, number] = [FIRST_FINSAM_YEAR, lastYear];
  const datasets = buildDatasets({ snapshot, catalog, population16to64: pop, totalChecks, registry, registryYears, coverage, comparison, members, indicators: areaIndicators, groups, eventStudy: events });
  const participants = loadParticipants(join(dataDir, "snapshot"));
  datasets.push(deltagareNationelltDataset(participants), deltagareForbundDataset(participants, registry));
  const areaCodes = { kommuner: new Set(snapshot.kommuner.map((k) => k.kommunkod)), lan: new Set(snapshot.lan.map((l) => l.lanskod)) };
  datasets.push(...deltagarbedomningDatasets(loadAssessments(join(dataDir, "snapshot"), snapshot.provenance.get("kolada-live"), areaCodes), snapshot));
  // Aggregates over kommun values also say when the Kolada values were retrieved.
  const perKommun = koladaPerKommunSource(snapshot);
  for (const d of datasets) d.sources = d.sources.map((s) => (s === KOLADA_PER_KOMMUN_SOURCE ? perKommun : s));
  const geo = snapshot.provenance.get("geo")!;
  const map: ExtraFile = {
    name: "karta",
    path: "sverige.topo.json",
    title: "Karta: kommun- och länsgränser (TopoJSON)",
    description: "Förenklade gränser för 290 kommuner (objektet kommuner, id = kommunkod) och 21 län (objektet lan, id = länskod), kvantiserade. För översiktskartor, inte för mätning.",
    format: "topojson",
    mediatype: "application/json",
    content: JSON.stringify(snapshot.topology) + "\n",
    sources: sourcesOf(geo),
  };
  return { snapshot, registry, datasets, files: publishDatasets(datasets, build, [map]), totalChecks, registryYears };
}

/** The latest year that a dated fact in the registry or a published count refers to. */
function latestRegistryYear(registry: Registry, countDates: string[]): number {
  const years = [
    ...countDates,
    ...registry.spells.flatMap((s) => [s.from.lower?.start, s.to.lower?.start]),
    ...registry.foerbund.flatMap((f) => [f.founded.lower?.start, f.ended?.lower?.start]),
  ]
    .filter((d): d is string => typeof d === "string")
    .map((d) => Number(d.slice(0, 4)));
  return Math.max(...years);
}
