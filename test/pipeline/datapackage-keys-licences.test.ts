/**
 * Foreign keys in datapackage.json: the checker refuses a key that does not
 * resolve (hand-made datasets), and in the real data build every declared key
 * resolves in the published JSON rows — read back from the written files, not
 * from the in-memory datasets — and the keys a researcher joins on are
 * declared. Also: forbund-indikatorer names each förbund as it was named that
 * year, and each resource's sources state their licence as the source folder
 * documents it (the Kolada archive states none).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { contentText } from "../../src/pipeline/atomic";
import { buildData, type DataBuild } from "../../src/pipeline/build";
import { defineDataset } from "../../src/pipeline/publish/dataset";
import { checkForeignKeys, FK_FOERBUND } from "../../src/pipeline/publish/foreign-keys";
import { field } from "../../src/pipeline/publish/fields";
import { z } from "zod";

const tiny = (name: string, column: string, values: Array<string | null>, foreignKeys?: typeof FK_FOERBUND[]) =>
  defineDataset({
    name,
    title: "t",
    description: "d",
    fields: [field(column as Parameters<typeof field>[0])],
    primaryKey: [column],
    schema: z.object({ [column]: z.string().nullable() }),
    rows: values.map((v) => ({ [column]: v })),
    sources: [],
    processing: "p",
    ...(foreignKeys ? { foreignKeys } : {}),
  });

describe("checkForeignKeys (hand-made datasets)", () => {
  const forbund = tiny("forbund", "id", ["a", "b"]);
  it("accepts keys that resolve and rows whose key is empty", () => {
    expect(() => checkForeignKeys([forbund, tiny("x", "foerbund_id", ["a", "b", "a", null, ""], [FK_FOERBUND])])).not.toThrow();
  });
  it("refuses a value missing from the referenced dataset, naming dataset, key, row index and value", () => {
    expect(() => checkForeignKeys([forbund, tiny("x", "foerbund_id", ["a", "c"], [FK_FOERBUND])])).toThrow(
      'dataset x, foreign key foerbund_id → forbund.id, row index 1, value "c": not found in forbund',
    );
  });
  it("refuses a key to a dataset that is not published, or to a column it lacks", () => {
    expect(() => checkForeignKeys([tiny("x", "foerbund_id", ["a"], [FK_FOERBUND])])).toThrow("no dataset named forbund");
    expect(() => checkForeignKeys([tiny("forbund", "name", ["a"]), tiny("x", "foerbund_id", ["a"], [FK_FOERBUND])])).toThrow("forbund has no column id");
  });
});

interface Resource {
  name: string;
  sources: Array<{ publisher: string; licence: string }>;
  schema?: { fields: Array<{ name: string }>; foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }> };
}

describe("the published datapackage (real data build)", () => {
  let build: DataBuild;
  let resources: Resource[];
  const rowsOf = (name: string) => JSON.parse(contentText(build.files.get(`${name}.json`))) as Array<Record<string, unknown>>;
  const keysOf = (name: string) => resources.find((r) => r.name === name)?.schema?.foreignKeys ?? [];
  beforeAll(() => {
    build = buildData("data", { version: "0.0.0-test", dataVintage: "test" });
    resources = JSON.parse(contentText(build.files.get("datapackage.json"))).resources;
  });

  it("every declared foreign key resolves in the published rows", () => {
    let checked = 0;
    for (const r of resources) {
      for (const fk of r.schema?.foreignKeys ?? []) {
        const present = new Set(rowsOf(fk.reference.resource).map((row) => fk.reference.fields.map((f) => String(row[f])).join("|")));
        for (const row of rowsOf(r.name)) {
          if (fk.fields.every((f) => row[f] === null || row[f] === "")) continue;
          const key = fk.fields.map((f) => String(row[f])).join("|");
          expect(present.has(key), `${r.name}.${fk.fields.join("+")} = ${key} → ${fk.reference.resource}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50_000);
  });

  it("declares the keys researchers join on: förbund, every kommun code column, single source ids", () => {
    expect(keysOf("forbund-indikatorer")).toContainEqual({ fields: ["foerbund_id"], reference: { resource: "forbund", fields: ["id"] } });
    const kommunColumns = resources.flatMap((r) => (r.schema?.fields ?? []).filter((f) => f.name === "kommunkod" || f.name === "member_code").map((f) => [r.name, f.name] as const));
    expect(kommunColumns.length).toBeGreaterThanOrEqual(7);
    for (const [name, column] of kommunColumns) {
      if (name === "kommuner") continue;
      expect(keysOf(name), `${name}.${column}`).toContainEqual({ fields: [column], reference: { resource: "kommuner", fields: ["kommunkod"] } });
    }
    for (const name of resources.filter((r) => r.schema?.fields.some((f) => f.name === "foerbund_id")).map((r) => r.name))
      expect(keysOf(name), name).toContainEqual({ fields: ["foerbund_id"], reference: { resource: "forbund", fields: ["id"] } });
    for (const name of ["fullstandiga-listor", "tackning-jamforelse"])
      expect(keysOf(name), name).toContainEqual({ fields: ["source_id"], reference: { resource: "kallor", fields: ["id"] } });
  });

  it("forbund-indikatorer carries the name in force each year (Umeåregionen's three names)", () => {
    const rows = rowsOf("forbund-indikatorer").filter((r) => r.foerbund_id === "umearegionen" && r.kpi === "N00957" && r.sex === "T");
    const nameIn = (y: number) => rows.find((r) => r.year === y)?.foerbund_name;
    expect(nameIn(2008)).toBe("Samordningsförbundet Umeå"); // names.csv: from 2005-05, certain to 2011
    expect(nameIn(2022)).toBe("Samordningsförbundet Umeåregionen"); // the later of two possible names
    for (const r of rowsOf("forbund-indikatorer")) expect(typeof r.foerbund_name === "string" && r.foerbund_name !== "", String(r.foerbund_id)).toBe(true);
  });

  it("states each source's licence as documented: no resource claims a licence the Kolada archive does not state", () => {
    for (const r of resources) for (const s of r.sources) expect(s.licence.trim().length, `${r.name}: ${s.publisher}`).toBeGreaterThan(10);
    const ohalsotal = resources.find((r) => r.name === "ohalsotal")!;
    expect(ohalsotal.sources[0]!.licence).toMatch(/^Ingen licens angiven av arkivet/);
    expect(ohalsotal.sources[0]!.licence).toMatch(/inte kontrollerat hos RKA/);
    // The area aggregates carry the same statement, not a shorter one of their own.
    const kolada = resources.find((r) => r.name === "forbund-indikatorer")!.sources.find((s) => /Kolada/.test(s.publisher))!;
    expect(kolada.licence).toBe(ohalsotal.sources[0]!.licence);
  });
});
