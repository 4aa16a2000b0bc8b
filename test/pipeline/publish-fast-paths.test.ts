/**
 * The writer's fast paths must give exactly what the plain ways give:
 * - checkCells (each distinct cell value checked once, no copy per row)
 *   stops on the same row with the same message as checkRows over the
 *   published copies, also deep in a large dataset and in a computed column;
 * - computed columns reach the CSV, the JSON, latest_year and the foreign keys;
 * - csvCell gives the text of the regular-expression version it replaced;
 * - the indicator grid (gaps by numbered slots) gives the rows and order of
 *   the string-keyed version it replaced.
 * Hand-made rows and schemas; nothing here is real data.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { contentText, replaceDirectory } from "../../src/pipeline/atomic";
import { csvCell, formatCsvChunks } from "../../src/pipeline/csv";
import type { IndicatorValue } from "../../src/pipeline/schema";
import { latestYear, publishDatasets } from "../../src/pipeline/publish/datapackage";
import { defineDataset, type Dataset } from "../../src/pipeline/publish/dataset";
import { completeKommunGrid } from "../../src/pipeline/publish/datasets/indicator-values";
import { field } from "../../src/pipeline/publish/fields";
import { checkForeignKeys } from "../../src/pipeline/publish/foreign-keys";
import { checkCells, checkRows, PublishedRowError } from "../../src/pipeline/publish/row-check";
import { cellReaders } from "../../src/pipeline/publish/dataset";
import { datasetFiles, publishedRows } from "../../src/pipeline/publish/write";

const tmp = mkdtempSync(join(tmpdir(), "finsam-fast-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const schema = z.object({
  code: z.string().regex(/^\d{4}$/, "not a kommunkod"),
  name: z.string().min(1),
  year: z.number().int().min(1990).max(2030),
  value: z.number().nullable(),
  status: z.enum(["published", "not_published"]),
});
type Row = z.infer<typeof schema>;
interface Source {
  code: string;
  year: number;
  value: number | null;
  status: "published" | "not_published";
}

/** 60 000 rows: 20 000 distinct values (more than the check remembers), names computed from the code. */
const sources: Source[] = Array.from({ length: 60_000 }, (_, i) => ({ code: String(1000 + (i % 290)), year: 1990 + (i % 33), value: i % 11 === 0 ? null : (i % 20_000) / 7, status: i % 11 === 0 ? "not_published" : "published" }));
const names = new Map(sources.map((s) => [s.code, `Kommun ${s.code}`]));

function computedDataset(rows: readonly Source[], nameOf: (code: string) => string = (c) => names.get(c) ?? ""): Dataset {
  return defineDataset({
    name: "prov",
    title: "t",
    description: "d",
    fields: [field("code"), field("name"), field("year"), field("value"), field("status", { enum: ["published", "not_published"] })],
    primaryKey: ["code", "year"],
    schema,
    rows,
    computed: { name: (r: Source) => nameOf(r.code) },
    sources: [],
    processing: "p",
  });
}

