/**
 * The registry on the site's pages: coverage, published counts, rankings,
 * the kommun's förbund line and förbund in search. Pure functions with small
 * hand-made rows; nothing here reads public/data.
 */
import { describe, expect, it } from "vitest";
import { comparisonWords, isExact, publishedCounts, publishedText, yearCoverage } from "../../src/site/foerbund/coverage";
import type { TackningJamforelseRow, TackningPerArRow, ForbundNamnRow, ForbundRow } from "../../src/site/data";
import { formatChange, formatDate, formatShare } from "../../src/site/format";
import { latestPublished } from "../../src/site/home";
import { foerbundAreaLine } from "../../src/site/kommun";
import { rankFoerbund, type RankInput } from "../../src/site/foerbund/ranking";
import { comparisonLines } from "../../src/site/foerbund/registry-method";
import { foerbundSearchEntries } from "../../src/site/search-index";

const cmp = (over: Partial<TackningJamforelseRow>): TackningJamforelseRow => ({
  id: "x",
  year: 2015,
  reference_date: "2015-04",
  scope: "riket",
  compared_on: "2015-04-30",
  metric: "foerbund_count",
  published: 80,
  qualifier: "",
  source_id: "bilaga4",
  ours_certain: 80,
  ours_recorded: 80,
  ours_possible: 80,
  comparison: "matches the registry exactly",
  comparison_code: "exact",
  ...over,
});

const sources = (id: string) => ({ id, citation: `Källa ${id}`, url: id === "bilaga4" ? "https://example.org/b4" : "", seed_file: "", seed_line: null, quote: "" });

describe("published counts beside the registry", () => {
  const rows = [
    cmp({}),
    cmp({ metric: "member_kommuner", published: 241, ours_certain: 241, ours_recorded: 241, ours_possible: 241 }),
    cmp({ reference_date: "2022-12-31", compared_on: "2022-12-31", year: 2022, source_id: "sos", published: 75, ours_certain: 4, ours_recorded: 81, ours_possible: null, comparison_code: "within_range" }),
    cmp({ reference_date: "2022-12-31", compared_on: "2022-12-31", year: 2022, source_id: "sos", metric: "member_kommuner", published: 273, ours_certain: 8, ours_recorded: 258, ours_possible: 290, comparison_code: "above_recorded" }),
  ];
  const counts = publishedCounts(rows, sources);

  it("puts the förbund and kommun counts of one source and date on one line, in date order", () => {
    expect(counts.map((c) => [c.referenceDate, c.foerbund, c.kommuner])).toEqual([
      ["2015-04", 80, 241],
      ["2022-12-31", 75, 273],
    ]);
    expect(counts[0]!.source).toEqual({ citation: "Källa bilaga4", url: "https://example.org/b4" });
    expect(counts[1]!.source.url).toBeNull();
  });

  it("knows the one day the registry is exact, and words the pipeline's comparison code in Swedish", () => {
    expect(counts.map(isExact)).toEqual([true, false]);
    expect(comparisonWords(80, counts[0]!.registryFoerbund)).toBe("stämmer exakt");
    expect(comparisonWords(75, counts[1]!.registryFoerbund)).toBe("inom registrets spann");
    // Above what the registry records (258), even though the true upper bound (290) allows it.
    expect(comparisonWords(273, counts[1]!.registryKommuner)).toBe("15 fler än registret känner till");
    expect(comparisonWords(3, { certain: 4, recorded: 81, possible: null, comparison: "below_certain" })).toBe("1 färre än registret kan belägga");
    expect(comparisonWords(300, { certain: 241, recorded: 241, possible: 241, comparison: "above_possible" })).toBe("59 fler än registret tillåter, fast en fullständig förteckning finns");
    expect(comparisonWords(3, { certain: null, recorded: null, possible: null, comparison: "not_comparable" })).toBe("kan inte jämföras");
  });

  it("writes approximate figures as such", () => {
    expect(publishedText(70, "ca")).toBe("ca 70");
    expect(publishedText(70, "")).toBe("70");
    expect(publishedText(null, "ca")).toBe("–");
  });

  it("picks the latest count that gives both numbers", () => {
    expect(latestPublished(counts)?.referenceDate).toBe("2022-12-31");
    expect(latestPublished([])).toBeNull();
  });

  it("gives the methods page one Swedish line per published figure, with its source", () => {
    const lines = comparisonLines(rows, sources);
    expect(lines.map((l) => `${l.when}|${l.metric}|${l.published}|${l.words}`)).toEqual([
      "april 2015|Förbund|80|stämmer exakt",
      "april 2015|Kommuner i förbund|241|stämmer exakt",
      "31 december 2022|Förbund|75|inom registrets spann",
      "31 december 2022|Kommuner i förbund|273|15 fler än registret känner till",
    ]);
  });
});

