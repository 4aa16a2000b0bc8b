/**
 * The committed snapshot is checked on every load: each file against the
 * sha256 and row count its provenance.json records, the provenance and the
 * topology for shape, values for bounds and completeness. Every corruption
 * stops the data step with a message naming the file and the place, and
 * leaves the snapshot and the previous public/data byte-identical.
 * Runs on a snapshot imported from the small fixture (test/fixtures/source-tree.ts).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runImport } from "../../scripts/import";
import { replaceDirectory } from "../../src/pipeline/atomic";
import { DataInputError } from "../../src/pipeline/errors";
import { checkTotals } from "../../src/pipeline/derive/check-totals";
import { population16to64 } from "../../src/pipeline/derive/population";
import { populationWeights } from "../../src/pipeline/derive/weights";
import { indicatorInfo } from "../../src/pipeline/indicators";
import { loadSnapshot } from "../../src/pipeline/load";
import { resealSource } from "../fixtures/reseal";
import { FIXTURE_COVERAGE, writeSourceTree } from "../fixtures/source-tree";

const VALUES = "kolada/values/n00957.csv";
const PROVENANCE = "kolada/provenance.json";
const TOPO = "geo/sweden.topo.json";
const KOMMUNER = "areas/kommuner.csv";

interface Case {
  name: string;
  file: string;
  edit?: (text: string) => string;
  setup?: (snapshot: string) => void;
  /** Record the edit's checksum (and row counts) as a re-import would, to reach the checks after the seal. */
  reseal?: "sha" | "rows";
  row?: number;
  column?: string;
  says: RegExp;
}

const topo = (change: (t: { arcs: unknown[][]; objects: Record<string, { geometries: Array<{ arcs: unknown }> }> }) => void) => (text: string) => {
  const t = JSON.parse(text);
  change(t);
  return JSON.stringify(t);
};
const provenance = (change: (p: { retrieval: { url: string }; files: Array<Record<string, unknown>> }) => void) => (text: string) => {
  const p = JSON.parse(text);
  change(p);
  return JSON.stringify(p, null, 2);
};

