import { describe, expect, it } from "vitest";
import { COMPARE_DEFAULT, areaGroup, areaIn, compareQuery, compareSpec, knownAreas, parseCompareQuery, type CompareSeriesFile } from "../../src/site/charts/compare";
import { summarizeChart } from "../../src/site/charts/summary";
import { normalize, searchEntries } from "../../src/site/search";

describe("compare view in the URL", () => {
  const valid = ["ohalsotal", "arbetsloshet"];
  it("writes nothing for the default view", () => {
    expect(compareQuery(COMPARE_DEFAULT)).toBe("");
  });
  it("writes only what differs from the default", () => {
    expect(compareQuery({ ...COMPARE_DEFAULT, indicators: ["arbetsloshet"] })).toBe("?indikator=arbetsloshet");
    expect(compareQuery({ indicators: ["ohalsotal"], areas: ["0180", "1480"] })).toBe("?omraden=0180,1480");
  });
  it("writes several indicators as one comma list, in order", () => {
    expect(compareQuery({ indicators: ["ohalsotal", "arbetsloshet"], areas: COMPARE_DEFAULT.areas })).toBe("?indikator=ohalsotal,arbetsloshet");
    expect(parseCompareQuery("?indikator=arbetsloshet,ohalsotal,arbetsloshet", valid).state.indicators).toEqual(["arbetsloshet", "ohalsotal"]);
  });
  it("reads back what it wrote, and names what it cannot use", () => {
    expect(parseCompareQuery("?indikator=arbetsloshet&omraden=0180,1480", valid)).toEqual({ state: { indicators: ["arbetsloshet"], areas: ["0180", "1480"] }, rejected: [] });
    expect(parseCompareQuery("?indikator=nope&omraden=X!,123,-a,a--b,12", valid)).toEqual({ state: { indicators: ["ohalsotal"], areas: ["12"] }, rejected: ["nope", "X!", "123", "-a", "a--b"] });
    expect(parseCompareQuery("", valid)).toEqual({ state: COMPARE_DEFAULT, rejected: [] });
  });
  it("keeps an empty selection empty (the reader removed every area), and an absent one is the default", () => {
    expect(parseCompareQuery("?omraden=", valid).state.areas).toEqual([]);
    expect(compareQuery({ indicators: ["ohalsotal"], areas: [] })).toBe("?omraden=");
    expect(parseCompareQuery("?indikator=arbetsloshet", valid).state.areas).toEqual(COMPARE_DEFAULT.areas);
  });
});

describe("förbund in the compare view", () => {
  const valid = ["ohalsotal"];
  it("reads förbund ids (lowercase slugs) beside numeric codes, and writes them back unchanged", () => {
    const { state } = parseCompareQuery("?omraden=goteborg-hisingen-delta,1480,00", valid);
    expect(state.areas).toEqual(["goteborg-hisingen-delta", "1480", "00"]);
    expect(compareQuery(state)).toBe("?omraden=goteborg-hisingen-delta,1480,00");
  });
  it("groups codes as the selection list does", () => {
    expect(["00", "14", "1480", "goteborg-hisingen-delta", "finsam-2x"].map(areaGroup)).toEqual(["riket", "lan", "kommun", "forbund", "forbund"]);
  });
  it("never takes a number of another length for a förbund", () => {
    expect(parseCompareQuery("?omraden=123,12345", valid)).toEqual({ state: { indicators: ["ohalsotal"], areas: [] }, rejected: ["123", "12345"] });
  });
});

// A series file in the shape /jamfor/serier/<indicator>.json has (catalog.ts compareSeriesFile); values made up for the test.
const FILE: CompareSeriesFile = {
  indicator: { slug: "ohalsotal", name: "Ohälsotal", unit: "dagar per invånare 16–64 år", shortUnit: "dagar", decimals: 1, subject: "ohälsotalet", dataset: "ohalsotal" },
  areas: {
    "00": { name: "Riket", values: [[2004, 40], [2005, 39], [2006, 38]] },
    "finsam-test": { name: "Finsam Test", values: [[2004, 41], [2005, 40], [2006, 37]], bounded: [2004, 2005] },
  },
};

