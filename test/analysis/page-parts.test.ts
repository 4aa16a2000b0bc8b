/**
 * The analysis chart and the start page's skew sentence, from INVENTED
 * numbers: the chart draws pre-join years differently from the rest and
 * always draws zero; the skew sentence states the numbers it is given.
 */
import { describe, expect, it } from "vitest";
import type { EventPoint } from "../../src/site/analysis/event-study";
import { skewSentence } from "../../src/site/charts/catalog";
import { POST_COLOR, PRE_COLOR, renderEventChartSvg } from "../../src/site/charts/event-study";

const m = { slug: "ohalsotal", name: "Ohälsotal", subject: "ohälsotalet", unit: "dagar per invånare 16–64 år", shortUnit: "dagar", decimals: 1 };
const pt = (e: number, estimate: number): EventPoint => ({ e, estimate, low: estimate - 1, high: estimate + 1, nTreated: 10, nControl: 50 });

describe("analysis page parts", () => {
  it("draws pre-join estimates hollow and grey, the rest filled, and the zero line even when every value is positive", () => {
    const svg = renderEventChartSvg(m, [pt(-3, 2), pt(-2, 2.5), pt(0, 3), pt(2, 4)], { title: "Fixture", description: "Fixture chart" });
    expect(svg).toContain('role="img"');
    expect(svg).toContain(`stroke="${PRE_COLOR}"`);
    expect(svg).toContain(`fill="${POST_COLOR}"`);
    expect(svg).toContain("anslutning");
    // The y axis reaches zero: its tick labels include 0.
    expect(svg).toMatch(/>0<\/text>/);
  });

  it("states the fixed grouping's skew in the numbers it is given", () => {
    const text = skewSentence({ nonMembers: 49, populationYear: 2015, topLan: { name: "Fixturlän", share: 0.814, kommuner: 15 }, laterMembers: { certain: 9, possible: 8, unknown: 26, share: 0.705 } });
    expect(text).toContain("81\u00a0% av dess invånare 16–64 år (2015) bor i Fixturlän (15 av 49 kommuner)");
    expect(text).toContain("17 av de 49 kommunerna var säkert (9) eller kanske (8)");
    expect(text).toContain("71\u00a0% av gruppens invånare");
    expect(text).toContain("för 26 vet registret inte");
  });
});
