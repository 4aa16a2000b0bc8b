import { describe, expect, it } from "vitest";
import { MISSING_LABEL, MISSING_TEXT, formatNumber, formatPeriod, formatTick, formatWithUnit, formatYear, joinSv, valueHtml, yearRanges } from "../../src/site/format";

describe("Swedish number formatting", () => {
  it("uses a decimal comma", () => {
    expect(formatNumber(26.8, 1)).toBe("26,8");
    expect(formatNumber(26.84, 1)).toBe("26,8");
    // Half up on the decimal as printed: binary floating point stores 30.45 as 30.4499…, toFixed gives "30.4".
    expect(formatNumber(30.45, 1)).toBe("30,5");
    expect(formatNumber(1.005, 2)).toBe("1,01");
    expect(formatNumber(-30.45, 1)).toBe("\u221230,5");
    expect(formatNumber(2.5)).toBe("3");
    expect(formatNumber(-0.04, 1)).toBe("0,0");
    expect(formatNumber(3, 1)).toBe("3,0");
  });

  it("separates thousands with a non-breaking space", () => {
    expect(formatNumber(12480)).toBe("12\u00a0480");
    expect(formatNumber(658088)).toBe("658\u00a0088");
    expect(formatNumber(1234567.891, 2)).toBe("1\u00a0234\u00a0567,89");
  });

  it("shows a missing value as a dash, never 0", () => {
    for (const v of [null, undefined, Number.NaN, Infinity]) {
      expect(formatNumber(v, 1)).toBe(MISSING_TEXT);
      expect(formatWithUnit(v, 1, "dagar")).toBe(MISSING_TEXT);
    }
    expect(MISSING_TEXT).toBe("–");
    expect(formatNumber(0, 1)).toBe("0,0");
  });

  it("labels a missing value for screen readers", () => {
    const html = valueHtml(null, 1);
    expect(html).toContain('aria-hidden="true">–<');
    expect(html).toContain(`class="sr-only">${MISSING_LABEL}<`);
    expect(MISSING_LABEL).toBe("saknas");
    expect(valueHtml(26.8, 1)).toBe("26,8");
  });

  it("uses a real minus sign and no sign on a rounded zero", () => {
    expect(formatNumber(-2.5, 1)).toBe("\u22122,5");
    expect(formatNumber(-0.01, 1)).toBe("0,0");
  });

  it("keeps the unit with its number", () => {
    expect(formatWithUnit(35.2, 1, "dagar")).toBe("35,2\u00a0dagar");
    expect(formatWithUnit(4.1, 1, "%")).toBe("4,1\u00a0%");
    expect(formatWithUnit(80, 0, "")).toBe("80");
  });

  it("formats ticks, years and periods", () => {
    expect(formatTick(0.5)).toBe("0,5");
    expect(formatTick(12000)).toBe("12\u00a0000");
    expect(formatYear(2010)).toBe("2010");
    expect(formatPeriod("2015-05")).toBe("maj 2015");
    expect(formatPeriod("2014")).toBe("2014");
    expect(formatPeriod("2010..2013")).toBe("2010–2013");
    expect(formatPeriod("2014-01..2014-10")).toBe("januari 2014–oktober 2014");
  });

  it("joins words and years the Swedish way", () => {
    expect(joinSv(["a", "b", "c"])).toBe("a, b och c");
    expect(yearRanges([2003, 2001, 2002, 2007])).toBe("2001–2003 och 2007");
  });
});
