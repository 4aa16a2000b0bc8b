/**
 * The analysis page's reading is generated from the numbers. These INVENTED
 * points test that an interval containing zero can never be read as a
 * difference, and that a difference is never called an effect.
 */
import { describe, expect, it } from "vitest";
import { describePoint, eventCsv, headline, readOutcome, sideOfZero, type EventPoint, type OutcomeAnalysis } from "../../src/site/analysis/event-study";

const m = { slug: "ohalsotal", name: "Ohälsotal", subject: "ohälsotalet", unit: "dagar per invånare 16–64 år", shortUnit: "dagar", decimals: 1 };
const pt = (e: number, estimate: number, low: number | null, high: number | null): EventPoint => ({ e, estimate, low, high, nTreated: 12, nControl: 90 });
const zeroIntervals = [-3, -2, 0, 1, 2, 3, 4, 5].map((e) => pt(e, -1.2, -2.5, 0.1));

function analysis(main: EventPoint[], placebo: EventPoint[] = [pt(-2, 0.1, -0.4, 0.6), pt(0, 0.05, -0.5, 0.6)]): OutcomeAnalysis {
  return { measure: m, main, weighted: main, placebo, boundEarliest: [], boundLatest: [], seriesYears: { first: 2001, last: 2022 }, joinsBeforeSeries: 0, knownYearJoiners: 58 };
}

describe("the generated reading", () => {
  it("places an interval against zero, treating a missing interval as no evidence", () => {
    expect(sideOfZero(pt(0, -1, -2, 0.1))).toBe("contains-zero");
    expect(sideOfZero(pt(0, -1, -2, -0.1))).toBe("below-zero");
    expect(sideOfZero(pt(0, 1, 0.1, 2))).toBe("above-zero");
    expect(sideOfZero(pt(0, 1, null, null))).toBe("no-interval");
  });

  it("says no difference can be told from zero when every post-join interval contains zero, whatever the estimate", () => {
    const r = readOutcome(analysis(zeroIntervals));
    expect(r.headline).toMatch(/ingen skillnad som går att skilja från noll/);
    expect(r.points).toHaveLength(3);
    for (const p of r.points) expect(p).toMatch(/rymmer noll/);
    expect([r.headline, ...r.points, ...r.checks].join(" ")).not.toMatch(/effekten är|minskade tack vare|visar att förbund/);
  });

  it("calls an interval below zero a difference, never an effect, and warns when the checks fail", () => {
    const post = [-3, -2].map((e) => pt(e, 0, -0.3, 0.3)).concat([0, 1, 2, 3, 4, 5].map((e) => pt(e, -2, -2.6, -1.4)));
    const clean = headline(analysis(post));
    expect(clean).toMatch(/6 av 6 skattningar/);
    expect(clean).toMatch(/inte ett bevis för en effekt/);
    expect(describePoint(m, post[4]!)).toMatch(/helt under noll/);
    const badPre = post.map((p) => (p.e === -3 ? pt(-3, 1, 0.4, 1.6) : p));
    expect(headline(analysis(badPre))).toMatch(/visar ingen effekt/);
    expect(readOutcome(analysis(badPre)).checks[0]).toMatch(/1 av 2 intervall/);
  });

  it("writes the table as CSV: one row per event time, empty cells where a variant has none", () => {
    const csv = eventCsv(analysis([pt(-2, 0.25, -0.5, 1), pt(0, -1.5, -2, -1)], [pt(-2, 0.1, -0.4, 0.6)]));
    expect(csv).toBe(
      "event_time,estimate,ci_low,ci_high,n_treated_kommuner,n_control_kommuner,placebo_estimate,placebo_ci_low,placebo_ci_high\n" +
        "-2,0.25,-0.5,1,12,90,0.1,-0.4,0.6\n0,-1.5,-2,-1,12,90,,,\n",
    );
  });
});
