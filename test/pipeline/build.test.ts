/** The data build: published files, determinism, and all-or-nothing output. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentText, replaceDirectory } from "../../src/pipeline/atomic";
import { resealSource } from "../fixtures/reseal";
import { buildData, type DataBuild } from "../../src/pipeline/build";
import { parseCsv } from "../../src/pipeline/csv";
import { PUBLISHED_SCHEMAS, type PublishedName } from "../../src/pipeline/publish/datasets";
import { readPublished } from "../../src/pipeline/publish/read";
import { INDICATORS } from "../../src/pipeline/indicators";

const info = { version: "0.0.0-test", dataVintage: "test" };
let first: DataBuild;
let tmp: string;
beforeAll(() => {
  first = buildData("data", info);
  tmp = mkdtempSync(join(tmpdir(), "finsam-build-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const text = (name: string) => contentText(first.files.get(name));

describe("published datasets", () => {
  it("lists every resource in datapackage.json with fields, units and sources", () => {
    const pkg = JSON.parse(text("datapackage.json"));
    const names = pkg.resources.map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(["kommuner", "lan", "ohalsotal", "arbetsloshet", "befolkning-16-64", "kontroll-lan-riket", "finsam-nationellt-2011-2015", "socsam-1998"]));
    for (const r of pkg.resources) {
      expect(first.files.has(r.path), r.path).toBe(true);
      expect(r.sources.length, r.name).toBeGreaterThan(0);
      if (r.format === "csv") expect(r.schema.fields.length).toBeGreaterThan(0);
    }
    const map = pkg.resources.find((r: { name: string }) => r.name === "karta");
    expect(map).toMatchObject({ path: "sverige.topo.json", format: "topojson" });
    expect(JSON.parse(text("sverige.topo.json")).objects.kommuner.geometries).toHaveLength(290);
    const ohalso = pkg.resources.find((r: { name: string }) => r.name === "ohalsotal");
    expect(ohalso.schema.fields.find((f: { name: string }) => f.name === "value").unit).toBe("dagar per invånare 16–64 år");
    expect(ohalso.sources[0].publisher).toMatch(/Kolada.*Försäkringskassan/);
  });

  it("writes missing values as empty cells with a status, never 0, and codes as text", () => {
    const rows = parseCsv(text("ohalsotal.csv"), "ohalsotal.csv").rows.map((r) => r.values);
    const knivsta2001 = rows.find((r) => r.code === "0330" && r.year === "2001" && r.sex === "T");
    expect(knivsta2001).toMatchObject({ value: "", status: "not_published" });
    expect(rows.find((r) => r.level === "riket" && r.year === "2009" && r.sex === "T")).toMatchObject({ code: "00", value: "32.8", name: "Riket" });
    const defect = parseCsv(text("unga-utanfor.csv"), "u.csv").rows.map((r) => r.values).filter((r) => r.status === "source_defect");
    expect(defect.map((d) => d.value)).toEqual(["", ""]);
  });

  it("publishes population 16–64 as the sum of its two parts", () => {
    const rows = JSON.parse(text("befolkning-16-64.json")) as Array<Record<string, unknown>>;
    const riket2022 = rows.find((r) => r.level === "riket" && r.year === 2022 && r.sex === "T");
    expect(riket2022).toMatchObject({ value: 6421769, status: "derived" }); // Kolada N01954 + N01955, riket 2022
  });

  it("gives every kommun-year of the span a population 16–64 row, not_available where a part is missing", () => {
    const rows = JSON.parse(text("befolkning-16-64.json")) as Array<Record<string, unknown>>;
    const missing = rows.filter((r) => r.status === "not_available");
    // Nykvarn (0140) 1995–1997 and Knivsta (0330) 1995–2001 existed in neither N01954 nor N01955: 10 kommun-years × T/K/M.
    expect(missing).toHaveLength(30);
    expect(missing.every((r) => r.level === "kommun" && r.value === null && r.note === "N01954 (16–19 år) och N01955 (20–64 år) saknas")).toBe(true);
    expect(new Set(missing.map((r) => `${r.code} ${r.year}`))).toEqual(new Set([...[1995, 1996, 1997].map((y) => `0140 ${y}`), ...[1995, 1996, 1997, 1998, 1999, 2000, 2001].map((y) => `0330 ${y}`)]));
    const kommunYears = new Set(rows.filter((r) => r.level === "kommun").map((r) => `${r.code}|${r.year}|${r.sex}`));
    expect(kommunYears.size).toBe(290 * (2022 - 1995 + 1) * 3);
  });

  it("publishes a comparison code beside each published national count", () => {
    const rows = JSON.parse(text("tackning-jamforelse.json")) as Array<Record<string, unknown>>;
    const april = rows.filter((r) => r.compared_on === "2015-04-30");
    expect(april.length).toBeGreaterThan(0);
    expect(april.every((r) => r.comparison_code === "exact" && r.comparison === "matches the registry exactly")).toBe(true);
    expect(new Set(rows.map((r) => r.comparison_code))).not.toContain(undefined);
  });

  it("publishes each kommun's membership status on every map date, agreeing with the coverage per year", () => {
    const rows = JSON.parse(text("medlemsstatus-per-datum.json")) as Array<{ date: string; kommunkod: string; kommun: string; status: string }>;
    const [from, to] = first.registryYears;
    const dates = [...new Set(rows.map((r) => r.date))];
    expect(dates).toEqual([...Array.from({ length: to - from + 1 }, (_, i) => `${from + i}-12-31`), "2015-04-30"].sort());
    expect(rows).toHaveLength(dates.length * 290);
    const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date) || a.kommunkod.localeCompare(b.kommunkod));
    expect(rows).toEqual(sorted);
    const on = (date: string, status: string) => rows.filter((r) => r.date === date && r.status === status).length;
    // April 2015 = Bilaga 4: 241 members, 49 without.
    expect([on("2015-04-30", "certain"), on("2015-04-30", "not"), on("2015-04-30", "possible"), on("2015-04-30", "unknown")]).toEqual([241, 49, 0, 0]);
    const coverage = JSON.parse(text("tackning-per-ar.json")) as Array<Record<string, number>>;
    for (const c of coverage) {
      const date = `${c.year}-12-31`;
      expect(on(date, "certain"), date).toBe(c.member_kommuner_certain);
      expect(on(date, "unknown"), date).toBe(c.member_kommuner_unrecorded);
      expect(on(date, "not"), date).toBe(c.kommuner_without_certain);
      expect(on(date, "possible"), date).toBe(c.member_kommuner_possible! - c.member_kommuner_certain! - c.member_kommuner_unrecorded!);
    }
  });

  it("reads every published dataset back through its row schema", () => {
    const out = join(tmp, "read-back");
    replaceDirectory(out, first.files);
    const started = performance.now();
    let rows = 0;
    for (const name of Object.keys(PUBLISHED_SCHEMAS) as PublishedName[]) rows += readPublished(out, name).length;
    const seconds = (performance.now() - started) / 1000;
    expect(rows).toBe(first.datasets.reduce((n, d) => n + d.rows.length, 0));
    expect(Object.keys(PUBLISHED_SCHEMAS).sort()).toEqual(first.datasets.map((d) => d.name).sort());
    console.log(`readPublished: ${rows} rows in ${Object.keys(PUBLISHED_SCHEMAS).length} datasets read and validated in ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(10);
  });

  it("reports the län/riket check and keeps every difference within its stated tolerance", () => {
    expect(first.totalChecks.length).toBeGreaterThan(10000);
    expect(first.totalChecks.filter((c) => !c.within_tolerance)).toEqual([]);
    const pop2022 = first.totalChecks.find((c) => c.kpi === "N01951" && c.level === "riket" && c.year === 2022 && c.sex === "T");
    expect(pop2022).toMatchObject({ published: 10521556, recomputed: 10521556, difference: 0 });
  });

  it("writes no CSV cell a spreadsheet would run as a formula (=, +, @, tab, CR, or - before a non-number)", () => {
    let cells = 0;
    for (const [path, content] of first.files) {
      if (!path.endsWith(".csv")) continue;
      const table = parseCsv(contentText(content), path);
      for (const row of table.rows)
        for (const [column, cell] of Object.entries(row.values)) {
          cells++;
          expect(/^([=+@\t\r]|-(?!\d+(\.\d+)?$))/.test(cell), `${path}, row ${row.row}, column ${column}: ${cell}`).toBe(false);
        }
    }
    expect(cells).toBeGreaterThan(1_000_000);
    // The real note "= 433 + 58 in table B2-13" is written as text.
    expect(contentText(first.files.get("forbund-siffror-2015.csv"))).toContain(",'= 433 + 58 in table B2-13,");
  });

  it("states each indicator's bounds in the dataset schema, and every published value lies within them", () => {
    const pkg = JSON.parse(text("datapackage.json")) as { resources: Array<{ name: string; schema?: { fields: Array<{ name: string; constraints?: { minimum?: number; maximum?: number } }> } }> };
    for (const info of INDICATORS) {
      const value = pkg.resources.find((r) => r.name === info.slug)!.schema!.fields.find((f) => f.name === "value")!;
      expect(value.constraints, info.slug).toEqual({ minimum: info.bounds.min, ...(info.bounds.max === null ? {} : { maximum: info.bounds.max }) });
      const rows = JSON.parse(text(`${info.slug}.json`)) as Array<{ value: number | null }>;
      const outside = rows.filter((r) => r.value !== null && (r.value < info.bounds.min || (info.bounds.max !== null && r.value > info.bounds.max)));
      expect(outside, info.slug).toEqual([]);
    }
    expect(text("codebook.md")).toMatch(/Tillåtna värden: 0–365\./);
  });

  it("gives byte-identical files when built twice", () => {
    const second = buildData("data", info);
    expect([...second.files.keys()].sort()).toEqual([...first.files.keys()].sort());
    for (const [path, content] of first.files) expect(second.files.get(path), path).toEqual(content);
  });
});

describe("all-or-nothing output", () => {
  it("leaves the previous outputs as they were when the snapshot is bad", () => {
    const out = join(tmp, "public-data");
    replaceDirectory(out, first.files);
    const before = readFileSync(join(out, "ohalsotal.csv"));
    const data = join(tmp, "data");
    cpSync("data", data, { recursive: true });
    const file = join(data, "snapshot/kolada/values/n00957.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("N00957,riket,00,2009,T,32.8,", "N00957,riket,00,2009,T,32;8,"));
    // The committed file no longer matches its recorded sha256 …
    expect(() => buildData(data, info)).toThrow(/n00957\.csv: the file differs from what the importer wrote: sha256 .*provenance\.json records/);
    // … and once resealed (as a re-import would), the bad cell itself is named.
    resealSource(join(data, "snapshot"), "kolada");
    expect(() => buildData(data, info)).toThrow(/n00957\.csv, row \d+, column "value", value "32;8": not a number/);
    expect(readFileSync(join(out, "ohalsotal.csv"))).toEqual(before);
    expect(readdirSync(tmp).filter((f) => f.includes(".tmp-") || f.startsWith(".staging"))).toEqual([]);
  });

  it("fails when a län total no longer matches its kommuner", () => {
    const data = join(tmp, "data2");
    cpSync("data", data, { recursive: true });
    const file = join(data, "snapshot/kolada/values/n01951.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace(/N01951,kommun,0114,2020,T,(\d+),/, (_, v) => `N01951,kommun,0114,2020,T,${Number(v) * 2},`));
    resealSource(join(data, "snapshot"), "kolada");
    expect(() => buildData(data, info)).toThrow(/län\/riket totals differ .* beyond tolerance/);
  });
});
