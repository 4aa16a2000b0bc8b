/**
 * Which kommuner were members on a given day, for the national maps: the
 * status of each kommun as the pipeline publishes it (medlemsstatus-per-datum),
 * so the map, its CSV and the download say the same thing.
 */
import { swedenKommunMap, type MapStatus } from "../charts/map";
import { memberStatusRows } from "../data";
import { csvText } from "../csv";
import { kommunName } from "./model";

export const MAP_STATUS_WORDS: Record<MapStatus, string> = {
  certain: "belagd medlem",
  possible: "möjlig medlem",
  not: "säkert utan förbund",
  unknown: "okänt",
};

let byDate: Map<string, Map<string, MapStatus>> | undefined;

/** date → kommunkod → status, read once. */
function statusByDate(): Map<string, Map<string, MapStatus>> {
  if (!byDate) {
    byDate = new Map();
    for (const r of memberStatusRows()) {
      let day = byDate.get(r.date);
      if (!day) byDate.set(r.date, (day = new Map()));
      day.set(r.kommunkod, r.status);
    }
  }
  return byDate;
}

/** kommunkod → status on `date`, one of the dates the dataset has. */
export function membershipStatusOn(date: string): Map<string, MapStatus> {
  const status = statusByDate().get(date);
  if (!status) throw new Error(`medlemsstatus-per-datum has no rows for ${date}`);
  return status;
}

/** The dates a CoverageMap can be drawn for (each has a CSV): 30 April 2015 and 31 December of every registry year. */
export function coverageMapDates(): string[] {
  return [...statusByDate().keys()].sort();
}

export function coverageMap(date: string) {
  if (!coverageMapDates().includes(date)) throw new Error(`CoverageMap: ${date} is not in coverageMapDates() (add it there so its CSV is built)`);
  const status = membershipStatusOn(date);
  const counts = { certain: 0, possible: 0, not: 0, unknown: 0 } as Record<MapStatus, number>;
  for (const s of status.values()) counts[s]++;
  return { date, status, counts, map: swedenKommunMap(status, kommunName) };
}

export function coverageMapCsv(date: string): string {
  return csvText(
    ["date", "kommunkod", "kommun", "status"],
    [...membershipStatusOn(date)].sort(([a], [b]) => a.localeCompare(b)).map(([code, s]) => [date, code, kommunName(code), s]),
  );
}
