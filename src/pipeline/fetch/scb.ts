/**
 * SCB PxWebApi 2.0, table TAB638 (population by region, marital status, age,
 * sex and year; live-sources/README.md, and the recorded real v2 answer in
 * shared/data/scb). We ask for ages 16–64 one by one for every kommun, all
 * marital statuses (Civilstand cannot be eliminated in TAB638) and both sexes;
 * the importer sums them to 16–19 and 20–64. Calls are batched by region so
 * each stays under the cell limit, and spaced to the rate limit.
 */
import { z } from "zod";
import type { FetchConfig } from "./config";
import { PUBLISHERS } from "./config";
import { FetchError, httpRequest, parseJsonBody, rateLimiter } from "./http";
import { batches } from "./kolada";
import { FetchedSource } from "./provenance";

export const SCB_DIR = "scb-v2";
export const SCB_TABLE = "TAB638";
export const SCB_AGES = Array.from({ length: 64 - 16 + 1 }, (_, i) => String(16 + i));
/** Marital statuses in TAB638 (OG, G, SK, ÄNKL): an upper bound for the cell count. */
const CIVILSTAND_COUNT = 4;
/** 2022 overlaps the archive (Kolada N01954/N01955 end there), so the first run can be checked against it. */
export const SCB_FIRST_YEAR = 2022;

const jsonStatSchema = z.object({
  id: z.array(z.string()),
  size: z.array(z.number().int()),
  dimension: z.record(z.string(), z.object({ category: z.object({ index: z.record(z.string(), z.number()) }).passthrough() }).passthrough()),
  value: z.array(z.number().nullable()),
});

export function checkJsonStat(body: unknown, url: string, status: number): z.output<typeof jsonStatSchema> {
  const parsed = jsonStatSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FetchError(url, status, `not JSON-stat 2.0 as documented: ${issue.path.join(".") || "body"}: ${issue.message} — has the publisher changed the response schema?`);
  }
  const d = parsed.data;
  for (const want of ["Region", "Civilstand", "Alder", "Kon", "Tid"]) {
    if (!d.id.includes(want)) throw new FetchError(url, status, `field missing: dimension ${want} is not in id [${d.id.join(", ")}]`);
  }
  const cells = d.size.reduce((a, b) => a * b, 1);
  if (d.size.length !== d.id.length || d.value.length !== cells) {
    throw new FetchError(url, status, `value has ${d.value.length} cells but size [${d.size.join(", ")}] says ${cells}: truncated answer?`);
  }
  return d;
}

export async function fetchScb(cfg: FetchConfig, kommunkoder: readonly string[], options: { since?: string | null; firstYear?: number } = {}): Promise<FetchedSource> {
  const out = new FetchedSource(SCB_DIR, PUBLISHERS.scb.publisher, PUBLISHERS.scb.licence, cfg.scbBase, options.since ?? null);
  const firstYear = options.firstYear ?? SCB_FIRST_YEAR;
  const years = cfg.lastYear - firstYear + 1;
  const cellsPerRegion = CIVILSTAND_COUNT * SCB_AGES.length * 2 * years;
  const perBatch = Math.max(1, Math.floor(cfg.scbMaxCells / cellsPerRegion));
  const limiter = rateLimiter(cfg.scbCallsPerWindow, cfg.scbWindowMs, cfg.http.sleep);
  const url = `${cfg.scbBase}/tables/${SCB_TABLE}/data?lang=sv&outputFormat=json-stat2`;
  const regionBatches = batches([...kommunkoder].sort(), perBatch);
  for (const [i, regions] of regionBatches.entries()) {
    const body = {
      selection: [
        { variableCode: "Region", valueCodes: regions, codeList: "vs_RegionKommun07" },
        { variableCode: "Civilstand", valueCodes: ["*"] },
        { variableCode: "Alder", valueCodes: SCB_AGES },
        { variableCode: "Kon", valueCodes: ["1", "2"] },
        { variableCode: "ContentsCode", valueCodes: ["BE0101N1"] },
        { variableCode: "Tid", valueCodes: [`FROM(${firstYear})`] },
      ],
    };
    const res = await httpRequest({ url, method: "POST", body }, { ...cfg.http, beforeRequest: limiter });
    const stat = checkJsonStat(parseJsonBody(res), res.url, res.status);
    const got = Object.keys(stat.dimension.Region!.category.index);
    const lost = regions.filter((r) => !got.includes(r));
    if (lost.length) throw new FetchError(url, res.status, `the answer lacks regions ${lost.join(", ")} that were asked for`);
    out.add(`data/regions-${String(i + 1).padStart(3, "0")}.json`, res);
  }
  out.notes.push(`${kommunkoder.length} kommuner in ${regionBatches.length} calls of at most ${perBatch} (≤ ${cfg.scbMaxCells} cells each), ages 16–64 one by one, years from ${firstYear}.`);
  return out;
}
