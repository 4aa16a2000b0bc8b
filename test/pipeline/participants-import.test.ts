/** The deltagare importer on a small labelled fixture: what it reads, and how bad input is named. */
import { rmSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { DataInputError } from "../../src/pipeline/errors";
import { importParticipants } from "../../src/pipeline/import/participants";
import { PARTICIPANT_FIXTURE, writeParticipantSources } from "../fixtures/participant-sources";

const roots: string[] = [];
const sources = (overrides: Record<string, string> = {}) => {
  const root = writeParticipantSources(overrides);
  roots.push(root);
  return root;
};
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

const NC = "foerbund-history/national_counts.csv";
const NC3 = "foerbund-history/national_counts_3.csv";
const edit = (file: string, from: string, to: string) => {
  const text = PARTICIPANT_FIXTURE[file]!;
  if (!text.includes(from)) throw new Error(`fixture ${file} has no ${from}`);
  return { [file]: text.replace(from, to) };
};

describe("importParticipants", () => {
  const result = () => importParticipants(sources());
  const find = (measure: string, year: number) => result().national.filter((f) => f.measure === measure && f.year === year);

  it("reads each figure of a value cell, keeping the source's qualifier", () => {
    const insatser = result().national.filter((f) => f.year === 2012);
    expect(insatser.map((f) => [f.measure, f.value, f.qualifier])).toEqual([
      ["insatser", 870, "drygt"],
      ["insatser_individinriktade", 570, ""],
      ["insatser_strukturovergripande", 300, "drygt"],
    ]);
    expect(find("deltagare_sus", 2015)[0]).toMatchObject({ value: 33500, qualifier: "drygt", period_printed: "2015 (SUS extract 2016-01-16)", source_id: "national-counts-3-r2" });
    expect(find("deltagare_sus", 2017)[0]).toMatchObject({ value: 28381, qualifier: "", publisher: expect.stringContaining("finsam.se") });
  });

  it("keeps a differently defined measure apart, and money in millions", () => {
    expect(find("andel_arbete_studier_arbetssokande", 2021)[0]!.value).toBe(60);
    expect(find("andel_arbete_studier", 2021)).toEqual([]);
    expect(find("statliga_medel", 2016)[0]).toMatchObject({ value: 339, unit: "MSEK" });
  });

  it("skips förbund counts and undated rows, and takes only the chosen report figures", () => {
    const r = result();
    expect(r.national.some((f) => f.source_id === "national-counts-r4")).toBe(false);
    expect(r.national.filter((f) => f.source_file.startsWith("riksdag-2015/")).map((f) => [f.measure, f.value])).toEqual([
      ["deltagare_sus", 39009],
      ["deltagare_personuppgifter", 17079],
    ]);
    expect(String(r.files.get("provenance.json"))).toContain("1 rader utan år");
  });

  it("reads per-förbund rows with the förbund's printed name", () => {
    const f = result().foerbund;
    expect(f.map((x) => [x.foerbund_printed, x.activity, x.measure, x.value])).toEqual([
      ["Finsam Malmö", "Malmökraften", "till_arbete_studier", 861],
      ["Samordningsförbundet Umeåregionen", "", "deltagare", 705],
      ["Samordningsförbundet Umeåregionen", "", "avslutade", 271],
    ]);
  });

  const bad: Array<{ name: string; overrides: Record<string, string>; file: string; row: number; column: string; says: RegExp }> = [
    { name: "a figure that is not in the quote", overrides: edit(NC3, "2017,participants_SUS_total,28 381", "2017,participants_SUS_total,28 391"), file: NC3, row: 3, column: "quote", says: /28 391.*not in the quote/ },
    { name: "an unknown metric", overrides: edit(NC, "2016,state_money_to_foerbund_SEK", "2016,state_money_total"), file: NC, row: 3, column: "metric", says: /unknown metric/ },
    { name: "an address with no known publisher", overrides: edit(NC3, "http://www.finsam.se/wps/b", "https://example.org/b"), file: NC3, row: 3, column: "source_url_or_repo_path", says: /no publisher known/ },
    { name: "a value cell without a figure", overrides: edit(NC3, "2017,participants_SUS_total,28 381", "2017,participants_SUS_total,många"), file: NC3, row: 3, column: "value", says: /no figure recognised/ },
    { name: "a per-förbund row that does not say which förbund", overrides: edit(NC3, "Samordningsförbundet Umeåregionen (name from URL): 705", "705"), file: NC3, row: 5, column: "value", says: /which förbund/ },
    { name: "a missing column", overrides: edit(NC, "year_or_date,metric", "year,metric"), file: NC, row: 1, column: "year_or_date", says: /missing/ },
  ];
  for (const c of bad)
    it(`stops on ${c.name}, naming file, row and column`, () => {
      let error: unknown;
      try {
        importParticipants(sources(c.overrides));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataInputError);
      const e = error as DataInputError;
      expect(e.location).toMatchObject({ file: c.file, row: c.row, column: c.column });
      expect(e.problem).toMatch(c.says);
    });
});
