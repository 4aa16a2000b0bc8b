/**
 * TEST HELPER — writes a folder as `npm run fetch` leaves it (kolada-v3/ with
 * manifest.json and the pages, each with its sha256), from pages constructed
 * in Kolada API v3's documented shape (test/fixtures/live/README.md). The
 * numbers are made up; nothing here is a real answer. Also a tiny archive
 * snapshot with two kommuner in one län.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Manifest } from "../../src/pipeline/fetch/provenance";

export const TEST_LICENCE = "Testfixtur (ingen licens)";

/** A /data row with T, K and M values (null = Kolada's "no value" with a status). */
export function dataRow(kpi: string, municipality: string, period: number, t: number | null, k?: number | null, m?: number | null) {
  const v = (gender: string, value: number | null) => ({ gender, count: 1, status: value === null ? "Missing" : "", value });
  return { kpi, municipality, period, values: [v("T", t), ...(k === undefined ? [] : [v("K", k)]), ...(m === undefined ? [] : [v("M", m)])] };
}

/** A KPI metadata element in v3's documented field names (rKolada R/glue.R, test-api-mocked.R). */
export function kpiMeta(id: string, over: Record<string, unknown> = {}) {
  return {
    id, title: `Testnyckeltal ${id}`, description: "Konstruerad beskrivning för test. Källa: Testutgivare.",
    auspice: "X", is_divided_by_gender: true, municipality_type: "K", has_ou_data: false, operating_area: "Test", publication_date: "2026-03-01", publ_period: "2025",
    ...over,
  };
}

/** Write <tmp>/kolada-v3/ with the given pages (path → body) and a manifest naming each with its sha256. */
export function writeFetched(pages: Record<string, unknown>): string {
  const from = mkdtempSync(join(tmpdir(), "live-fetched-"));
  const files: Manifest["files"] = [];
  for (const [path, body] of Object.entries(pages)) {
    const bytes = Buffer.from(JSON.stringify(body));
    const file = join(from, "kolada-v3", path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    files.push({ path, url: `https://api.kolada.se/v3/${path}`, method: "GET", request_body: null, retrieved_at: "2026-11-02T03:00:00Z", sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length, licence: TEST_LICENCE });
  }
  const manifest: Manifest = { source: "kolada-v3", publisher: "RKA, Kolada (testfixtur)", licence: TEST_LICENCE, base_url: "https://api.kolada.se/v3", since: null, fetched_at: "2026-11-02T03:00:00Z", files, notes: [] };
  writeFileSync(join(from, "kolada-v3", "manifest.json"), JSON.stringify(manifest));
  return from;
}

/** A tiny snapshot: areas (0114, 0115 in län 01) and an empty archive folder. */
export function tinySnapshot(): string {
  const dir = mkdtempSync(join(tmpdir(), "live-snap-"));
  mkdirSync(join(dir, "areas"));
  mkdirSync(join(dir, "kolada", "values"), { recursive: true });
  writeFileSync(join(dir, "areas", "kommuner.csv"), "kommunkod,name,lanskod\n0114,Upplands Väsby,01\n0115,Vallentuna,01\n");
  writeFileSync(join(dir, "areas", "lan.csv"), "lanskod,name\n01,Stockholms län\n");
  return dir;
}
