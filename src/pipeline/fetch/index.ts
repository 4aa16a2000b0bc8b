/**
 * The fetch stage: download from the publishers into a source folder that the
 * importers read (<to>/kolada-v3/, <to>/scb-v2/, <to>/fk/, each with
 * manifest.json). Every source is fetched and checked in memory first; only
 * when all have succeeded are the folders replaced, so a failure anywhere
 * leaves the previous download exactly as it was.
 */
import { join } from "node:path";
import { replaceDirectories, type FileTree } from "../atomic";
import type { FetchConfig } from "./config";
import { fetchFk } from "./fk";
import { fetchKolada } from "./kolada";
import type { FetchedSource } from "./provenance";
import { fetchScb } from "./scb";

export const FETCH_SOURCES = ["kolada", "scb", "fk"] as const;
export type FetchSourceId = (typeof FETCH_SOURCES)[number];

export interface FetchRun {
  to: string;
  only?: readonly FetchSourceId[];
  /** YYYY-MM-DD: Kolada's from_date (only values changed since); recorded in each manifest. */
  since?: string | null;
  /** The kommuner SCB is asked about (the project's area list). */
  kommunkoder: readonly string[];
  /** KPI ids for Kolada; defaults to every KPI the site uses plus U40460–U40469. */
  kpis?: readonly string[];
}

export async function runFetch(cfg: FetchConfig, run: FetchRun): Promise<Map<FetchSourceId, FetchedSource>> {
  const only = run.only ?? FETCH_SOURCES;
  const since = run.since ?? null;
  if (since !== null && !/^\d{4}-\d{2}-\d{2}$/.test(since)) throw new Error(`--since must be YYYY-MM-DD, got ${JSON.stringify(since)}`);
  const fetchers: Record<FetchSourceId, () => Promise<FetchedSource>> = {
    kolada: () => fetchKolada(cfg, { since, kpis: run.kpis }),
    scb: () => fetchScb(cfg, run.kommunkoder, { since }),
    fk: () => fetchFk(cfg, { since }),
  };
  const done = new Map<FetchSourceId, FetchedSource>();
  // One after another: the publishers' rate limits are per client, and two cores are shared.
  for (const id of only) done.set(id, await fetchers[id]());
  const trees: Array<readonly [string, FileTree]> = [...done.values()].map((s) => [join(run.to, s.source), s.finish()] as const);
  replaceDirectories(trees);
  return done;
}
