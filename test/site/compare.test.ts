import { describe, expect, it } from "vitest";
import { COMPARE_DEFAULT, areaGroup, compareQuery, parseCompareQuery } from "../../src/site/charts/compare";
import { normalize, searchEntries } from "../../src/site/search";

describe("compare view in the URL", () => {
  const valid = ["ohalsotal", "arbetsloshet"];
  it("writes nothing for the default view", () => {
    expect(compareQuery(COMPARE_DEFAULT)).toBe("");
  });
  it("writes only what differs from the default", () => {
    expect(compareQuery({ ...COMPARE_DEFAULT, indicator: "arbetsloshet" })).toBe("?indikator=arbetsloshet");
    expect(compareQuery({ indicator: "ohalsotal", areas: ["0180", "1480"] })).toBe("?omraden=0180,1480");
  });
  it("reads back what it wrote, and ignores what it cannot use", () => {
    expect(parseCompareQuery("?indikator=arbetsloshet&omraden=0180,1480", valid)).toEqual({ indicator: "arbetsloshet", areas: ["0180", "1480"] });
    expect(parseCompareQuery("?indikator=nope&omraden=X!,123,-a,a--b,12", valid)).toEqual({ indicator: "ohalsotal", areas: ["12"] });
    expect(parseCompareQuery("", valid)).toEqual(COMPARE_DEFAULT);
  });
});

describe("förbund in the compare view", () => {
  const valid = ["ohalsotal"];
  it("reads förbund ids (lowercase slugs) beside numeric codes, and writes them back unchanged", () => {
    const state = parseCompareQuery("?omraden=goteborg-hisingen-delta,1480,00", valid);
    expect(state.areas).toEqual(["goteborg-hisingen-delta", "1480", "00"]);
    expect(compareQuery(state)).toBe("?omraden=goteborg-hisingen-delta,1480,00");
  });
  it("groups codes as the selection list does", () => {
    expect(["00", "14", "1480", "goteborg-hisingen-delta", "finsam-2x"].map(areaGroup)).toEqual(["riket", "lan", "kommun", "forbund", "forbund"]);
  });
  it("never takes a number of another length for a förbund", () => {
    expect(parseCompareQuery("?omraden=123,12345", valid).areas).toEqual(COMPARE_DEFAULT.areas);
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
  it("matches å, ä and ö as typed, but finds them from plain letters", () => {
    expect(searchEntries(entries, "got").map((e) => e.name)).toEqual(["Göteborg", "Götene", "Gotland"]);
  });
});
