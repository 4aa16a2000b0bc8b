/** "Which förbund is this kommun in now?" on kommun pages: the latest proven membership, in one sentence. FIXTURE rows. */
import { describe, expect, it } from "vitest";
import { latestMembership, latestMembershipSentence } from "../../src/site/kommun";

const row = (foerbund_id: string, from: string, to: string, source_ids: string) => ({ foerbund_id, from, to, source_ids });
const names = (id: string) => ({ a: "Förbund A", b: "Förbund B" })[id] ?? id;
const cite = (id: string) => `källa ${id}`;

describe("latestMembership", () => {
  it("picks the membership proven latest and names its newest source", () => {
    const m = latestMembership([row("a", "<=2015-04", "2020", "bilaga4;merger"), row("b", "2021-06-01", ">=2021-06-07", "news-2021")]);
    expect(m).toMatchObject({ foerbund_id: "b", when: "7 juni 2021", ended: false, sourceId: "news-2021" });
    expect(latestMembershipSentence("Boden", m, names, cite)).toBe("Senast belagd: medlem i Förbund B den 7 juni 2021, enligt källa news-2021.");
  });

  it("says in one sentence when nothing after April 2015 is known", () => {
    const m = latestMembership([row("a", "<=2015-04", ">=2015-04", "bilaga4")]);
    expect(latestMembershipSentence("Ort", m, names, cite)).toBe(
      "Senast belagd: medlem i Förbund A i april 2015, enligt källa bilaga4. Efter april 2015 har registret ingen uppgift om Ort, så det är inte känt vilket förbund kommunen är med i nu.",
    );
  });

  it("ignores memberships that are only possible, and says so when none is proven", () => {
    expect(latestMembership([row("a", "2015-05..2017", "2015-05..2017", "x")])).toBeNull();
    expect(latestMembershipSentence("Ort", null, names, cite)).toBe("Inget medlemskap för Ort är belagt av en daterad källa.");
  });
});

describe("latestMembership and the 2015 report", () => {
  it("does not cite the 2015 report for a membership proven later", () => {
    const m = latestMembership([row("a", "<=2015-04", ">=2020-12-31", "region-2020;rr2015-bilaga4")]);
    expect(m?.sourceId).toBe("region-2020");
  });
  it("cites the 2015 report's list for a membership proven in April 2015, not an older annual report", () => {
    const m = latestMembership([row("a", "2006-11-27", ">=2015-04", "rr2015-bilaga4;ar2014")]);
    expect(m?.sourceId).toBe("rr2015-bilaga4");
  });
});
