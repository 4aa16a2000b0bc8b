/**
 * Every kind of bad input stops the import with one message naming the file,
 * row, column (and value), and leaves the previous snapshot exactly as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runImport } from "../../scripts/import";
import { stagingRootOf } from "../../src/pipeline/atomic";
import { DataInputError } from "../../src/pipeline/errors";
import { koladaFileName } from "../../src/pipeline/import/kolada";
import { FIXTURE_COVERAGE, rewrite, writeSourceTree } from "../fixtures/source-tree";

const OHALSO = koladaFileName("N00957", false);
const OHALSO_GENDER = koladaFileName("N00957", true);
const POP = koladaFileName("N01951", false);
const KOMMUNER = "kolada/ddf--entities--geo--kommun.csv";
const T01 = "riksdag-2015/tables/t01_samordningsforbund_och_kommuner_2008_2015.csv";
const B2_09 = "riksdag-2015/tables/b2_09_finsamteamen_norra_bohuslan_uof_2013.csv";
const B2_10 = "riksdag-2015/tables/b2_10_goteborg_nordost_avslut_per_verksamhet_2013.csv";
const B2_15 = "riksdag-2015/tables/b2_15_kalmar_arbete_studier_efter_avslut_2009_2014.csv";

interface Case {
  name: string;
  file: string;
  /** Rewrites the file's text … */
  edit?: (text: string) => string | Buffer;
  /** … or changes the source folder some other way (a link, a folder). */
  setup?: (root: string) => void;
  /** The place named: row and column where the problem has one (a whole-file problem names only the file). */
  row?: number;
  column?: string;
  /** A fragment of the problem description. */
  says: RegExp;
}

const KOMMUN_GEO = "geo/swedish_municipalities.geojson";
/** Edit the first kommun boundary of the GeoJSON. */
const firstBoundary = (change: (geometry: { type: string; coordinates: unknown }) => void) => (t: string) => {
  const json = JSON.parse(t) as { features: Array<{ geometry: { type: string; coordinates: unknown } }> };
  change(json.features[0]!.geometry);
  return JSON.stringify(json);
};
const replaceByDirectory = (file: string) => (root: string) => {
  rmSync(join(root, file));
  mkdirSync(join(root, file));
};