/** The error checkRows gives over the published copies, or null. */
function plainError(d: Dataset): string | null {
  try {
    checkRows(d.schema, publishedRows(d), `dataset ${d.name}`);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
function fastError(d: Dataset): string | null {
  try {
    checkCells(d.schema, d.rows, cellReaders(d), `dataset ${d.name}`);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(PublishedRowError);
    return (e as Error).message;
  }
}

describe("checkCells: the same verdict and message as checkRows over the published rows", () => {
  it("passes a good dataset of 60 000 rows", () => {
    const d = computedDataset(sources);
    expect(fastError(d)).toBeNull();
    expect(plainError(d)).toBeNull();
  });

  it.each([
    ["value", "12" as unknown],
    ["value", Number.NaN],
    ["year", 2031],
    ["year", 2001.5],
    ["code", "114"],
    ["status", "published "],
  ])("a bad %s (%j) at row 50 000 stops with dataset, row index, column and value", (column, bad) => {
    const rows = sources.map((r, i) => (i === 50_000 ? { ...r, [column]: bad } : r));
    const d = computedDataset(rows);
    const message = fastError(d);
    expect(message).toBe(plainError(d));
    expect(message).toMatch(new RegExp(`^dataset prov, row index 50000, column "${column}", value `));
  });

  it("an earlier bad row wins over a later one, whatever their columns", () => {
    const rows = sources.map((r, i) => (i === 40_001 ? { ...r, value: "x" as unknown as number } : i === 40_000 ? { ...r, year: 1 } : r));
    expect(fastError(computedDataset(rows))).toMatch(/^dataset prov, row index 40000, column "year", value 1: /);
  });

  it("a computed column that gives a bad value deep in the dataset is named like any other", () => {
    const d = computedDataset(sources, (code) => (code === "1289" ? "" : `Kommun ${code}`));
    const first = sources.findIndex((s) => s.code === "1289");
    expect(fastError(d)).toBe(plainError(d));
    expect(fastError(d)).toMatch(new RegExp(`^dataset prov, row index ${first}, column "name", value "": `));
  });

  it("does not take a remembered 0 for -0 when the column tells them apart", () => {
    const signed = z.object({ v: z.number().refine((x) => !Object.is(x, -0), "negative zero") });
    const rows = [{ v: 0 }, { v: 0 }, { v: -0 }];
    expect(() => checkCells(signed, rows, [(r) => r.v], "w")).toThrow(/^w, row index 2, column "v", value 0: negative zero/);
  });

  it("re-runs an object-level refinement on every row", () => {
    const refined = z.object({ from: z.number(), to: z.number() }).refine((r) => r.from <= r.to, "from after to") as unknown as Dataset["schema"];
    const rows = Array.from({ length: 30_000 }, (_, i) => ({ from: i, to: i === 25_000 ? 0 : i + 1 }));
    expect(() => checkCells(refined, rows, [(r) => r.from, (r) => r.to], "w")).toThrow(/^w, row index 25000, value \{"from":25000,"to":0\}: from after to/);
  });
});

describe("computed columns", () => {
  const rows = sources.slice(0, 25_000);
  const d = computedDataset(rows);

  it("are written to CSV and JSON exactly as the published copies give them", () => {
    const published = publishedRows(d);
    expect(published[0]).toEqual({ code: "1000", name: "Kommun 1000", year: 1990, value: null, status: "not_published" });
    const files = datasetFiles(d);
    expect(contentText(files.get("prov.csv"))).toBe(formatCsvChunks(["code", "name", "year", "value", "status"], published, 20_000, true).join(""));
    expect(contentText(files.get("prov.json"))).toBe(JSON.stringify(published) + "\n");
  });

  it("are what latest_year and the foreign keys read", () => {
    const years: Array<{ code: string; y: number; v: number | null }> = [{ code: "1000", y: 2001, v: 1 }, { code: "1001", y: 2003, v: null }];
    const byYear: Dataset = { ...computedDataset([]), fields: [field("year"), field("value")], rows: years, computed: { year: (r) => r.y, value: (r) => r.v } };
    expect(latestYear(byYear)).toBe(2001);
    const target = computedDataset(rows);
    const referring: Dataset = { ...computedDataset([]), name: "ref", fields: [field("kommunkod")], rows: [{ k: "1000" }, { k: "9999" }], computed: { kommunkod: (r) => r.k }, foreignKeys: [{ fields: ["kommunkod"], reference: { resource: "prov", fields: ["code"] } }] };
    expect(() => checkForeignKeys([target, referring])).toThrow(/row index 1, value "9999": not found in prov/);
  });

  it("a bad computed value deep in a dataset stops the write and leaves the previous output as it was", () => {
    const out = join(tmp, "public", "data");
    replaceDirectory(out, new Map([["old.csv", "a\n1\n"]]));
    const bad = computedDataset(sources, (code) => (code === "1100" ? "" : `Kommun ${code}`));
    expect(() => replaceDirectory(out, publishDatasets([bad], { version: "t", dataVintage: "t" }))).toThrow(/^dataset prov, row index 100, column "name", value "": /);
    expect(readdirSync(out)).toEqual(["old.csv"]);
    expect(readFileSync(join(out, "old.csv"), "utf8")).toBe("a\n1\n");
  });
});

describe("the files' bytes", () => {
  it("are the UTF-8 that writing the whole text as a string gives, across chunk boundaries and for a lone surrogate", () => {
    const texts = ["Malmö åäö", "emoji 🙂🙂", "lone \ud800 high", "lone \udc00 low", "\u2028", "tab\there", '"q", a'];
    const rows = Array.from({ length: 30_000 }, (_, i) => ({ code: String(1000 + (i % 290)), year: 1990 + (i % 33), value: i / 3, status: "published" as const, text: texts[i % texts.length]! + i }));
    const d = computedDataset(rows, (code) => `${code} ${texts[Number(code) % texts.length]}`);
    const out = join(tmp, "bytes");
    replaceDirectory(out, datasetFiles(d));
    const published = publishedRows(d);
    expect(readFileSync(join(out, "prov.csv")).equals(Buffer.from(formatCsvChunks(["code", "name", "year", "value", "status"], published, 20_000, true).join("")))).toBe(true);
    expect(readFileSync(join(out, "prov.json")).equals(Buffer.from(JSON.stringify(published) + "\n"))).toBe(true);
    expect(readFileSync(join(out, "prov.json")).length).toBeGreaterThan(4 * 64 * 1024);
  });
});

/** The cell formatting this replaced, kept here as the reference. */
function regexCell(value: unknown, forSpreadsheets: boolean): string {
  const cell = (v: unknown) => (v === null || v === undefined ? "" : typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : String(v));
  const safe = (t: string) => (/^[=+\-@\t\r]/.test(t) && !/^-?\d+(\.\d+)?$/.test(t) ? `'${t}` : t);
  const text = forSpreadsheets && typeof value === "string" ? safe(value) : cell(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

describe("csvCell", () => {
  it("gives the regular-expression version's text for awkward and random values", () => {
    const alphabet = ['"', ",", "\n", "\r", "\t", "=", "+", "-", "@", "'", ".", "0", "5", "a", "ö", "🙂", " ", "\u2028"];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values: unknown[] = [null, undefined, 0, -0, -3.5, 1e21, 1e-7, Number.NaN, Infinity, true, false, "", "-5", "-0.5", "-5.", "--5", "=1", "1,5", 'a"b', [1, 2], { a: 1 }];
    for (let i = 0; i < 5000; i++) values.push(Array.from({ length: Math.floor(random() * 6) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(""));
    for (const v of values) for (const forSpreadsheets of [true, false]) expect(csvCell(v, forSpreadsheets), JSON.stringify(v)).toBe(regexCell(v, forSpreadsheets));
  });
});

describe("the indicator grid's order", () => {
  it("orders digit codes as localeCompare does, and other codes by localeCompare", () => {
    const value = (level: IndicatorValue["level"], code: string, year: number, sex: IndicatorValue["sex"]): IndicatorValue => ({ kpi: "N00001", level, code, year, sex, value: 1, status: "published", note: "" });
    const codes = ["0114", "2584", "0180", "1280", "0115", "0999", "1000"];
    const values = [value("riket", "00", 2001, "T"), ...["01", "25", "03", "10"].map((c) => value("lan", c, 2001, "T")), ...codes.flatMap((c) => [2002, 2001].flatMap((y) => (["M", "T", "K"] as const).map((s) => value("kommun", c, y, s))))];
    const reference = (rows: readonly IndicatorValue[]) =>
      [...rows].sort((a, b) => ["riket", "lan", "kommun"].indexOf(a.level) - ["riket", "lan", "kommun"].indexOf(b.level) || a.code.localeCompare(b.code) || a.year - b.year || "TKM".indexOf(a.sex) - "TKM".indexOf(b.sex));
    const grid = completeKommunGrid(values.slice().reverse(), codes);
    expect(grid.map((v) => `${v.level}:${v.code}:${v.year}:${v.sex}`)).toEqual(reference(values).map((v) => `${v.level}:${v.code}:${v.year}:${v.sex}`));
    // Not digits only: localeCompare's order (a < B < c), which < would not give (B < a).
    const mixed = ["a", "B", "c"].map((c) => value("kommun", c, 2001, "T"));
    expect(completeKommunGrid(mixed.slice().reverse(), ["a", "B", "c"]).map((v) => v.code)).toEqual(["a", "B", "c"]);
  });

  it("makes the same gap rows as the string-keyed version, for random holes, län and riket rows and an unlisted kommun", () => {
    const reference = (values: readonly IndicatorValue[], kommunCodes: readonly string[]) => {
      const kommunValues = values.filter((v) => v.level === "kommun");
      const years = kommunValues.map((v) => v.year);
      const sexes = [...new Set(kommunValues.map((v) => v.sex))];
      const have = new Set(kommunValues.map((v) => `${v.code}|${v.year}|${v.sex}`));
      const gaps: Array<Omit<IndicatorValue, "status"> & { status: string }> = [];
      for (let year = Math.min(...years); year <= Math.max(...years); year++)
        for (const code of kommunCodes) for (const sex of sexes) if (!have.has(`${code}|${year}|${sex}`)) gaps.push({ kpi: values[0]!.kpi, level: "kommun", code, year, sex, value: null, status: "not_published", note: "" });
      const order = (l: string) => ["riket", "lan", "kommun"].indexOf(l);
      return [...values, ...gaps].sort((a, b) => order(a.level) - order(b.level) || a.code.localeCompare(b.code) || a.year - b.year || "TKM".indexOf(a.sex) - "TKM".indexOf(b.sex));
    };
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const kommunCodes = ["0114", "0115", "0117", "1280", "2584"];
    for (let round = 0; round < 20; round++) {
      const sexes = round % 3 === 0 ? (["T"] as const) : (["T", "K", "M"] as const);
      const values: IndicatorValue[] = [];
      for (const code of [...kommunCodes, "9999"]) for (let year = 2000; year <= 2010; year++) for (const sex of sexes) if (random() < 0.7) values.push({ kpi: "N00002", level: "kommun", code, year, sex, value: 1, status: "published", note: "" });
      for (const code of ["00", "01", "25"]) for (let year = 1998; year <= 2011; year++) values.push({ kpi: "N00002", level: code === "00" ? "riket" : "lan", code, year, sex: "T", value: 2, status: "published", note: "" });
      const shuffled = values.map((v) => [random(), v] as const).sort((a, b) => a[0] - b[0]).map(([, v]) => v);
      expect(completeKommunGrid(shuffled, kommunCodes)).toEqual(reference(shuffled, kommunCodes));
    }
  });
});