describe("coverage of one year", () => {
  const row: TackningPerArRow = {
    year: 2015,
    reference_date: "2015-12-31",
    foerbund_count_certain: 18,
    foerbund_count_possible: 85,
    member_kommuner_certain: 37,
    member_kommuner_possible: 290,
    member_kommuner_unrecorded: 37,
    kommuner_without_certain: 0,
    complete_list: false,
    share_pop_16_64_certain: 0.21114,
    share_pop_16_64_possible: 1,
    spells_exact: 40,
    spells_bounded: 218,
  };
  it("keeps certain and possible apart and collects the year's published counts", () => {
    const counts = publishedCounts(
      [cmp({}), cmp({ metric: "member_kommuner", published: 241, ours_certain: 241, ours_recorded: 241, ours_possible: 241 }), cmp({ reference_date: "2016-12-31", compared_on: "2016-12-31", year: 2016, source_id: "fk" })],
      sources,
    );
    const c = yearCoverage(row, counts);
    expect(c.foerbund).toEqual({ certain: 18, possible: 85 });
    expect(c.kommuner).toEqual({ certain: 37, possible: 290, unrecorded: 37, withoutCertain: 0 });
    expect(c.published.map((p) => p.referenceDate)).toEqual(["2015-04"]);
    expect(c.exactDays).toHaveLength(1);
    // Only one of the two counts is exact: not a complete day.
    expect(yearCoverage(row, publishedCounts([cmp({})], sources)).exactDays).toHaveLength(0);
  });
  it("shows a missing population share as a dash, never 0", () => {
    const c = yearCoverage({ ...row, year: 2024, share_pop_16_64_certain: null, share_pop_16_64_possible: null }, []);
    expect(formatShare(c.share.certain)).toBe("–");
    expect(formatShare(0.21114)).toBe("21,1\u00a0%");
  });
});

describe("förbund ranked by an indicator", () => {
  const input = (id: string, value: number | null, previous: number | null = null, extra: Partial<RankInput> = {}): RankInput => ({
    id,
    name: id.toUpperCase(),
    value,
    membership: "certain",
    members: 2,
    previous: previous === null ? null : { value: previous, members: 2 },
    href: `/forbund/${id}/2015/`,
    ...extra,
  });

  it("ranks highest first, leaves out förbund without a value, and shares a rank for equal shown values", () => {
    const rows = rankFoerbund([input("a", 30.04), input("b", 40), input("c", null), input("d", 29.96), input("e", 10)], 1);
    expect(rows.map((r) => [r.rank, r.id])).toEqual([
      [1, "b"],
      [2, "a"],
      [2, "d"],
      [4, "e"],
    ]);
  });

  it("gives the change since the year before as the rounded difference of the unrounded values, and a dash when there is none", () => {
    const rows = rankFoerbund([input("a", 30.04, 28.96), input("b", 20, null), input("c", 10, null, { previous: { value: null, members: 2 } })], 1);
    expect(rows.map((r) => r.change)).toEqual([1.08, null, null]);
    // Shown 30,0 and 29,0, but the change is +1,1: the difference of rounded values (+1,0) would be off by 0,1.
    expect(formatChange(rows[0]!.change, 1)).toBe("+1,1");
    // Like Filipstad-Storfors 2005: 30,02 → 30,06 is +0,04 days, shown "0,0" (the rounded values 30,0 and 30,1 would say +0,1).
    const small = rankFoerbund([input("f", 30.06, 30.02)], 1);
    expect(formatChange(small[0]!.change, 1)).toBe("0,0");
    expect(formatChange(-0.3, 1)).toBe("\u22120,3");
    expect(formatChange(0, 1)).toBe("0,0");
    expect(formatChange(null, 1)).toBe("–");
  });

  it("marks bounded membership and a change of members", () => {
    const rows = rankFoerbund([input("a", 5, 4, { membership: "bounded", members: 3 }), input("b", 4, 4)], 0);
    expect(rows.map((r) => [r.bounded, r.membersChanged])).toEqual([
      [true, true],
      [false, false],
    ]);
  });
});

