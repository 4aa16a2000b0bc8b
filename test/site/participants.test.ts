/**
 * /deltagare/'s model on small labelled rows (TEST FIXTURE rows in the shape
 * of the published datasets; values copied from the real sources), and the
 * real published datasets: every row validates and has a source.
 */
import { describe, expect, it } from "vitest";
import { loadParticipants } from "../../src/pipeline/participants";
import { deltagareNationelltDataset, deltagareNationelltRowSchema, type DeltagareNationelltRow } from "../../src/pipeline/publish/datasets/deltagare";
import type { PrintedTableRow } from "../../src/pipeline/publish/datasets/printed-tables";
import { summarizeChart } from "../../src/site/charts/summary";
import { chartCsv } from "../../src/site/charts/spec";
import { coverageSentence, participantCharts, susCoverage, type ParticipantInputs } from "../../src/site/participants/model";

const row = (year: number, measure: string, value: number, extra: Partial<DeltagareNationelltRow> = {}): DeltagareNationelltRow => ({
  year,
  measure,
  measure_label: measure,
  value,
  unit: "persons",
  qualifier: "",
  definition: "test fixture",
  period_printed: String(year),
  source_id: `fixture-r${year}-${measure}`,
  publisher: "Fixture publisher",
  source_url: "",
  source_file: "fixture.csv",
  source_row: 2,
  quote: `fixture ${value}`,
  note: "",
  ...extra,
});
const printed = (table: string, period: string, measure: string, value: number, breakdown = ""): PrintedTableRow => ({
  table,
  table_title: `Tabell ${table}`,
  period,
  measure,
  breakdown,
  value,
  unit: "persons",
  value_printed: String(value),
  source_line: 1,
  note: "",
});

const FIXTURE: ParticipantInputs = {
  national: [
    row(2014, "deltagare_sus", 39009),
    row(2014, "deltagare_personuppgifter", 17079),
    row(2015, "deltagare_sus", 33500, { qualifier: "drygt" }),
    row(2017, "deltagare_sus", 28381),
    row(2020, "andel_arbete_studier", 28, { unit: "percent" }),
    row(2021, "andel_arbete_studier_arbetssokande", 60, { unit: "percent" }),
  ],
  printed: [printed("T03", "2013", "Individinriktade insatser", 36900), printed("T11", "2014", "Deltagare i förvärvsarbete och/eller studier", 34, "%")],
};

const chart = (input: ParticipantInputs, id: string) => participantCharts(input).find((c) => c.id === id)!;

describe("participant charts", () => {
  it("computes how much SUS sees from the data: 17 079 of 39 009 = 44 %", () => {
    expect(susCoverage(FIXTURE).map((r) => [r.year, Math.round(r.share)])).toEqual([[2014, 44]]);
    expect(coverageSentence(FIXTURE).replace(/\u00a0/g, " ")).toContain("2014 44 % (17 079 av 39 009)");
  });

  it("leaves a year without a figure as a gap, never a joined or zero value", () => {
    const csv = chartCsv(chart(FIXTURE, "deltagare-per-ar"));
    expect(csv).toContain("2016,,");
    expect(csv).toContain("2017,28381,");
  });

  it("draws 2021's wider measure as its own series, not as a continuation", () => {
    const c = chart(FIXTURE, "deltagare-till-arbete-eller-studier");
    expect(c.series.map((s) => s.key)).toEqual(["arbete-studier", "arbete-studier-arbetssokande"]);
    expect(c.series[0]!.points.find((p) => p.year === 2021)!.value).toBeNull();
    expect(c.series[1]!.points.find((p) => p.year === 2021)!.value).toBe(60);
    expect(summarizeChart(c)).toContain("egen linje");
  });

  it("says the source's qualifier in the summary", () => {
    expect(summarizeChart(chart(FIXTURE, "deltagare-per-ar")).replace(/\u00a0/g, " ")).toContain("2015 drygt 33 500");
  });

  it("changes the chart's CSV and summary when a source value changes", () => {
    const changed: ParticipantInputs = { ...FIXTURE, national: FIXTURE.national.map((r) => (r.year === 2014 && r.measure === "deltagare_personuppgifter" ? { ...r, value: 19500 } : r)) };
    const before = chart(FIXTURE, "deltagare-per-ar");
    const after = chart(changed, "deltagare-per-ar");
    expect(chartCsv(before)).toContain("2014,39009,17079");
    expect(chartCsv(after)).toContain("2014,39009,19500");
    expect(summarizeChart(after)).not.toBe(summarizeChart(before));
    expect(summarizeChart(after).replace(/\u00a0/g, " ")).toContain("2014 50 % (19 500 av 39 009)");
    // The results chart says it too.
    expect(summarizeChart(chart(changed, "deltagare-till-arbete-eller-studier")).replace(/\u00a0/g, " ")).toContain("19 500 av 39 009");
  });
});

describe("deltagare-nationellt from the committed snapshot", () => {
  const participants = loadParticipants("data/snapshot");
  const dataset = deltagareNationelltDataset(participants);

  it("validates and every row has a source: publisher, quote and a file row or address", () => {
    expect(dataset.rows.length).toBeGreaterThan(40);
    for (const r of dataset.rows) {
      const parsed = deltagareNationelltRowSchema.parse(r);
      expect(parsed.publisher.length && parsed.quote.length && parsed.source_file.length).toBeTruthy();
      expect(parsed.source_row).toBeGreaterThan(1);
    }
  });

  it("holds the published deltagare 2017–2021 with their sources", () => {
    const sus = (y: number) => dataset.rows.filter((r) => r.measure === "deltagare_sus" && r.year === y).map((r) => r.value);
    expect([2017, 2018, 2019, 2020, 2021].map(sus)).toEqual([[28381], [32715], [31167], [24867], [24102]]);
  });
});
