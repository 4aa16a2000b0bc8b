/**
 * The row schemas of the published datasets: the writer refuses a row that
 * does not fit (naming dataset, row index, column and value), and
 * readPublished refuses a file row that does not fit (naming the file).
 * Rows here are hand-made; nothing reads public/data.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contentText } from "../../src/pipeline/atomic";
import { population16to64 } from "../../src/pipeline/derive/population";
import { defineDataset } from "../../src/pipeline/publish/dataset";
import { medlemsstatusPerDatumRowSchema } from "../../src/pipeline/publish/datasets/medlemsstatus-per-datum";
import { field } from "../../src/pipeline/publish/fields";
import { readPublished } from "../../src/pipeline/publish/read";
import { datasetFiles } from "../../src/pipeline/publish/write";
import type { IndicatorValue } from "../../src/pipeline/schema";

const tmp = mkdtempSync(join(tmpdir(), "finsam-read-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const statusRow = { date: "2015-04-30", kommunkod: "0114", kommun: "Upplands Väsby", status: "certain" };
const writeJson = (name: string, rows: unknown) => writeFileSync(join(tmp, `${name}.json`), JSON.stringify(rows));

function statusDataset(rows: Record<string, unknown>[]) {
  return defineDataset({
    name: "medlemsstatus-per-datum",
    title: "t",
    description: "d",
    fields: [field("date"), field("kommunkod"), field("kommun"), field("status", { enum: ["certain", "possible", "not", "unknown"] })],
    primaryKey: ["date", "kommunkod"],
    schema: medlemsstatusPerDatumRowSchema,
    rows: rows as never,
    sources: [],
    processing: "p",
  });
}

describe("writer", () => {
  it("writes rows that fit their schema", () => {
    const files = datasetFiles(statusDataset([statusRow]));
    expect(contentText(files.get("medlemsstatus-per-datum.csv"))).toBe("date,kommunkod,kommun,status\n2015-04-30,0114,Upplands Väsby,certain\n");
  });

  it("refuses a row with a value outside the enum, naming dataset, row index, column and value", () => {
    const d = statusDataset([statusRow, { ...statusRow, kommunkod: "0115", status: "member" }]);
    expect(() => datasetFiles(d)).toThrow(/^dataset medlemsstatus-per-datum, row index 1, column "status", value "member": /);
  });

  it("refuses a missing text (written as null), never an empty cell in disguise", () => {
    const d = statusDataset([{ ...statusRow, kommun: undefined }]);
    expect(() => datasetFiles(d)).toThrow(/row index 0, column "kommun", value null/);
  });

  it("refuses fields that disagree with the schema", () => {
    const d = { ...statusDataset([statusRow]), fields: [field("date"), field("kommunkod"), field("kommun")] };
    expect(() => datasetFiles(d)).toThrow(/schema columns date,kommunkod,kommun,status differ from fields date,kommunkod,kommun/);
    const e = { ...statusDataset([statusRow]), fields: [field("date"), field("kommunkod"), field("kommun"), field("status", { enum: ["certain", "possible"] })] };
    expect(() => datasetFiles(e)).toThrow(/column "status": field enum certain\|possible differs from schema enum certain\|possible\|not\|unknown/);
  });
});

describe("readPublished(dir, name)", () => {
  it("returns the typed rows of a valid file", () => {
    writeJson("medlemsstatus-per-datum", [statusRow]);
    const rows = readPublished(tmp, "medlemsstatus-per-datum");
    expect(rows).toEqual([statusRow]);
  });

  it("rejects a row with a wrong enum value, naming file, row index, column and value", () => {
    writeJson("medlemsstatus-per-datum", [statusRow, statusRow, { ...statusRow, status: "yes" }]);
    expect(() => readPublished(tmp, "medlemsstatus-per-datum")).toThrow(/medlemsstatus-per-datum\.json, row index 2, column "status", value "yes": /);
  });

  it("rejects a number written as text, a missing required number, and an unknown column", () => {
    const row = { level: "riket", code: "00", name: "Riket", year: 2022, sex: "T", value: 6421769, status: "derived", note: "" };
    writeJson("befolkning-16-64", [{ ...row, value: "6421769" }]);
    expect(() => readPublished(tmp, "befolkning-16-64")).toThrow(/row index 0, column "value", value "6421769"/);
    writeJson("befolkning-16-64", [{ ...row, year: null }]);
    expect(() => readPublished(tmp, "befolkning-16-64")).toThrow(/row index 0, column "year", value null/);
    writeJson("befolkning-16-64", [{ ...row, extra: 1 }]);
    expect(() => readPublished(tmp, "befolkning-16-64")).toThrow(/row index 0, column "extra", value 1: not a column of this dataset/);
    writeJson("befolkning-16-64", [{ ...row, value: null, status: "not_available", note: "N01954 (16–19 år) saknas" }]);
    expect(readPublished(tmp, "befolkning-16-64")[0]!.value).toBeNull();
  });
});

describe("population 16–64 over the whole kommun span", () => {
  const v = (kpi: string, code: string, year: number, value: number): IndicatorValue => ({ kpi, level: "kommun", code, year, sex: "T", value, status: "published", note: "" });
  const a = [v("N01954", "0114", 2000, 10), v("N01954", "0114", 2001, 11), v("N01954", "0140", 2001, 5)];
  const b = [v("N01955", "0114", 2000, 100), v("N01955", "0114", 2001, 110), v("N01955", "0140", 2001, 50)];

  it("adds a not_available row for a kommun-year neither part covers, naming both parts", () => {
    const rows = population16to64(a, b, ["0114", "0140"]);
    expect(rows.map((r) => [r.code, r.year, r.value, r.status])).toEqual([
      ["0114", 2000, 110, "derived"],
      ["0114", 2001, 121, "derived"],
      ["0140", 2000, null, "not_available"],
      ["0140", 2001, 55, "derived"],
    ]);
    expect(rows[2]!.note).toBe("N01954 (16–19 år) och N01955 (20–64 år) saknas");
  });

  it("names the one missing part where only one is missing", () => {
    const rows = population16to64(a, b.slice(0, 2), ["0114", "0140"]);
    expect(rows.find((r) => r.code === "0140" && r.year === 2001)).toMatchObject({ value: null, status: "not_available", note: "N01955 (20–64 år) saknas" });
  });
});