describe("the kommun's förbund area line", () => {
  const m = (foerbund_id: string, year: number, member_status: "certain" | "possible" = "certain", stadsdel = "") => ({ foerbund_id, year, member_status, stadsdel });
  const values: Record<string, { value: number | null; members: number }> = {
    "a|2010": { value: 30, members: 3 },
    "a|2011": { value: 29, members: 3 },
    "solo|2012": { value: 28, members: 1 },
    "b|2013": { value: null, members: 2 },
  };
  const lookup = (id: string, year: number) => values[`${id}|${year}`];

  it("follows the kommun's förbund year by year, with gaps (never 0) where there is no area value", () => {
    const line = foerbundAreaLine([2009, 2010, 2011, 2012, 2013, 2014], [m("a", 2010), m("a", 2011, "possible"), m("solo", 2012), m("b", 2013), m("a", 2014), m("c", 2014, "possible")], lookup);
    expect(line.points.map((p) => p.value)).toEqual([null, 30, 29, null, null, null]);
    expect(line.foerbund).toEqual([{ id: "a", years: [2010, 2011] }]);
    expect(line.possibleYears).toEqual([2011]);
    expect(line.ownAreaYears).toEqual([2012]);
    expect(line.ambiguousYears).toEqual([2014]);
  });

  it("ignores stadsdel memberships (a kommun's value does not describe a stadsdel)", () => {
    const line = foerbundAreaLine([2010], [m("a", 2010, "certain", "Hisingen")], lookup);
    expect(line.points[0]!.value).toBeNull();
  });
});

describe("förbund in search", () => {
  const f = (id: string, name: string, lan_codes: string): ForbundRow => ({ id, foerbund_name: name, kind: "flera_kommuner", lan_codes, founded: "", ended: "", end_reason: "", successor_ids: "", predecessor_ids: "", source_ids: "", note: "" });
  const n = (foerbund_id: string, name: string): ForbundNamnRow => ({ foerbund_id, name, from: "", to: "", source_ids: "" });
  it("lists a förbund once under its current name, with its former names as aliases", () => {
    const entries = foerbundSearchEntries([f("delta", "Samordningsförbundet Delta", "14")], [n("delta", "Samordningsförbundet Delta"), n("delta", "Hisingens samordningsförbund")], (c) => (c === "14" ? "Västra Götalands län" : c));
    expect(entries).toEqual([{ name: "Samordningsförbundet Delta", type: "förbund", context: "Västra Götalands län", url: "/forbund/delta/", aliases: ["Hisingens samordningsförbund"] }]);
  });
});

describe("dates in words", () => {
  it("writes a year, a month and a day the way they were published", () => {
    expect(formatDate("2008")).toBe("2008");
    expect(formatDate("2015-05")).toBe("maj 2015");
    expect(formatDate("2012-12-31")).toBe("31 december 2012");
  });
});