const cases: Case[] = [
  // The seal: a file changed after import.
  { name: "a values file cut at a line boundary", file: VALUES, edit: (t) => t.split("\n").slice(0, 9).join("\n") + "\n", row: 10, says: /differs from what the importer wrote: sha256 .* 9 lines where 16 were written \(cut\?\)/ },
  { name: "a last value cut short (10 → 1)", file: VALUES, edit: (t) => t.replace(/,10,published,\n$/, ",1,published,\n"), says: /differs from what the importer wrote: sha256 [0-9a-f]{12}…, .*records [0-9a-f]{12}…\. Restore it .*re-import: npm run import/ },
  { name: "a changed kommun name", file: KOMMUNER, edit: (t) => t.replace("Upplands Väsby", "Upplands Väsby kommun"), says: /differs from what the importer wrote/ },
  { name: "a topology replaced by {}", file: TOPO, edit: () => "{}", says: /differs from what the importer wrote/ },
  { name: "a values file deleted", file: VALUES, setup: (s) => rmSync(join(s, VALUES)), says: /snapshot file missing: run the importer/ },
  { name: "a printed table deleted", file: "riksdag-2015/t05.csv", setup: (s) => rmSync(join(s, "riksdag-2015/t05.csv")), says: /snapshot file missing/ },
  { name: "a file the importer did not write", file: "riksdag-2015/t99.csv", setup: (s) => cpSync(join(s, "riksdag-2015/t01.csv"), join(s, "riksdag-2015/t99.csv")), says: /not listed in .*riksdag-2015\/provenance\.json/ },
  // Not a regular file.
  { name: "a values file replaced by a symbolic link", file: VALUES, setup: (s) => { rmSync(join(s, VALUES)); symlinkSync("/etc/passwd", join(s, VALUES)); }, says: /the file is a symbolic link/ },
  { name: "a directory in place of a values file", file: VALUES, setup: (s) => { rmSync(join(s, VALUES)); mkdirSync(join(s, VALUES)); }, says: /a directory where a file was expected/ },
  { name: "a directory in place of provenance.json", file: PROVENANCE, setup: (s) => { rmSync(join(s, PROVENANCE)); mkdirSync(join(s, PROVENANCE)); }, says: /a directory where a file was expected/ },
  // provenance.json itself.
  { name: "a missing provenance file", file: PROVENANCE, setup: (s) => rmSync(join(s, PROVENANCE)), says: /provenance file missing/ },
  { name: "a malformed provenance.json", file: PROVENANCE, edit: (t) => t.slice(0, 120), row: 4, says: /not valid JSON/ },
  { name: "a provenance without a file's sha256", file: PROVENANCE, edit: provenance((p) => delete p.files[0]!.sha256), column: "files.0.sha256", says: /no sha256 recorded for indicators\.csv: re-import/ },
  { name: "a provenance with a javascript: URL", file: PROVENANCE, edit: provenance((p) => (p.retrieval.url = "javascript:alert(1)")), column: "retrieval.url", says: /must start with http:\/\/ or https:\/\// },
  { name: "a provenance URL that closes an attribute", file: PROVENANCE, edit: provenance((p) => (p.retrieval.url = 'https://evil.example/"><script>alert(1)</script>')), column: "retrieval.url", says: /only hold the characters RFC 3986 allows/ },
  // The topology, resealed: its shape is checked, not only its checksum.
  { name: "a topology {} (resealed)", file: TOPO, edit: () => "{}", reseal: "sha", column: "type", says: /not a TopoJSON Topology/ },
  { name: "a topology cut short (resealed)", file: TOPO, edit: (t) => t.slice(0, 300), reseal: "sha", row: 1, says: /not valid JSON/ },
  { name: "a topology with null arcs (resealed)", file: TOPO, edit: topo((t) => (t.arcs[0] = [null, null])), reseal: "sha", column: "arcs.0", says: /at least two positions of finite numbers/ },
  { name: "a topology with an arc index out of range (resealed)", file: TOPO, edit: topo((t) => (t.objects.kommuner!.geometries[0]!.arcs = [[999999]])), reseal: "sha", column: "objects.kommuner.geometries.0.arcs.0.0", says: /not an arc index/ },
  { name: "a topology without a kommun (resealed)", file: TOPO, edit: topo((t) => t.objects.kommuner!.geometries.shift()), reseal: "sha", column: "objects.kommuner", says: /no geometry for this code/ },
  // Values, resealed: bounds, finiteness, completeness, totals.
  { name: "an ohälsotal of 99 999 (resealed)", file: VALUES, edit: (t) => t.replace("N00957,kommun,0115,2019,T,10,", "N00957,kommun,0115,2019,T,99999,"), reseal: "sha", column: "value", says: /above the upper bound for N00957/ },
  { name: "1e999 in the snapshot (resealed)", file: VALUES, edit: (t) => t.replace("N00957,kommun,0115,2019,T,10,", "N00957,kommun,0115,2019,T,1e999,"), reseal: "sha", column: "value", says: /not a finite number/ },
  { name: "a row deleted, row count kept (resealed)", file: VALUES, edit: (t) => t.replace("N00957,kommun,0115,2019,M,10,published,\n", ""), reseal: "sha", row: 15, says: /14 data rows, but provenance\.json records 15/ },
  { name: "a kommun deleted, row count updated (resealed)", file: VALUES, edit: (t) => t.replace(/N00957,kommun,0115,2019,[TKM],10,published,\n/g, ""), reseal: "rows", column: "code", says: /0115 2019 T.*a kommun value is missing/ },
  { name: "a published total outside its parts (resealed)", file: VALUES, edit: (t) => t.replace("N00957,kommun,0115,2019,T,10,", "N00957,kommun,0115,2019,T,0,"), reseal: "sha", column: "status", says: /outside the values for women and men .*must be a source_defect/ },
  { name: "a kommun name of 10 MB (resealed)", file: KOMMUNER, edit: (t) => t.replace("Upplands Väsby", "x".repeat(10_000_000)), reseal: "sha", row: 2, column: "name", says: /a field of 10000000 characters/ },
  { name: "a kommun name of 300 characters (resealed)", file: KOMMUNER, edit: (t) => t.replace("Upplands Väsby", "x".repeat(300)), reseal: "sha", row: 2, column: "name", says: /longer than 200 characters/ },
  { name: "JSON in place of a values CSV (resealed)", file: VALUES, edit: () => "[]\n", reseal: "sha", row: 1, says: /this is JSON, not CSV/ },
];

let good: string;
let snapshot: string;
let published: string;
beforeAll(() => {
  const src = writeSourceTree();
  good = mkdtempSync(join(tmpdir(), "finsam-snap-good-"));
  runImport(src, good, undefined, FIXTURE_COVERAGE);
  rmSync(src, { recursive: true, force: true });
});
beforeEach(() => {
  const work = mkdtempSync(join(tmpdir(), "finsam-snap-"));
  snapshot = join(work, "snapshot");
  cpSync(good, snapshot, { recursive: true });
  published = join(work, "public", "data");
  replaceDirectory(published, new Map([["ohalsotal.csv", "previous run\n"]]));
});
afterAll(() => rmSync(good, { recursive: true, force: true }));

/** Relative path → bytes (links and folders as markers), to compare before and after. */
function listing(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.isSymbolicLink()) out[prefix + e.name] = "<link>";
      else if (e.isDirectory()) walk(path, `${prefix}${e.name}/`);
      else out[prefix + e.name] = readFileSync(path, "latin1");
    }
  };
  walk(dir, "");
  return out;
}

