/**
 * Which of a förbund's dated names was in force on a day. One rule for the
 * published data (forbund-indikatorer) and the pages (site/foerbund/dates.ts),
 * so a chart and its download never name the same year differently.
 */
import { statusOn, type DateBound } from "./dates";

/**
 * The name in force on `date` (ISO day): a name proven in use that day wins;
 * otherwise, among names possibly in use, the one that started latest (a
 * renaming moves forward, never back); null when the registry has no name
 * possibly in use that day (callers then use the latest known name).
 */
export function nameInForceOn(names: ReadonlyArray<{ name: string; from: DateBound; to: DateBound | null }>, date: string): string | null {
  let best: { name: string; score: string } | null = null;
  for (const n of names) {
    const status = statusOn(n.from, n.to, date);
    if (status === "no") continue;
    const score = `${status === "certain" ? "1" : "0"}|${n.from.earliest ?? "0000-00-00"}|${n.from.latest ?? ""}`;
    if (!best || score > best.score) best = { name: n.name, score };
  }
  return best?.name ?? null;
}
