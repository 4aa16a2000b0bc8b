/**
 * Test helpers for the registry: tiny FIXTURE registries written to a temp dir,
 * and the real kommun list. Fixture data is invented and only exercises the code.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeUtf8, parseCsv, requireColumns } from "../../src/pipeline/csv";

export const REPO = join(import.meta.dirname, "..", "..");
export const REAL_REGISTRY_DIR = join(REPO, "data", "registry");
export const KOMMUNER_CSV = join(REPO, "data", "snapshot", "areas", "kommuner.csv");

/** The 290 kommunkoder from the project's normalized snapshot (written by the import step). */
export function realKommunCodes(): Set<string> {
  if (!existsSync(KOMMUNER_CSV)) throw new Error(`${KOMMUNER_CSV} is missing: run the import step first`);
  const table = parseCsv(decodeUtf8(readFileSync(KOMMUNER_CSV), KOMMUNER_CSV), KOMMUNER_CSV);
  requireColumns(table, ["kommunkod", "name", "lanskod"]);
  return new Set(table.rows.map((r) => r.values.kommunkod!));
}

/** FIXTURE kommun codes (a real-looking subset; 1480 is used for stadsdel cases). */
export const FIXTURE_KOMMUNER = new Set(["0114", "0115", "0117", "1480"]);

/** A minimal valid FIXTURE registry; every file can be replaced by a test. */
export const BASE_FIXTURE = {
  "sources.csv": [
    "id,citation,url,seed_file,seed_line,quote",
    "src-a,Fixture source A,https://example.org/a,,,Fixture quote A",
    "src-b,Fixture source B,,seed.txt,12,Fixture quote B",
  ],
  "foerbund.csv": [
    "id,kind,lan_codes,founded,ended,end_reason,successor_ids,source_ids,note",
    "alpha,en_kommun,01,2005-01-01,2010-01-01,merged,beta,src-a,",
    "beta,flera_kommuner,01,2010-01-01,>=2012-12-31,,,src-a;src-b,",
  ],
  "names.csv": [
    "foerbund_id,name,from,to,source_ids",
    "alpha,Fixture Alpha,2005-01-01,2010-01-01,src-a",
    "beta,Fixture Beta,2010-01-01,>=2012-12-31,src-b",
  ],
  "spells.csv": [
    "foerbund_id,member_code,stadsdel,from,to,source_ids,note",
    "alpha,0114,,2005-01-01,2010-01-01,src-a,",
    "beta,0114,,2010-01-01,>=2012-12-31,src-a,",
    "beta,0115,,<=2011,>=2012-12-31,src-b,",
  ],
  "complete_lists.csv": ["id,date,scope,source_id,note", "list-2009,2009-12-31,riket,src-a,fixture: complete list on one day"],
} satisfies Record<string, string[]>;

export type FixtureFiles = Partial<Record<keyof typeof BASE_FIXTURE | "national_counts.csv", string[]>>;

/** Write the base FIXTURE with some files replaced; returns the directory. */
export function writeFixture(files: FixtureFiles = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "registry-fixture-"));
  for (const [name, lines] of Object.entries({ ...BASE_FIXTURE, ...files })) {
    writeFileSync(join(dir, name), lines.join("\n") + "\n", "utf8");
  }
  return dir;
}
