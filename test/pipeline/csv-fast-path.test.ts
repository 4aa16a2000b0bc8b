/**
 * parseCsv cuts lines without quotes at their commas and reads the rest
 * character by character. These tests compare it with a plain
 * character-by-character RFC 4180 reader (below, the reader parseCsv used
 * before the fast path) on awkward input, so a divergence fails here.
 */
import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "../../src/pipeline/csv";

/** Reference: every character through one state machine; records with their first line. */
function referenceRecords(text: string): Array<{ line: number; fields: string[] }> | "unclosed" {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === "") inQuotes = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = "";
      line++;
      recordLine = line;
    } else field += ch;
  }
  if (inQuotes) return "unclosed";
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

/** What parseCsv should return or throw for this text, from the reference records. */
function expected(text: string): unknown {
  const records = referenceRecords(text);
  if (records === "unclosed") return "unclosed";
  const columns = records[0]!.fields.map((c) => c.trim());
  const data = records.slice(1).filter((r) => !(r.fields.length === 1 && r.fields[0] === ""));
  const bad = data.find((r) => r.fields.length !== columns.length);
  if (bad) return `row ${bad.line}: expected ${columns.length} fields`;
  if (data.length === 0) return "no data rows";
  return data.map((r) => ({ row: r.line, values: Object.fromEntries(columns.map((c, i) => [c, r.fields[i]])) }));
}

function actual(text: string): unknown {
  try {
    return parseCsv(text, "f.csv").rows;
  } catch (e) {
    const message = (e as Error).message;
    if (message.includes("never closed")) return "unclosed";
    if (message.includes("no data rows")) return "no data rows";
    const m = /row (\d+).*(expected \d+ fields)/.exec(message);
    if (m) return `row ${m[1]}: ${m[2]}`;
    throw e;
  }
}

describe("parseCsv's fast path for lines without quotes", () => {
  it("agrees with the character-by-character reader on hand-picked awkward input", () => {
    const texts = [
      "a,b\n1,2\n3,4\n",
      "a,b\r\n1,2\r\n3,4\r\n",
      "a,b\r\n1,2\n3,4",
      "a,b\n1,2\r3,4\r",
      "a,b\n1,2\r\r\n3,4\n",
      "a,b\n\n1,2\n\n\n3,4\n\n",
      "a,b\r\n\r\n1,2\r\n",
      'a,b\n1,"x, ""y""\nz"\n2,w\n',
      'a,b\n"1\r\n2",x\r\n3,4\r\n',
      'a,b\n1,x"y\n"",""\n',
      'a,b\n"a"b,c\n""x,y\n',
      'a,b\n1,2\n""',
      'a,b\n1,2\n"",',
      'a,b\n1,"open\n2,3\n',
      "a,b\n1,2,3\n",
      "a,b\n1\n",
      "a,b\n,\n,\r\n",
      "a,b\n1,2\r",
      "a,b,c\n1,,\n,,\n",
      'a,b\n1,"\r"\n2,"\n"\n',
    ];
    for (const text of texts) expect(actual(text), JSON.stringify(text)).toEqual(expected(text));
  });

  it("agrees with the character-by-character reader on 2 000 random texts of commas, quotes and line ends", () => {
    // A small fixed-seed generator, so a failure is reproducible.
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ["a", "bc", "0114", "", ",", ",", '"', '""', "\n", "\n", "\r\n", "\r", " ", "ö"];
    for (let n = 0; n < 2000; n++) {
      let text = "x,y\n";
      const length = 1 + Math.floor(random() * 25);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      expect(actual(text), JSON.stringify(text)).toEqual(expected(text));
    }
  });

  it("names the right row for a bad line after 50 000 good ones, and for a long field", () => {
    const good = Array.from({ length: 50_000 }, (_, i) => `${i},x`).join("\n");
    expect(() => parseCsv(`a,b\n${good}\n1,2,3\n`, "f.csv")).toThrow(/f\.csv, row 50002, column "b", value "1,2,3": expected 2 fields as in the header, found 3/);
    expect(() => parseCsv(`a,b\n${good}\n"q\n\n",${"9".repeat(10_001)}\n`, "f.csv")).toThrow(/f\.csv, row 50002, column "b", value "9{77}\.\.\.": a field of 10001 characters/);
    expect(() => parseCsv(`a,b\r\n${good.replace(/\n/g, "\r\n")}\r\n1,"open\r\n2,3\r\n`, "f.csv")).toThrow(/f\.csv, row 50002, column "field 2": a quoted field is never closed/);
  });

  it("gives parseCsvRecords the same rows as parseCsv, as field arrays", () => {
    const text = '\ufeffa,b\r\n1,"x,y"\r\n\r\n2,\r\n';
    const records = parseCsvRecords(text.slice(1), "f.csv");
    expect(records.columns).toEqual(["a", "b"]);
    expect(records.records).toEqual([{ line: 2, fields: ["1", "x,y"] }, { line: 4, fields: ["2", ""] }]);
    expect(parseCsv(text.slice(1), "f.csv").rows).toEqual([{ row: 2, values: { a: "1", b: "x,y" } }, { row: 4, values: { a: "2", b: "" } }]);
  });
});
