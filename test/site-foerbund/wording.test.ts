/** Small wording helpers of the förbund pages, and one check that the coverage map agrees with tackning-per-ar. */
import { describe, expect, it } from "vitest";
import { coverageYears } from "../../src/site/data";
import { certaintyNote } from "../../src/site/foerbund/charts";
import { membershipStatusOn } from "../../src/site/foerbund/coverage-map";
import { dateToAxis } from "../../src/site/foerbund/coverage-over-time";
import { shortFoerbundName } from "../../src/site/foerbund/model";
import { figureValueText, measureLabel, nameEndInWords } from "../../src/site/foerbund/page";

describe("wording", () => {
  it("shortens förbund names for narrow labels", () => {
    expect(shortFoerbundName("Samordningsförbundet Göteborg Centrum")).toBe("Göteborg Centrum");
    expect(shortFoerbundName("Sjuhärads samordningsförbund")).toBe("Sjuhärads");
    expect(shortFoerbundName("Finsam Gotland")).toBe("Finsam Gotland");
  });
  it("says figures of the 2015 report with Swedish numbers and units", () => {
    expect(figureValueText({ value: 2500, value_low: null, value_high: null, unit: "persons" })).toBe("2\u00a0500\u00a0personer");
    expect(figureValueText({ value: 30000000, value_low: null, value_high: null, unit: "SEK" })).toBe("30\u00a0000\u00a0000\u00a0kr");
    expect(figureValueText({ value: 12.5, value_low: null, value_high: null, unit: "percent" })).toBe("12,5\u00a0%");
    expect(figureValueText({ value: null, value_low: 40, value_high: 45, unit: "percent" })).toBe("40–45\u00a0%");
    expect(figureValueText({ value: null, value_low: null, value_high: null, unit: "persons" })).toBe("–");
    expect(measureLabel("avslutade_till_studier")).toBe("Avslutade till studier");
  });
  it("says when a name stopped being used", () => {
    expect(nameEndInWords(">=2015-04")).toBe("i bruk åtminstone april 2015");
    expect(nameEndInWords("2015-01-01")).toBe("till 1 januari 2015");
  });
  it("explains bounded years and gaps in a chart note", () => {
    const note = certaintyNote([
      { year: 2010, membership: "bounded", status: "aggregated", missing: [] },
      { year: 2011, membership: "certain", status: "aggregated", missing: [] },
      { year: 2012, membership: "certain", status: "aggregated", missing: [] },
      { year: 2013, membership: "certain", status: "stadsdel_members", missing: [] },
      { year: 2014, membership: null, status: "no_area", missing: [] },
    ]);
    expect(note).toBe(
      "Medlemmarna är belagda 2011–2012. 2013 är medlemmarna stadsdelar; Kolada har bara värden för hela kommuner, så området får inget värde. 2014 hade förbundet inga kända medlemmar.",
    );
  });
  it("places 31 December of a year exactly on the year", () => {
    expect(dateToAxis("2015-12-31")).toBe(2015);
    expect(dateToAxis("2015-04-30")).toBeCloseTo(2014 + 120 / 365, 3);
  });
});

describe("the coverage map on real data", () => {
  it("counts the same certain and possible members as tackning-per-ar", () => {
    for (const year of [2010, 2015, 2018]) {
      const row = coverageYears().find((r) => r.year === year)!;
      const status = [...membershipStatusOn(`${year}-12-31`).values()];
      expect(status.filter((s) => s === "certain").length).toBe(row.member_kommuner_certain);
      expect(status.filter((s) => s !== "not").length).toBe(row.member_kommuner_possible);
      expect(status.filter((s) => s === "unknown").length).toBe(row.member_kommuner_unrecorded);
    }
  });
  it("has every kommun certain or certainly outside in April 2015 (the complete list)", () => {
    const status = [...membershipStatusOn("2015-04-30").values()];
    expect(status.filter((s) => s === "certain").length).toBe(241);
    expect(status.filter((s) => s === "not").length).toBe(49);
  });
});

describe("certaintyNote for missing members", () => {
  it("says 'alla medlemskommuner' when every member lacks a value, and names them otherwise", () => {
    expect(certaintyNote([{ year: 2007, membership: "bounded", status: "incomplete", missing: ["a", "b"], members: 2 }])).toBe("2007 saknas värden för alla medlemskommuner.");
    expect(certaintyNote([{ year: 2011, membership: "certain", status: "incomplete", missing: ["0885"], members: 2 }])).toBe("2011 saknas värde för Borgholm, så området får inget värde.");
  });
});
