/** The coverage chart stops the registry's band at the last complete list, so "not known" is not drawn as a falling count. FIXTURE rows. */
import { describe, expect, it } from "vitest";
import { lastCompleteDate } from "../../src/site/charts/coverage";

describe("lastCompleteDate", () => {
  it("is the last day on which the registry's range is one number", () => {
    const rows = [
      { date: "2014-12-31", certain: 41, recorded: 88, unrecorded: null },
      { date: "2015-04-30", certain: 80, recorded: 80, unrecorded: null },
      { date: "2015-12-31", certain: 30, recorded: 86, unrecorded: null },
    ];
    expect(lastCompleteDate(rows)).toBe("2015-04-30");
  });
  it("needs every kommun accounted for, and is null without a complete day", () => {
    expect(lastCompleteDate([{ date: "2015-04-30", certain: 241, recorded: 241, unrecorded: 3 }])).toBeNull();
    expect(lastCompleteDate([])).toBeNull();
  });
});
