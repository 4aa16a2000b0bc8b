/**
 * The writer makes a dataset's CSV and JSON chunk by chunk while the files are
 * written. The text must be exactly what the whole-array way gives:
 * formatCsvChunks and JSON.stringify over publishedRows (the columns in order,
 * an absent property as null). Hand-made rows with awkward values; more rows
 * than one chunk holds.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contentText } from "../../src/pipeline/atomic";
import { formatCsvChunks } from "../../src/pipeline/csv";
import type { Dataset } from "../../src/pipeline/publish/dataset";
import { datasetFiles, publishedRows } from "../../src/pipeline/publish/write";

function dataset(rows: Record<string, unknown>[], columns = ["name", "value", "flag", "note"]): Dataset {
  const shape: Record<string, z.ZodType> = { name: z.string(), value: z.number().nullable(), flag: z.boolean().nullable(), note: z.string().nullable(), "2015": z.number().nullable() };
  return {
    name: "prov",
    title: "t",
    description: "d",
    fields: columns.map((name) => ({ name, type: "string", description: "d" })),
    primaryKey: [columns[0]!],
    schema: z.object(Object.fromEntries(columns.map((c) => [c, shape[c]!]))) as Dataset["schema"],
    rows,
    sources: [],
    processing: "p",
  };
}

const awkward = ["Malmö", 'sa "hej"', "a,b", "rad\nny", "=SUMMA(A1)", "-5", "\u2028", "", "emoji 🙂", "tab\there", "<\/script>"];
const rows = Array.from({ length: 45_123 }, (_, i) => {
  const r: Record<string, unknown> = { extra: "not a column", name: awkward[i % awkward.length]! + i, value: i % 7 === 0 ? null : i % 5 === 0 ? -0 : i / 3 + 1e-9 * i };
  if (i % 3) r.flag = i % 2 === 0;
  r.note = i % 4 === 0 ? undefined : awkward[(i * 7) % awkward.length];
  r["2015"] = i;
  return r;
});
const wholeArray = (d: Dataset) => {
  const published = publishedRows(d);
  return { csv: formatCsvChunks(d.fields.map((f) => f.name), published, 20_000, true).join(""), json: JSON.stringify(published) + "\n" };
};

describe("datasetFiles writes, chunk by chunk, exactly the whole-array text", () => {
  it("CSV and JSON over 45 123 rows with quotes, line breaks, formulas, null, absent and -0", () => {
    const d = dataset(rows);
    const files = datasetFiles(d);
    const expected = wholeArray(d);
    expect(contentText(files.get("prov.csv"))).toBe(expected.csv);
    expect(contentText(files.get("prov.json"))).toBe(expected.json);
    // The chunks are made afresh each time they are read.
    expect(contentText(files.get("prov.json"))).toBe(expected.json);
  });

  it("a column named like an array index (the schema puts it first, as JSON.stringify does) gives the same JSON", () => {
    const d = dataset(rows.slice(0, 50), ["2015", "name", "value"]);
    expect(contentText(datasetFiles(d).get("prov.json"))).toBe(wholeArray(d).json);
  });

  it("no rows: a header line and []", () => {
    const files = datasetFiles(dataset([]));
    expect(contentText(files.get("prov.csv"))).toBe("name,value,flag,note\n");
    expect(contentText(files.get("prov.json"))).toBe("[]\n");
  });

  it("a bad row in a later chunk is named by its index in the whole dataset", () => {
    const bad = rows.map((r, i) => (i === 41_000 ? { ...r, value: "12" } : r));
    expect(() => datasetFiles(dataset(bad))).toThrow(/^dataset prov, row index 41000, column "value", value "12": /);
  });
});