describe("a corrupt committed snapshot stops the data step and changes nothing", () => {
  it("loads the good fixture snapshot", () => {
    expect(loadSnapshot(snapshot, undefined, FIXTURE_COVERAGE).values.get("N00957")).toHaveLength(15);
  });

  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      if (c.edit) writeFileSync(join(snapshot, c.file), c.edit(readFileSync(join(snapshot, c.file), "utf8")));
      c.setup?.(snapshot);
      if (c.reseal) resealSource(snapshot, c.file.split("/")[0]!, c.reseal === "rows");
      const before = { snapshot: listing(snapshot), published: listing(published) };
      let error: unknown;
      try {
        // The data step loads first and writes public/data only after everything has passed.
        loadSnapshot(snapshot, undefined, FIXTURE_COVERAGE);
        replaceDirectory(published, new Map([["ohalsotal.csv", "new run\n"]]));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataInputError);
      const message = (error as Error).message;
      expect(message).toContain(c.file);
      if (c.row !== undefined) expect(message).toContain(`row ${c.row}`);
      if (c.column !== undefined) expect(message).toContain(`column "${c.column}"`);
      expect(message).toMatch(c.says);
      expect(message.length).toBeLessThan(500);
      expect(message).not.toMatch(/root:/);
      expect({ snapshot: listing(snapshot), published: listing(published) }).toEqual(before);
    });
  }
});

/**
 * The real command on the real snapshot: exit code 1, one message naming the
 * file, public/data byte-identical and no staging folder.
 */