const cases: Case[] = [
  { name: "a missing column", file: OHALSO, edit: (t) => t.replace("geo,year,n00957", "geo,n00957").replace(/^(\d+),\d{4},/gm, "$1,"), row: 1, column: "year", says: /required column is missing/ },
  { name: "a renamed column", file: OHALSO, edit: (t) => t.replace("geo,year,n00957", "area,year,n00957"), row: 1, column: "geo", says: /missing.*"area".*renamed/ },
  { name: "an unknown kommunkod", file: OHALSO, edit: (t) => t.replace("0115,2019", "9999,2019"), row: 5, column: "geo", says: /unknown area code/ },
  { name: "a kommunkod without its leading zero", file: OHALSO, edit: (t) => t.replace("0115,2019", "115,2019"), row: 5, column: "geo", says: /unknown area code/ },
  { name: "a non-numeric value", file: OHALSO, edit: (t) => t.replace("0115,2019,10", "0115,2019,n/a"), row: 5, column: "n00957", says: /not a number/ },
  { name: "a decimal comma", file: OHALSO, edit: (t) => t.replace("0115,2019,10", '0115,2019,"15,5"'), row: 5, column: "n00957", says: /decimal comma/ },
  { name: "a duplicate key", file: OHALSO, edit: (t) => t + "0114,2019,11\n", row: 7, column: "key", says: /duplicate key.*row 4/ },
  { name: "a year out of range", file: OHALSO, edit: (t) => t.replace("0114,2020", "0114,2099"), row: 6, column: "year", says: /year out of range/ },
  { name: "a two-digit year", file: OHALSO, edit: (t) => t.replace("0114,2020", "0114,20"), row: 6, column: "year", says: /4 digits/ },
  { name: "a wrong encoding (Latin-1)", file: KOMMUNER, edit: (t) => Buffer.from(t, "latin1"), row: 2, column: "name", says: /not valid UTF-8/ },
  { name: "an empty file", file: OHALSO, edit: () => "", row: 1, column: "geo", says: /empty/ },
  { name: "a header without rows", file: OHALSO, edit: (t) => t.split("\n")[0] + "\n", row: 2, column: "geo", says: /no data rows/ },
  { name: "a row with too many fields", file: OHALSO, edit: (t) => t.replace("0115,2019,10", "0115,2019,15,16"), row: 5, column: "n00957", says: /expected 3 fields/ },
  { name: "a quoted field never closed", file: OHALSO, edit: (t) => t.replace("0115,2019,10", '0115,2019,"15'), row: 5, column: "field 3", says: /never closed/ },
  { name: "an unknown sex code", file: OHALSO_GENDER, edit: (t) => t.replace("0115,k,2019", "0115,x,2019"), row: 8, column: "gender", says: /gender must be k or m/ },
  { name: "a negative count", file: POP, edit: (t) => t.replace("0115,2019,8000.0", "0115,2019,-8000.0"), row: 5, column: "n01951", says: /negative/ },
  { name: "a fractional count of people", file: POP, edit: (t) => t.replace("0115,2019,8000.0", "0115,2019,8000.5"), row: 5, column: "n01951", says: /whole number/ },
  { name: "a share above 100 %", file: koladaFileName("N03920", false), edit: (t) => t.replace("0115,2019,12", "0115,2019,112"), row: 5, column: "n03920", says: /above 100/ },
  { name: "a kommun in a län that does not exist", file: KOMMUNER, edit: (t) => t.replace("0114,Upplands Väsby,01", "0114,Upplands Väsby,02"), row: 2, column: "region", says: /unknown länskod/ },
  { name: "a printed value that differs from the printed cell", file: T01, edit: (t) => t.replace(",1234,", ",1243,"), row: 2, column: "value", says: /differs from the printed cell/ },
  { name: "a printed table with a foreign table id", file: T01, edit: (t) => t.replace("\nT01,", "\nT02,"), row: 2, column: "table_id", says: /expected T01/ },
  { name: "a printed table with a year out of range", file: T01, edit: (t) => t.replace(/\nT01,2013,2013/, "\nT01,1850,1850"), row: 2, column: "period", says: /year out of range/ },
  { name: "a Bilaga 2 table naming a förbund it is not known to list", file: B2_09, edit: (t) => t.replace("Samordningsförbundet Norra Bohuslän", "Samordningsförbundet Fixtur"), row: 2, column: "foerbund", says: /not a förbund this table is known to list/ },
  { name: "a Bilaga 2 note with no Swedish wording", file: B2_10, edit: (t) => t.replace("blank in source", "left blank on purpose"), row: 3, column: "note", says: /without a Swedish wording/ },
  { name: "a Bilaga 2 unit we do not know", file: B2_10, edit: (t) => t.replace("7,persons,7", "7,people,7"), row: 2, column: "unit", says: /unknown unit/ },
  { name: "a Bilaga 2 value that differs from the printed cell", file: B2_10, edit: (t) => t.replace("78,percent,78 %", "87,percent,78 %"), row: 4, column: "value", says: /differs from the printed cell "78 %"/ },
  { name: "a Bilaga 2 period that ends before it starts", file: B2_15, edit: (t) => t.replace("2014-01..2014-10", "2014-10..2014-01"), row: 2, column: "period", says: /must not end before it starts/ },
  { name: "a Bilaga 2 duplicate cell", file: B2_10, edit: (t) => t + "B2-10,2013,Fixtur Angered,antal_avslutade,fortsatt_rehab,kvinnor,7,persons,7,3086,\n", row: 5, column: "foerbund_id+activity+period+measure+breakdown", says: /duplicate key.*row 2/ },
  {
    name: "a boundary for an unknown kommun",
    file: "geo/swedish_municipalities.geojson",
    edit: (t) => t.replace('"id":"0115"', '"id":"9999"'),
    row: 2,
    column: "properties.id",
    says: /not a kommunkod/,
  },
  // Numbers that are not finite, or not numbers at all, and values outside the indicator's definition.
  { name: "a number too large to be finite (1e999)", file: OHALSO, edit: (t) => t.replace("0115,2019,10", "0115,2019,1e999"), row: 5, column: "n00957", says: /not a finite number/ },
  { name: "a run of 10 MB of digits", file: OHALSO, edit: (t) => t.replace("0115,2019,10", "0115,2019," + "9".repeat(10_000_000)), row: 5, column: "n00957", says: /a field of 10000000 characters/ },
  { name: "a number of 45 digits", file: OHALSO, edit: (t) => t.replace("0115,2019,10", "0115,2019," + "9".repeat(45)), row: 5, column: "n00957", says: /not a number: 45 characters/ },
  { name: "NaN as a value", file: OHALSO, edit: (t) => t.replace("0115,2019,10", "0115,2019,NaN"), row: 5, column: "n00957", says: /not a number/ },
  { name: "an ohälsotal of 99 999 days", file: OHALSO, edit: (t) => t.replace("0115,2019,10", "0115,2019,99999"), row: 5, column: "n00957", says: /above the upper bound for N00957 \(allowed 0–365/ },
  { name: "a sjukpenningtal above 365 days", file: koladaFileName("N00938", false), edit: (t) => t.replace("0115,2019,11", "0115,2019,400"), row: 5, column: "n00938", says: /above the upper bound for N00938/ },
  { name: "a negative share", file: koladaFileName("N03920", false), edit: (t) => t.replace("0115,2019,12", "0115,2019,-1"), row: 5, column: "n03920", says: /negative value/ },
  // Completeness: what the source's coverage promises must be there.
  { name: "a kommun deleted from a values file", file: OHALSO, edit: (t) => t.replace("0115,2019,10\n", ""), column: "geo", says: /0115 2019.*a kommun value is missing/ },
  { name: "a kommun deleted from a by-sex file", file: OHALSO_GENDER, edit: (t) => t.replace("0115,k,2019,10\n", ""), column: "geo", says: /0115 2019 k.*a kommun value is missing/ },
  { name: "a values file cut in half", file: OHALSO, edit: (t) => t.split("\n").slice(0, 3).join("\n") + "\n", column: "geo", says: /0114 2019.*a kommun value is missing/ },
  { name: "a kommun list one kommun short", file: KOMMUNER, edit: (t) => t.replace(/\n0115,[^\n]*/, ""), row: 290, column: "kommun", says: /expected 290 kommuner, found 289/ },
  { name: "a län name left empty", file: "scb/scb_lan_codes_from_BefolkningNy_metadata.csv", edit: (t) => t.replace("01,Stockholms län", "01,"), row: 2, column: "lan_namn", says: /must not be empty/ },
  { name: "a KPI missing from Kolada's concepts", file: "kolada/ddf--concepts.csv", edit: (t) => t.replace(/\nn00957,[^\n]*/, ""), column: "concept", says: /KPI not described/ },
  // Text fields with limits.
  { name: "a kommun name of 10 MB", file: KOMMUNER, edit: (t) => t.replace("Upplands Väsby", "x".repeat(10_000_000)), row: 2, column: "name", says: /a field of 10000000 characters; at most 10000/ },
  { name: "a kommun name of 300 characters", file: KOMMUNER, edit: (t) => t.replace("Upplands Väsby", "x".repeat(300)), row: 2, column: "name", says: /longer than 200 characters/ },
  { name: "JSON given as CSV", file: OHALSO, edit: () => JSON.stringify([{ geo: "0114", year: 2019, n00957: 10 }]), row: 1, column: "geo", says: /this is JSON, not CSV/ },
  // Boundaries.
  { name: "a boundary with text coordinates", file: KOMMUN_GEO, edit: firstBoundary((g) => ((g.coordinates as unknown[][][])[0]![0] = ["a", "b"])), row: 1, column: "geometry.coordinates[0][0][0]", says: /two finite numbers/ },
  { name: "a boundary with a null coordinate", file: KOMMUN_GEO, edit: firstBoundary((g) => ((g.coordinates as unknown[][][])[0]![1] = [null, 59])), row: 1, column: "geometry.coordinates[0][0][1]", says: /two finite numbers/ },
  { name: "a boundary with empty coordinates", file: KOMMUN_GEO, edit: firstBoundary((g) => (g.coordinates = [])), row: 1, column: "geometry.coordinates[0]", says: /at least one ring/ },
  { name: "a boundary ring of two positions", file: KOMMUN_GEO, edit: firstBoundary((g) => (g.coordinates = [[[11, 55], [12, 56]]])), row: 1, column: "geometry.coordinates[0][0]", says: /at least 4 positions/ },
  { name: "a boundary that is a point", file: KOMMUN_GEO, edit: firstBoundary((g) => Object.assign(g, { type: "Point", coordinates: [11, 55] })), row: 1, column: "geometry.type", says: /Polygon or MultiPolygon/ },
  { name: "a GeoJSON file cut short", file: KOMMUN_GEO, edit: (t) => t.slice(0, 200), row: 1, says: /not valid JSON/ },
  { name: "a GeoJSON that is not a FeatureCollection", file: KOMMUN_GEO, edit: () => "{}", column: "type", says: /not a GeoJSON FeatureCollection/ },
  // Not a regular file.
  { name: "a symbolic link to /etc/passwd", file: OHALSO, setup: (root) => { rmSync(join(root, OHALSO)); symlinkSync("/etc/passwd", join(root, OHALSO)); }, says: /the file is a symbolic link/ },
  { name: "a symbolic link to a file inside the folder", file: OHALSO, setup: (root) => { rmSync(join(root, OHALSO)); symlinkSync(join(root, POP), join(root, OHALSO)); }, says: /the file is a symbolic link/ },
  { name: "a source folder that is a symbolic link", file: KOMMUNER, setup: (root) => { renameSync(join(root, "kolada"), join(root, "kolada-elsewhere")); symlinkSync(join(root, "kolada-elsewhere"), join(root, "kolada")); }, says: /the folder kolada is a symbolic link/ },
  { name: "a directory in place of a file", file: OHALSO, setup: replaceByDirectory(OHALSO), says: /a directory where a file was expected/ },
  { name: "a directory in place of the GeoJSON", file: KOMMUN_GEO, setup: replaceByDirectory(KOMMUN_GEO), says: /a directory where a file was expected/ },
];

describe("bad input stops the import and writes nothing", () => {
  let src: string;
  let out: string;
  beforeEach(() => {
    src = writeSourceTree();
    out = mkdtempSync(join(tmpdir(), "finsam-out-"));
    // A previous, good snapshot that must survive a failed run untouched.
    for (const dir of ["areas", "kolada", "geo", "riksdag-2015", "socsam"]) {
      rmSync(join(out, dir), { recursive: true, force: true });
    }
    runImport(src, out, undefined, FIXTURE_COVERAGE);
    writeFileSync(join(out, "kolada", "SENTINEL"), "previous run");
  });
  afterEach(() => {
    rmSync(src, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      const before = listing(out);
      if (c.edit) rewrite(src, c.file, c.edit);
      c.setup?.(src);
      let error: unknown;
      try {
        runImport(src, out, undefined, FIXTURE_COVERAGE);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataInputError);
      const message = (error as Error).message;
      expect(message).toContain(c.file);
      if (c.row !== undefined) expect(message).toContain(`row ${c.row}`);
      if (c.column !== undefined) expect(message).toContain(`column "${c.column}"`);
      expect(message).toMatch(c.says);
      // Never more than the offending value: no file content beyond it (a linked /etc/passwd is not printed).
      expect(message.length).toBeLessThan(500);
      expect(message).not.toMatch(/root:/);
      // Nothing written: same files, same bytes, sentinel intact, no staging folders left.
      expect(listing(out)).toEqual(before);
      expect(readFileSync(join(out, "kolada", "SENTINEL"), "utf8")).toBe("previous run");
      expect(readdirSync(out).filter((f) => f.includes(".tmp-") || f.includes(".old-"))).toEqual([]);
      expect(existsSync(stagingRootOf(join(out, "kolada")))).toBe(false);
    });
  }

  it("names the missing file when a source file is absent", () => {
    rmSync(join(src, OHALSO));
    expect(() => runImport(src, out, undefined, FIXTURE_COVERAGE)).toThrow(/ddf--datapoints--n00957--by--geo--year\.csv: source file not found/);
    expect(existsSync(join(out, "kolada", "SENTINEL"))).toBe(true);
  });
});

function listing(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) walk(join(d, entry.name), `${prefix}${entry.name}/`);
      else result[prefix + entry.name] = readFileSync(join(d, entry.name), "utf8");
    }
  };
  walk(dir, "");
  return result;
}
