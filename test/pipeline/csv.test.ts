import { describe, expect, it } from "vitest";
import { decodeUtf8, formatCsv, formatCsvChunks, parseCsv } from "../../src/pipeline/csv";
import { spreadsheetSafe } from "../../src/pipeline/spreadsheet-safe";
import { jsonArrayChunks } from "../../src/pipeline/publish/write";

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks, and numbers rows by line", () => {
    const t = parseCsv('a,b\n1,"x, ""y""\nz"\n2,w\n', "f.csv");
    expect(t.columns).toEqual(["a", "b"]);
    expect(t.rows).toEqual([
      { row: 2, values: { a: "1", b: 'x, "y"\nz' } },
      { row: 4, values: { a: "2", b: "w" } },
    ]);
  });
  it("accepts CRLF line ends and a UTF-8 byte order mark", () => {
    const text = decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("kod,namn\r\n0114,Upplands Väsby\r\n")]), "f.csv");
    expect(parseCsv(text, "f.csv").rows[0]!.values).toEqual({ kod: "0114", namn: "Upplands Väsby" });
  });
  it("rejects a header that names a column twice", () => {
    expect(() => parseCsv("a,a\n1,2\n", "f.csv")).toThrow(/f\.csv, row 1, column "a": the header names this column twice/);
  });
});

describe("formatCsvChunks", () => {
  it("gives the same text as formatCsv, split by rows", () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ code: `000${i}`, value: i / 2 }));
    expect(formatCsvChunks(["code", "value"], rows, 2)).toEqual(["code,value\n", "0000,0\n0001,0.5\n", "0002,1\n0003,1.5\n", "0004,2\n"]);
    expect(formatCsvChunks(["code", "value"], rows, 2).join("")).toBe(formatCsv(["code", "value"], rows));
  });
});

describe("formatCsv", () => {
  it("writes codes as text, missing as empty (never 0), and quotes only where needed", () => {
    expect(formatCsv(["code", "value", "note"], [{ code: "0114", value: null, note: 'a "b", c' }, { code: "01", value: 26.8, note: "" }])).toBe(
      'code,value,note\n0114,,"a ""b"", c"\n01,26.8,\n',
    );
  });
});

describe("jsonArrayChunks", () => {
  it("is exactly JSON.stringify(rows) + newline, in chunks", () => {
    const rows = [{ a: "0114", v: null }, { a: "01", v: 26.8 }, { a: "00", v: 1 }];
    expect(jsonArrayChunks(rows, 2).join("")).toBe(JSON.stringify(rows) + "\n");
    expect(jsonArrayChunks(rows, 2)).toHaveLength(3);
    expect(jsonArrayChunks([], 2).join("")).toBe("[]\n");
  });
});

describe("CSV for spreadsheets (OWASP CSV injection)", () => {
  it("puts an apostrophe before a text cell a spreadsheet would run as a formula", () => {
    for (const text of ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-x", "- 24 000", "@SUM(A1)", "\tx", "\rx", "= 433 + 58 in table B2-13", "-"])
      expect(spreadsheetSafe(text), JSON.stringify(text)).toBe(`'${text}`);
  });
  it("leaves numbers, numbers written as text and ordinary text alone", () => {
    for (const text of ["-5", "-0.5", "12", "Älvsbyn", "", "0114", "a=b"]) expect(spreadsheetSafe(text)).toBe(text);
    const csv = formatCsvChunks(["name", "value"], [{ name: "=HYPERLINK(\"http://x\")", value: -3.5 }], undefined, true).join("");
    expect(csv).toBe("name,value\n\"'=HYPERLINK(\"\"http://x\"\")\",-3.5\n");
    // The snapshot keeps the source's text exactly.
    expect(formatCsv(["name"], [{ name: "=1+1" }])).toBe("name\n=1+1\n");
  });
  it("refuses JSON given as CSV and a field of megabytes, naming file, row and column", () => {
    expect(() => parseCsv('[{"a":1}]', "f.csv", ["a"])).toThrow(/f\.csv, row 1, column "a": this is JSON, not CSV/);
    expect(() => parseCsv(`a,b\n1,${"9".repeat(20_000)}\n`, "f.csv")).toThrow(/f\.csv, row 2, column "b", value "9{77}\.\.\.": a field of 20000 characters/);
  });
});
