/** The registry's date grammar in Swedish words (hand-checked expectations). */
import { describe, expect, it } from "vitest";
import { dateInWords, endInWords, endedSentence, foundedSentence, hasEnded, isExactDate } from "../../src/site/foerbund/dates";

describe("dateInWords", () => {
  it("says exact days, months and years as the source gives them", () => {
    expect(dateInWords("2015-01-01")).toBe("1 januari 2015");
    expect(dateInWords("2008-08")).toBe("augusti 2008");
    expect(dateInWords("2005")).toBe("2005");
  });
  it("says bounds as bounds", () => {
    expect(dateInWords("<=2015-04")).toBe("senast april 2015");
    expect(dateInWords(">=2019-12-09")).toBe("tidigast 9 december 2019");
    expect(dateInWords("2010..2015-04")).toBe("mellan 2010 och april 2015");
    expect(dateInWords("2010-08-18..2015-04")).toBe("mellan 18 augusti 2010 och april 2015");
  });
});

describe("endInWords and sentences", () => {
  it("reads an open end '>=X' as 'still there at X', not as an end", () => {
    expect(endInWords(">=2015-04")).toBe("fanns kvar april 2015, slutet okänt");
    expect(hasEnded(">=2015-04")).toBe(false);
    expect(endedSentence(">=2020-12-31")).toBe("Fanns kvar 31 december 2020; vad som hände senare vet registret inte.");
  });
  it("says an empty end is unknown", () => {
    expect(endInWords(null)).toBe("okänt (inget känt efter starten)");
    expect(endedSentence("")).toBe("Inget är känt om förbundet efter att det bildades.");
    expect(hasEnded("")).toBe(false);
  });
  it("says exact and bounded ends with the reason", () => {
    expect(endedSentence("2015-01-01", "merged")).toBe("Upphörde 1 januari 2015 (gick upp i ett nytt förbund).");
    expect(endedSentence("<=2015-04", "merged")).toBe("Upphörde senast april 2015 (gick upp i ett nytt förbund).");
    expect(endedSentence("2015-04..2020-12-31")).toBe("Upphörde mellan april 2015 och 31 december 2020.");
    expect(hasEnded("2022-01-01")).toBe(true);
  });
  it("marks bounded starts", () => {
    expect(foundedSentence("2006-11-27")).toBe("Bildades 27 november 2006.");
    expect(foundedSentence("<=2015-04")).toBe("Bildades senast april 2015 (källorna anger bara en gräns).");
    expect(isExactDate("2005")).toBe(true);
    expect(isExactDate("2009..2015-04")).toBe(false);
  });
});
