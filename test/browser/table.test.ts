/** The helpers that compare a chart's CSV with its table (no browser needed). */
import { describe, expect, it } from "vitest";
import { compareCsvToTable, parseCsvText, parseSwedishNumber, periodKey, type ReadTable } from "./table";

const cell = (text: string) => ({ text, ...parseSwedishNumber(text) });
const tableOf = (columns: string[], rows: Array<[string, ...string[]]>): ReadTable => ({
  columns,
  rows: rows.map(([period, ...cells]) => {
    const c = cells.map(cell);
    return { period, cells: c, values: c.map((x) => x.value) };
  }),
});

describe("reading Swedish numbers", () => {
  it("reads decimal comma, non-breaking thousands, a real minus, units, qualifiers and missing values", () => {
    expect(parseSwedishNumber("26,8")).toEqual({ value: 26.8, decimals: 1 });
    expect(parseSwedishNumber("12\u00a0480")).toEqual({ value: 12480, decimals: 0 });
    expect(parseSwedishNumber("\u22121,5")).toEqual({ value: -1.5, decimals: 1 });
    expect(parseSwedishNumber("4,1\u00a0%").value).toBe(4.1);
    expect(parseSwedishNumber("ca 70").value).toBe(70);
    expect(parseSwedishNumber("–saknas").value).toBeNull();
    expect(parseSwedishNumber("Riksdagen (2015), tabell 1").value).toBeNaN();
  });

  it("turns table period labels into the CSV's keys", () => {
    expect(periodKey("2015")).toBe("2015");
    expect(periodKey("maj 2015")).toBe("2015-05");
    expect(periodKey("31 december 2004")).toBe("2004-12-31");
  });
});

describe("CSV against table", () => {
  const csv = parseCsvText('period,Stockholm,Riket\n2001,33.24,40.7\n2002,,43\n');
  it("agrees when the table shows the CSV's values rounded", () => {
    expect(compareCsvToTable(csv, tableOf(["Stockholm", "Riket"], [["2001", "33,2", "40,7"], ["2002", "–saknas", "43,0"]]))).toEqual([]);
  });
  it("finds a wrong value, a zero for a missing value, and a missing row", () => {
    expect(compareCsvToTable(csv, tableOf(["Stockholm", "Riket"], [["2001", "33,3", "40,7"], ["2002", "–saknas", "43,0"]]))).toHaveLength(1);
    expect(compareCsvToTable(csv, tableOf(["Stockholm", "Riket"], [["2001", "33,2", "40,7"], ["2002", "0,0", "43,0"]]))).toHaveLength(1);
    expect(compareCsvToTable(csv, tableOf(["Stockholm", "Riket"], [["2001", "33,2", "40,7"]])).join()).toContain("rows");
  });
  it("accepts machine column names and extra CSV columns when the values agree", () => {
    const c = parseCsvText("date,registry_certain,published,published_source\n2008-12-31,22,72,Riksdagen\n");
    expect(compareCsvToTable(c, tableOf(["Publicerat", "Registret, belagt", "Källa"], [["31 december 2008", "72", "22", "Riksdagen"]]))).toEqual([]);
  });
});
