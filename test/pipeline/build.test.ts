/** The data build: published files, determinism, and all-or-nothing output. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentText, replaceDirectory } from "../../src/pipeline/atomic";
import { buildData, type DataBuild } from "../../src/pipeline/build";
import { parseCsv } from "../../src/pipeline/csv";

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

  it("reports the län/riket check and keeps every difference within its stated tolerance", () => {
    expect(first.totalChecks.length).toBeGreaterThan(10000);
    expect(first.totalChecks.filter((c) => !c.within_tolerance)).toEqual([]);
    const pop2022 = first.totalChecks.find((c) => c.kpi === "N01951" && c.level === "riket" && c.year === 2022 && c.sex === "T");
    expect(pop2022).toMatchObject({ published: 10521556, recomputed: 10521556, difference: 0 });
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
    expect(() => buildData(data, info)).toThrow(/n00957\.csv, row \d+, column "value", value "32;8": not a number/);
    expect(readFileSync(join(out, "ohalsotal.csv"))).toEqual(before);
    expect(readdirSync(tmp).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });

  it("fails when a län total no longer matches its kommuner", () => {
    const data = join(tmp, "data2");
    cpSync("data", data, { recursive: true });
    const file = join(data, "snapshot/kolada/values/n01951.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace(/N01951,kommun,0114,2020,T,(\d+),/, (_, v) => `N01951,kommun,0114,2020,T,${Number(v) * 2},`));
    expect(() => buildData(data, info)).toThrow(/län\/riket totals differ .* beyond tolerance/);
  });
});
