/**
 * The project's own xlsx reader (src/pipeline/import/xlsx/), on small
 * workbooks built in test code from the documented Office Open XML layout
 * (test/import/xlsx-writer.ts) — constructed, not real files.
 */
import { describe, expect, it } from "vitest";
import { columnLetters, readXlsx, sheetTable } from "../../src/pipeline/import/xlsx/read";
import { decodeXmlText } from "../../src/pipeline/import/xlsx/xml";
import { readZip } from "../../src/pipeline/import/xlsx/zip";
import { xlsx, zip } from "./xlsx-writer";

const FILE = "fixture.xlsx";

describe("zip", () => {
  it("reads stored and deflated members and checks their CRC-32", () => {
    for (const store of [false, true]) {
      const m = readZip(zip([["a.txt", "hej å ä ö"], ["b/c.xml", "<x/>".repeat(100)]], store), FILE);
      expect(m.get("a.txt")!.read().toString("utf8")).toBe("hej å ä ö");
      expect(m.get("b/c.xml")!.read().length).toBe(400);
    }
  });

  it("fails on a truncated file and on a damaged member, naming the file and member", () => {
    const bytes = zip([["a.txt", "x".repeat(1000)]], true);
    expect(() => readZip(bytes.subarray(0, bytes.length - 30), FILE)).toThrow(/^fixture\.xlsx: not a zip archive \(no end-of-central-directory record\)/);
    const damaged = Buffer.from(bytes);
    damaged[40] = "y".charCodeAt(0); // inside a.txt's stored bytes
    expect(() => readZip(damaged, FILE).get("a.txt")!.read()).toThrow(/^fixture\.xlsx, column "a\.txt": CRC-32 does not match/);
  });
});

describe("xlsx", () => {
  const rows = [["Titel"], [], ["År", "Kommun", "Värde"], [2024, "0114 Upplands Väsby", 21.5], [2024, "Riket", 0.25]];

  it("reads shared strings, inline strings and numbers, sheet by sheet in workbook order", () => {
    for (const inlineStrings of [false, true]) {
      const sheets = readXlsx(xlsx([{ name: "Blad 1", rows }, { name: "Blad 2", rows: [["År"], [2023]] }], { inlineStrings }), FILE);
      expect(sheets.map((s) => s.name)).toEqual(["Blad 1", "Blad 2"]);
      const t = sheetTable(sheets[0]!, FILE, ["År", "Kommun", "Värde"]);
      expect(t.header).toBe(3);
      const read = [...t.rows];
      expect(read.map((r) => [r.row, r.get("År"), r.get("Kommun"), r.get("Värde")])).toEqual([
        [4, 2024, "0114 Upplands Väsby", 21.5],
        [5, 2024, "Riket", 0.25],
      ]);
      expect(read[0]!.at("Värde")).toBe("C4 (Värde)");
    }
  });

  it("fails naming the column when a header is missing or renamed", () => {
    const renamed = readXlsx(xlsx([{ name: "Data", rows: [["År", "Kommunnamn", "Värde"]] }]), FILE);
    expect(() => sheetTable(renamed[0]!, FILE, ["År", "Kommun", "Värde"])).toThrow(
      'fixture.xlsx, sheet "Data", row 1, column "Kommun": column not found in the header (it has: År, Kommunnamn, Värde); renamed by the publisher?',
    );
    expect(() => sheetTable(renamed[0]!, FILE, ["Månad", "År"])).toThrow(/sheet "Data", column "Månad": no header row with "Månad" in the first 10 rows/);
  });

  it("fails naming file, sheet and cell on a cell type it does not understand", () => {
    const good = xlsx([{ name: "Data", rows: [["År"], [2024]] }], { inlineStrings: true });
    const members = readZip(good, FILE);
    const sheet = members.get("xl/worksheets/sheet1.xml")!.read().toString("utf8").replace('<c r="A2"><v>2024</v></c>', '<c r="A2" t="b"><v>1</v></c>');
    const bad = zip([...members].map(([n, b]) => [n, n === "xl/worksheets/sheet1.xml" ? sheet : b.read()] as const));
    expect(() => [...readXlsx(bad, FILE)[0]!.rows()]).toThrow('fixture.xlsx, sheet "Data", row 2, column "cell A2", value "b": cell type t="b" is not one this reader understands (s, inlineStr, str, n)');
    const err = zip([...members].map(([n, b]) => [n, n === "xl/worksheets/sheet1.xml" ? sheet.replace('t="b"', 't="e"').replace("<v>1</v>", "<v>#N/A</v>") : b.read()] as const));
    expect(() => [...readXlsx(err, FILE)[0]!.rows()]).toThrow(/row 2, column "cell A2", value "#N\/A": an error cell/);
  });

  it("fails when a sheet ends inside a row (a cut part)", () => {
    const members = readZip(xlsx([{ name: "Data", rows: [["År"], [2024]] }]), FILE);
    const cut = zip([...members].map(([n, e]) => [n, n === "xl/worksheets/sheet1.xml" ? e.read().toString("utf8").replace(/<\/row><\/sheetData>.*$/s, "") : e.read()] as const));
    expect(() => [...readXlsx(cut, FILE)[0]!.rows()]).toThrow('fixture.xlsx, sheet "Data", row 2: the sheet ends inside a row: truncated?');
  });

  it("fails when a required part is missing", () => {
    expect(() => readXlsx(zip([["hello.txt", "hej"]]), FILE)).toThrow('fixture.xlsx, column "xl/_rels/workbook.xml.rels": an xlsx file must contain this part; not a spreadsheet?');
  });

  it("decodes XML entities and rejects unknown ones", () => {
    expect(decodeXmlText("a &amp; b &lt;c&gt; &#229;&#xE4;")).toBe("a & b <c> åä");
    expect(() => decodeXmlText("&nbsp;")).toThrow(/unknown XML entity &nbsp;/);
  });

  it("names columns as the spreadsheet does", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("xlsx as other writers store it", () => {
  it("reads styled empty cells, formulas with cached values, t=str, rich text with phonetic hints, cells without r, and prefixed tags", () => {
    const base = readZip(xlsx([{ name: "Data", rows: [["x"]] }]), FILE);
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:D2"/><x:sheetData>
<x:row r="1" spans="1:4"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" s="3"/><x:c r="C1"><x:f>1+2</x:f><x:v>3</x:v></x:c><x:c r="D1" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c></x:row>
<x:row><x:c t="inlineStr"><x:is><x:t xml:space="preserve"> Riket </x:t></x:is></x:c><x:c><x:v>1.5E1</x:v></x:c></x:row>
</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:B1"/></x:mergeCells></x:worksheet>`;
    const shared = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><rPr><b/></rPr><t>Ohälso</t></r><r><t>talet</t></r><rPh sb="0" eb="1"><t>IGNORE</t></rPh></si></sst>`;
    const bytes = zip([...base].map(([n, e]) => [n, n === "xl/worksheets/sheet1.xml" ? sheet : n === "xl/sharedStrings.xml" ? shared : e.read()] as const));
    const rows = [...readXlsx(bytes, FILE)[0]!.rows()].map((r) => [r.row, Object.fromEntries(r.cells)]);
    expect(rows).toEqual([
      [1, { 0: "Ohälsotalet", 2: 3, 3: "ab" }],
      [2, { 0: " Riket ", 1: 15 }],
    ]);
  });
});
