/**
 * TEST FIXTURE — never reaches the site. Försäkringskassan workbooks built in
 * test code from the documented layout of SJPohttal.xlsx / SJPsjptal.xlsx
 * (live-sources/README.md and the third-party script it cites: two title
 * rows, then a header År, Månad, Län, Kommun, Kön, Ålder and the value
 * column; rows may continue on further sheets). Constructed, not real data:
 * every number is made up. `writeFetched` stores them as `npm run fetch`
 * would (fk/<dataset>/<table>.xlsx plus manifest.json with sha256);
 * `writeFetchedSource` does the same for any source folder.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { contentText } from "../../src/pipeline/atomic";
import { FK_DIMENSIONS, FK_DIR, FK_TABLES, fkPath, type FkTable } from "../../src/pipeline/fetch/fk";
import { FetchedSource } from "../../src/pipeline/fetch/provenance";
import type { HttpResponse } from "../../src/pipeline/fetch/http";
import { xlsx, type FixtureCell } from "./xlsx-writer";

export type FkRow = [year: number, month: number, lan: string, kommun: string, kon: string, alder: string, value: FixtureCell];

/** One workbook; rows split over `sheets` sheets, each with the title rows and header. */
export function fkWorkbook(t: FkTable, rows: readonly FkRow[], options: { sheets?: number; header?: string[] } = {}): Buffer {
  const header = options.header ?? [...FK_DIMENSIONS, t.valueColumn];
  const n = options.sheets ?? 1;
  const per = Math.ceil(rows.length / n);
  return xlsx(
    Array.from({ length: n }, (_, i) => ({
      name: `Blad${i + 1}`,
      rows: [[`${t.name} (KONSTRUERAT TESTEXEMPEL, inte riktiga data)`], [], header, ...rows.slice(i * per, (i + 1) * per)],
    })),
  );
}

/** Write <from>/fk/ as fetch does, one workbook per table (by KPI). */
export function writeFetched(from: string, workbooks: Partial<Record<string, Buffer>>): void {
  const files = FK_TABLES.filter((t) => workbooks[t.kpi]).map((t) => [fkPath(t), workbooks[t.kpi]!] as const);
  writeFetchedSource(from, FK_DIR, files);
}

/** Any source folder as fetch writes it: the bytes plus manifest.json (URL, time, sha256). */
export function writeFetchedSource(from: string, dir: string, files: ReadonlyArray<readonly [string, Buffer]>): void {
  const source = new FetchedSource(dir, "Testutgivare (konstruerat)", "Testlicens (konstruerat)", `http://127.0.0.1/${dir}`, null);
  for (const [path, bytes] of files) {
    const res: HttpResponse = {
      url: `http://127.0.0.1/${dir}/${path}`, method: "GET", requestBody: null, status: 200, bytes, text: "",
      sha256: createHash("sha256").update(bytes).digest("hex"), retrievedAt: "2026-11-30T12:00:00.000Z", attempts: 1,
    };
    source.add(path, res);
  }
  for (const [path, content] of source.finish()) {
    const file = join(from, dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === "string" || content instanceof Uint8Array ? content : contentText(content));
  }
}