describe("npm run data on a corrupt copy of data/", () => {
  const work = mkdtempSync(join(tmpdir(), "finsam-data-cli-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const corruptions: Array<[string, (data: string) => void, RegExp]> = [
    ["a committed values file cut at a line boundary", (d) => {
      const f = join(d, "snapshot/kolada/values/n00957.csv");
      writeFileSync(f, readFileSync(f, "utf8").split("\n").slice(0, 10_000).join("\n") + "\n");
    }, /snapshot\/kolada\/values\/n00957\.csv, row 10001: the file differs from what the importer wrote: .* 10000 lines where 20587 were written \(cut\?\)/],
    ["a last value cut short", (d) => {
      const f = join(d, "snapshot/kolada/values/n00957.csv");
      writeFileSync(f, readFileSync(f, "utf8").replace(/,(\d+)\.(\d+),published,\n$/, ",$1,published,\n"));
    }, /n00957\.csv: the file differs from what the importer wrote/],
    ["sweden.topo.json = {}", (d) => writeFileSync(join(d, "snapshot/geo/sweden.topo.json"), "{}"), /sweden\.topo\.json: the file differs from what the importer wrote/],
  ];
  for (const [name, corrupt, says] of corruptions) {
    it(`exits 1 on ${name}`, () => {
      const data = join(work, "data");
      rmSync(data, { recursive: true, force: true });
      cpSync("data", data, { recursive: true });
      corrupt(data);
      const out = join(work, "public", "data");
      replaceDirectory(out, new Map([["datapackage.json", "{}\n"]]));
      const before = listing(join(work, "public"));
      const run = spawnSync(join(process.cwd(), "node_modules/.bin/tsx"), ["scripts/data.ts", "--data", data, "--out", out], { encoding: "utf8" });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(says);
      expect(run.stderr).toMatch(/^data build failed, previous outputs left as they were:/);
      expect(listing(join(work, "public"))).toEqual(before);
      expect(readdirSync(work).filter((f) => f.startsWith(".staging"))).toEqual([]);
    }, 120_000);
  }
});

describe("a both-sexes value outside its parts", () => {
  it("is imported as a source_defect with the reason, not as a real 0 (the Älvsbyn 2021 case)", () => {
    const src = writeSourceTree();
    const out = mkdtempSync(join(tmpdir(), "finsam-defect-"));
    const file = join(src, "kolada/ddf--datapoints--n03926--by--geo--year.csv");
    // The fixture's rates have K = M = T; a T of 0 with both parts positive is what Kolada publishes for Älvsbyn 2021.
    writeFileSync(file, readFileSync(file, "utf8").replace(/^0115,2019,\d+$/m, "0115,2019,0.0"));
    runImport(src, out, ["areas", "kolada"], FIXTURE_COVERAGE);
    const row = readFileSync(join(out, "kolada/values/n03926.csv"), "utf8").split("\n").find((l) => l.startsWith("N03926,kommun,0115,2019,T,"));
    expect(row).toMatch(/^N03926,kommun,0115,2019,T,,source_defect,"Källan anger 0 för båda könen men 14 för kvinnor och 14 för män; värdet för båda könen ska ligga mellan dem/);
    expect(readFileSync(join(out, "kolada/provenance.json"), "utf8")).toContain("N03926 0115 2019 T: Källan anger 0");
    rmSync(src, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it("would move Norrbotten beyond the per-KPI tolerance if published as 0", () => {
    const real = loadSnapshot("data/snapshot");
    const values = real.values.get("N03926")!;
    const alvsbyn = values.find((v) => v.level === "kommun" && v.code === "2560" && v.year === 2021 && v.sex === "T")!;
    expect(alvsbyn).toMatchObject({ value: null, status: "source_defect" });
    const pop = population16to64(real.values.get("N01954")!, real.values.get("N01955")!, real.kommuner.map((k) => k.kommunkod));
    const weights = populationWeights(pop, real.values.get("N01951")!);
    const asZero = values.map((v) => (v === alvsbyn ? { ...v, value: 0, status: "published" as const, note: "" } : v));
    const norrbotten = checkTotals(indicatorInfo("N03926"), asZero, real.kommuner, weights).find((c) => c.level === "lan" && c.code === "25" && c.year === 2021 && c.sex === "T")!;
    expect(norrbotten.relative_difference).toBeCloseTo(-0.038, 3);
    expect(norrbotten.within_tolerance).toBe(false);
    // Without the defect the check holds.
    expect(checkTotals(indicatorInfo("N03926"), values, real.kommuner, weights).every((c) => c.within_tolerance)).toBe(true);
  });
});
