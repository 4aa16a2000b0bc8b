/**
 * Freshness, from the published data: each dataset states its latest year
 * with a value and when its sources were retrieved; charts say both; a year
 * page without indicator values says so at the top.
 */
import { describe, expect, it } from "vitest";
import { latestYear } from "../../src/pipeline/publish/datapackage";
import { field } from "../../src/pipeline/publish/fields";
import { datapackage, resource } from "../../src/site/data";
import { freshnessText, sourcesOf } from "../../src/site/sources";
import { yearPage } from "../../src/site/years";
import { pageYears } from "../../src/site/national";
import { sourceText } from "../../src/site/charts/standalone";
import { compareDefaultChart } from "../../src/site/charts/catalog";

describe("latest year of a dataset", () => {
  it("is the largest year in a row with a value; period spans and dates count by their years", () => {
    const fields = [field("year"), field("value")];
    expect(latestYear({ fields, rows: [{ year: 2021, value: 1 }, { year: 2023, value: null }, { year: 2022, value: 0 }] })).toBe(2022);
    expect(latestYear({ fields: [field("period")], rows: [{ period: "2010..2013" }, { period: "2012-05" }] })).toBe(2013);
    expect(latestYear({ fields: [field("kommunkod")], rows: [{ kommunkod: "2023" }] })).toBeNull();
  });
});

describe("freshness in the published data and on the site", () => {
  it("datapackage.json gives every tabular dataset latest_year, and Kolada sources their retrieval date", () => {
    const tabular = datapackage().resources.filter((r) => r.format === "csv");
    expect(tabular.every((r) => r.latest_year === null || Number.isInteger(r.latest_year))).toBe(true);
    expect(resource("ohalsotal").latest_year).toBeGreaterThanOrEqual(2022);
    // The Kolada archive (API v2), retrieved 2024-08-31; API v3 adds its own date when data/snapshot/kolada-live/ is read.
    expect(resource("ohalsotal").sources[0]!.retrieved).toBe("2024-08-31");
    expect(resource("forbund-indikatorer").sources.some((s) => s.retrieved === "2024-08-31")).toBe(true);
  });

  it("a chart's source line says the latest year and when the source was retrieved", () => {
    expect(freshnessText(["ohalsotal"], sourcesOf(["ohalsotal"]))).toMatch(new RegExp(`^Senaste år i data: ${resource("ohalsotal").latest_year}\\. Hämtat: 31 augusti 2024( och .+)?\\.$`));
    expect(sourceText(compareDefaultChart())).toMatch(/Senaste år i data: \d{4}\. Hämtat: .*2024\.$/);
  });

  it("a year page without indicator values says so plainly; a year with values does not", () => {
    // Today's data ends in 2022 and the registry in 2024; after a refresh the years move, the rule stays.
    const latest = resource("ohalsotal").latest_year!;
    const after = pageYears().filter((y) => y > latest);
    if (latest === 2022) expect(after).toEqual([2023, 2024]);
    for (const year of after)
      expect(yearPage(year).noValuesNote).toMatch(new RegExp(`^Kolada har ännu inga värden för ${year} i den här versionen; de senaste är från ${latest}\\. .*hämtades .*\\d{4}\\.`));
    expect(yearPage(latest).noValuesNote).toBeNull();
  });
});
