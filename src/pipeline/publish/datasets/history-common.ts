/**
 * Shared by the datasets about the trials before Finsam (socsam-*, finsam-*,
 * samordning-*): the snapshot keeps every cell as text; published rows turn
 * number columns into numbers (empty → null) and name the source lines
 * source_lines, since one fact may cite several lines.
 */
import { z } from "zod";
import type { Snapshot } from "../../load";
import type { HistoryTableId } from "../../history-schema";
import { sourcesOf, type ResourceSource } from "../dataset";

export const sourceLines = z.string().regex(/^\d+(;\d+)*$/, "line numbers separated by ;");
export const seedList = z.string().regex(/^\d{3}(;\d{3})*$/, "seed numbers separated by ;");

export const num = (s: string): number | null => (s === "" ? null : Number(s));

export function historySources(snapshot: Snapshot, id: HistoryTableId): ResourceSource[] {
  return sourcesOf(snapshot.provenance.get("socsam")!, [`history/${id}.csv`]);
}

export const SEED_NOTE = "Seed 000 = RFV och Socialstyrelsen, SOCSAM – en mångfacetterad verksamhet (lägesrapport 1999); 001 = Hur uppfattades SOCSAM på Gotland? (Con Trust 2001); 002 = Haninge-PM 2002-04-16; 004 = Fridolf, CEFOS 2003.";
