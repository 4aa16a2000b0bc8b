import { describe, it, expect } from "vitest";
import { parseDateBound, statusOn, certainInterval, endsBeforeStart } from "../../src/pipeline/registry/dates";

describe("parseDateBound", () => {
  it("parses an exact day", () => {
    expect(parseDateBound("2015-01-01")).toMatchObject({ earliest: "2015-01-01", latest: "2015-01-01", precision: "day", kind: "exact" });
  });
  it("parses a month, including February in a leap year", () => {
    expect(parseDateBound("2015-04")).toMatchObject({ earliest: "2015-04-01", latest: "2015-04-30", precision: "month" });
    expect(parseDateBound("2016-02")).toMatchObject({ earliest: "2016-02-01", latest: "2016-02-29" });
  });
  it("parses a year as the whole year", () => {
    expect(parseDateBound("2005")).toMatchObject({ earliest: "2005-01-01", latest: "2005-12-31", precision: "year" });
  });
  it("parses <=X as open to the past, ending with the last day of X", () => {
    expect(parseDateBound("<=2015-04")).toMatchObject({ earliest: null, latest: "2015-04-30", precision: "bound", kind: "atMost" });
  });
  it("parses >=X as open to the future", () => {
    expect(parseDateBound(">=2020-12-31")).toMatchObject({ earliest: "2020-12-31", latest: null, precision: "bound", kind: "atLeast" });
  });
  it("parses a range X..Y with mixed precisions", () => {
    expect(parseDateBound("2009..2015-04")).toMatchObject({ earliest: "2009-01-01", latest: "2015-04-30", precision: "range", kind: "range" });
  });
  const NOT_A_DATE = "is not a date: expected YYYY-MM-DD, YYYY-MM or YYYY";
  it.each([
    ["", /^empty date$/],
    ["2015-13", /^"2015-13" has no month 13$/],
    ["2015-02-30", /^"2015-02-30" is not a real calendar day$/],
    ["15-01-01", new RegExp(`^"15-01-01" ${NOT_A_DATE}$`)],
    ["2015/01/01", new RegExp(`^"2015/01/01" ${NOT_A_DATE}$`)],
    ["<=", new RegExp(`^"" ${NOT_A_DATE}$`)],
    [">=2015-4", new RegExp(`^"2015-4" ${NOT_A_DATE}$`)],
    ["2016..2015", /^range "2016\.\.2015" ends before it starts$/],
    ["2010..2011..2012", /^"2010\.\.2011\.\.2012" has more than one "\.\."$/],
    ["ca 2015", new RegExp(`^"ca 2015" ${NOT_A_DATE}$`)],
    ["=>2015", new RegExp(`^"=>2015" ${NOT_A_DATE}$`)],
  ])("rejects %j", (s, message) => {
    expect(() => parseDateBound(s)).toThrow(message);
  });
});

describe("interval semantics", () => {
  const d = parseDateBound;
  it("a merger day ends the old spell and starts the new one without overlap", () => {
    expect(statusOn(d("2005"), d("2015-01-01"), "2014-12-31")).toBe("certain");
    expect(statusOn(d("2005"), d("2015-01-01"), "2015-01-01")).toBe("no");
    expect(statusOn(d("2015-01-01"), d(">=2015-04"), "2015-01-01")).toBe("certain");
  });
  it("an April-2015 snapshot is certain through the end of April only", () => {
    expect(statusOn(d("<=2015-04"), d(">=2015-04"), "2015-04-30")).toBe("certain");
    expect(statusOn(d("<=2015-04"), d(">=2015-04"), "2015-05-01")).toBe("possible");
    expect(statusOn(d("<=2015-04"), d(">=2015-04"), "2010-06-30")).toBe("possible");
  });
  it("a month-precision start is certain only from the month's last day", () => {
    expect(statusOn(d("2015-04"), d(">=2015-04"), "2015-04-15")).toBe("possible");
    expect(statusOn(d("2015-04"), d(">=2015-04"), "2015-03-31")).toBe("no");
  });
  it("<=Y as an end never proves activity", () => {
    expect(statusOn(d("2005"), d("<=2015-04"), "2006-01-01")).toBe("possible");
    expect(statusOn(d("2005"), d("<=2015-04"), "2015-04-30")).toBe("no");
  });
  it("a range end is certain through its lower anchor and impossible from its upper one", () => {
    expect(statusOn(d("<=2015-04"), d("2015-04..2020-12-31"), "2015-04-30")).toBe("certain");
    expect(statusOn(d("<=2015-04"), d("2015-04..2020-12-31"), "2018-01-01")).toBe("possible");
    expect(statusOn(d("<=2015-04"), d("2015-04..2020-12-31"), "2020-12-31")).toBe("no");
  });
  it("an unknown end (null) leaves everything after the start merely possible", () => {
    expect(statusOn(d("2022-01-01"), null, "2022-06-01")).toBe("possible");
  });
  it("certainInterval and endsBeforeStart", () => {
    expect(certainInterval(d("2010-01-01"), d(">=2012-12-31"))).toEqual({ from: "2010-01-01", until: "2013-01-01" });
    expect(certainInterval(d(">=2015-05"), d(">=2019-01-01"))).toBeNull();
    expect(endsBeforeStart(d("2010-01-01"), d("2009-12-31"))).toBe(true);
    expect(endsBeforeStart(d("2010-01-01"), d("2010-01-01"))).toBe(true); // zero-length spell
    expect(endsBeforeStart(d("2010"), d("<=2010-06"))).toBe(false);
  });
});
