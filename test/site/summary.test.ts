import { describe, expect, it } from "vitest";
import { gapYears, summarizeChart } from "../../src/site/charts/summary";
import type { ChartSpec } from "../../src/site/charts/spec";

const pts = (start: number, values: Array<number | null>) => values.map((value, i) => ({ year: start + i, value }));

function spec(series: ChartSpec["series"], extra: Partial<ChartSpec> = {}): ChartSpec {
  return {
    id: "test",
    title: "Ohälsotal i X",
    measure: { name: "Ohälsotal", unit: "dagar per invånare 16–64 år", shortUnit: "dagar", decimals: 1 },
    series,
    datasets: ["ohalsotal"],
    lead: "Ohälsotalet i X",
    ...extra,
  };
}

describe("chart text summary", () => {
  it("describes the focus series from first to last value, and the comparisons", () => {
    const s = summarizeChart(
      spec([
        { key: "k", name: "X", role: "focus", points: pts(2005, [35.2, 30, 22.1]) },
        { key: "r", name: "Riket", role: "reference", points: pts(2005, [40.7, 30, 24]) },
      ]),
    );
    expect(s).toBe("Ohälsotalet i X sjönk från 35,2\u00a0dagar år 2005 till 22,1\u00a0dagar år 2007. Riket: från 40,7 till 24,0\u00a0dagar.");
  });

  it("says when a value rose, stayed the same, or is missing", () => {
    expect(summarizeChart(spec([{ key: "k", name: "X", role: "focus", points: pts(2010, [1, 2]) }]))).toContain("steg från 1,0");
    expect(summarizeChart(spec([{ key: "k", name: "X", role: "focus", points: pts(2010, [2.01, 2.04]) }]))).toContain("var 2,0\u00a0dagar både år 2010 och år 2011");
    expect(summarizeChart(spec([{ key: "k", name: "X", role: "focus", points: pts(2010, [null, null]) }]))).toBe("Ohälsotalet i X: uppgift saknas för alla år.");
  });

  it("skips leading gaps and names gaps inside the series", () => {
    const s = summarizeChart(spec([{ key: "k", name: "X", role: "focus", points: pts(2001, [null, null, 31.8, null, 30, 15]) }]));
    expect(s).toContain("från 31,8\u00a0dagar år 2003 till 15,0\u00a0dagar år 2006");
    expect(s).toContain("För X saknas värde 2004.");
    expect(gapYears(pts(2001, [null, 1, null, null, 2, null]))).toEqual([2003, 2004]);
  });

  it("gives years for a comparison that spans other years, and months as months", () => {
    const s = summarizeChart(
      spec(
        [
          { key: "f", name: "Förbund", role: "focus", points: [{ year: 2008, value: 72 }, { year: 2015.33, value: 80, period: "2015-05" }] },
          { key: "k", name: "Kommuner", role: "compare", points: pts(2009, [172, 240]) },
        ],
        { measure: { name: "Antal", unit: "antal", shortUnit: "", decimals: 0 }, lead: "Antalet samordningsförbund" },
      ),
    );
    expect(s).toBe("Antalet samordningsförbund steg från 72 år 2008 till 80 i maj 2015. Kommuner: från 172 år 2009 till 240 år 2010.");
  });

  it("never reads a missing value as zero", () => {
    const s = summarizeChart(spec([{ key: "k", name: "X", role: "focus", points: pts(2001, [5, null, 6]) }]));
    expect(s).not.toMatch(/\b0,0\b/);
  });
});
