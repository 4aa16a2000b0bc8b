/**
 * /historia/'s model and drawing on small FIXTURE rows (the published shapes,
 * made up for the test): a changed published value changes what the page
 * shows; dates stay at their precision; no trial area gets a förbund link.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

const fixture: Record<string, unknown[]> = {};
vi.mock("../../src/site/data", () => ({
  historyRows: (name: string) => fixture[name] ?? [],
  printedTable: () => fixture.t1 ?? [],
  kommuner: () => [
    { kommunkod: "0114", name: "Fixturby", lanskod: "01" },
    { kommunkod: "0115", name: "Fixturstad", lanskod: "01" },
  ],
}));

const { dateInWords, financialResults, historyEvents, shareText, trialKommuner } = await import("../../src/site/history/model");
const { eventSpan, timeline } = await import("../../src/site/charts/history");

const t1 = (area: string, ram: number, result: number, share: number) => [
  { table: "SOCSAM-T1", table_title: "Fixtur", period: "1998", measure: "Finansiell ram", breakdown: area, value: ram, unit: "TSEK", value_printed: String(ram), source_line: 291, note: "" },
  { table: "SOCSAM-T1", table_title: "Fixtur", period: "1998", measure: "Finansiellt resultat", breakdown: area, value: result, unit: "TSEK", value_printed: String(result), source_line: 291, note: "" },
  { table: "SOCSAM-T1", table_title: "Fixtur", period: "1998", measure: "Resultat som andel av ramen", breakdown: area, value: share, unit: "percent", value_printed: String(share), source_line: 291, note: "" },
];
const prose = (value: number) => ({ area: "Fixturområde", period_printed: "1997", period_start: "1997", period_end: "1997-12-31", value, unit: "procent av ramen", result_type: "underskott", qualifier: "cirka", quote: "cirka en procent (fixtur)", seed: "000", source_lines: "327" });

beforeEach(() => {
  fixture.t1 = t1("Fixturområde", 1000, -10, -1.0);
  fixture["socsam-resultat-text"] = [prose(-1)];
  fixture["socsam-tidslinje"] = [
    { date: "1997", precision: "year", precision_printed: "", scheme: "SOCSAM", area: "Fixturområde", event: "Fixturstart", seed: "000", source_lines: "327" },
    { date: "1994-07", precision: "month", precision_printed: "halvårsskiftet", scheme: "SOCSAM", area: "Fixtur", event: "Fixturhalvår", seed: "000;004", source_lines: "309;224" },
    { date: "1999-09", precision: "season", precision_printed: "hösten 1999", scheme: "SOCSAM", area: "Fixtur", event: "Fixturhöst", seed: "000", source_lines: "169" },
    { date: "2000-12-31", precision: "day", precision_printed: "", scheme: "FINSAM", area: "Fixtur", event: "Fixturslut", seed: "001", source_lines: "48" },
  ];
  fixture["finsam-omraden-1993-1997"] = [{ lan_printed: "Fixturlän", kommun_printed: "Fixturby", kommunkod: "0114", note: "", seed: "004", source_lines: "224" }];
  fixture["socsam-omraden"] = [
    { area: "Fixturby", area_type: "kommun", kommunkod: "0114", later_foerbund_printed: "not stated" },
    { area: "Fixturdel", area_type: "stadsdel (Fixturstad)", kommunkod: "0115", later_foerbund_printed: "not stated; a title names a förbund" },
  ];
});

describe("history model", () => {
  it("shows the 1998 table and the 1997 prose, and follows a changed published value", () => {
    const [row] = financialResults();
    expect(row).toMatchObject({ area: "Fixturområde", ram: 1000, result: -10, sharePrinted: "-1" });
    expect(row!.prose1997).toBe("cirka −1\u00a0% (1997)");
    fixture.t1 = t1("Fixturområde", 1200, -30, -2.5);
    fixture["socsam-resultat-text"] = [prose(-2)];
    const [changed] = financialResults();
    expect(changed).toMatchObject({ ram: 1200, result: -30, sharePrinted: "-2.5" });
    expect(changed!.prose1997).toBe("cirka −2\u00a0% (1997)");
  });
  it("writes each date no sharper than its source", () => {
    expect(historyEvents().map((e) => e.when)).toEqual(["juli 1994 (halvårsskiftet)", "1997", "hösten 1999", "31 december 2000"]);
    expect(dateInWords("1999-01-01", "day", "year start")).toBe("1 januari 1999 (vid årets början)");
  });
  it("draws a year as a band over the whole year and a day as a point", () => {
    expect(eventSpan("1997", "year")).toEqual([1997, 1998]);
    const [from, to] = eventSpan("1997-07-01", "day");
    expect(from).toBe(to);
    const t = timeline(historyEvents());
    expect(t.marks.map((m) => m.kind)).toEqual(["span", "year", "span", "day"]);
    const year = t.marks[1]!;
    expect(year.h).toBeCloseTo(t.years[1]!.y - t.years[0]!.y, 0);
  });
  it("marks a kommun with both trials, a partial area as partial, and links no area to a förbund", () => {
    const trials = trialKommuner();
    expect(trials.map((t) => [t.kommunkod, t.status])).toEqual([["0114", "both"], ["0115", "socsam-part"]]);
    expect(trials.every((t) => t.laterFoerbund === null)).toBe(true);
  });
  it("words a survey share as the report did", () => {
    expect(shareText(33, null, "drygt en tredjedel")).toBe("drygt en tredjedel (≈\u00a033\u00a0%)");
    expect(shareText(30, null, "cirka")).toBe("cirka 30\u00a0%");
    expect(shareText(28, 38, "mellan 38 och 28")).toBe("28–38\u00a0%");
    expect(shareText(null, null, "en majoritet (>50)")).toBe("en majoritet (inget tal anges)");
  });
});