describe("areas a URL names that the series file does not have", () => {
  it("are unknown, including keys every object inherits", () => {
    expect(knownAreas(FILE, ["xyz", "constructor", "__proto__", "toString", "00"])).toEqual({ known: ["00"], unknown: ["xyz", "constructor", "__proto__", "toString"] });
    expect(areaIn(FILE, "constructor")).toBeUndefined();
    // "constructor" is a well-formed förbund id, so the URL parser keeps it for the file to reject.
    expect(parseCompareQuery("?omraden=constructor", ["ohalsotal"]).state.areas).toEqual(["constructor"]);
  });
  it("never reach the chart", () => {
    expect(compareSpec(FILE, ["constructor", "finsam-test", "00"]).series.map((s) => s.key)).toEqual(["finsam-test", "00"]);
  });
});

describe("bounded förbund years in the compare chart", () => {
  it("are marked on the points and said in the summary", () => {
    const spec = compareSpec(FILE, ["finsam-test", "00"]);
    expect(spec.series[0]!.points.map((p) => Boolean(p.bounded))).toEqual([true, true, false]);
    expect(spec.series[1]!.points.some((p) => p.bounded)).toBe(false);
    expect(summarizeChart(spec)).toContain("Finsam Test 2004–2005: området vilar på datumgränser");
  });
});

describe("search", () => {
  const entries = [
    { name: "Göteborg", type: "kommun", context: "Västra Götalands län", url: "/kommun/1480/" },
    { name: "Östra Göinge", type: "kommun", context: "Skåne län", url: "/kommun/1256/" },
    { name: "Götene", type: "kommun", context: "Västra Götalands län", url: "/kommun/1471/" },
    { name: "Gotland", type: "kommun", context: "Gotlands län", url: "/kommun/0980/" },
  ];
  it("ignores case and accents", () => {
    expect(normalize("Göteborg")).toBe("goteborg");
    expect(searchEntries(entries, "goteb").map((e) => e.name)).toEqual(["Göteborg"]);
  });
  it("lists names that start with the query first", () => {
    expect(searchEntries(entries, "gö").map((e) => e.name)).toEqual(["Göteborg", "Götene", "Östra Göinge"]);
  });
  it("finds a kommun by its code", () => {
    const withCodes = entries.map((e) => ({ ...e, code: e.url.slice(8, 12) }));
    expect(searchEntries(withCodes, "1480").map((e) => e.name)).toEqual(["Göteborg"]);
    expect(searchEntries(withCodes, "14").map((e) => e.name)).toEqual(["Göteborg", "Götene"]);
  });
  it("puts the exact name first: Gotland before Östergötland, and a word start before a substring", () => {
    const more = [
      { name: "Samordningsförbundet Centrala Östergötland", type: "förbund", context: "Östergötlands län", url: "/forbund/centrala-ostergotland/" },
      { name: "Samordningsförbundet Finsam Gotland", type: "förbund", context: "Gotlands län", url: "/forbund/finsam-gotland/" },
      ...entries,
    ];
    expect(searchEntries(more, "Gotland").map((e) => e.name)).toEqual(["Gotland", "Samordningsförbundet Finsam Gotland", "Samordningsförbundet Centrala Östergötland"]);
  });
  it("finds a förbund by a former name, under its current name", () => {
    const delta = { name: "Samordningsförbundet Delta", type: "förbund", context: "Västra Götalands län", url: "/forbund/delta/", aliases: ["Hisingens samordningsförbund"] };
    const hits = searchEntries([...entries, delta], "hisingens");
    expect(hits.map((h) => [h.name, h.foundBy])).toEqual([["Samordningsförbundet Delta", "Hisingens samordningsförbund"]]);
  });
  it("matches å, ä and ö as typed, but finds them from plain letters", () => {
    expect(searchEntries(entries, "got").map((e) => e.name)).toEqual(["Göteborg", "Götene", "Gotland"]);
  });
});
