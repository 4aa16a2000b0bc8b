/**
 * A förbund's members in the latest proven state (site/foerbund/key-figures.ts
 * membersNow), on small hand-made spells (labelled fixtures, not real data):
 * the day of the latest proof and its source, who was certainly and possibly
 * a member that day, and the latest change, never more exact than the source.
 */
import { describe, expect, it } from "vitest";
import type { KallorRow, MedlemskapRow } from "../../src/site/data";
import { membersNow } from "../../src/site/foerbund/key-figures";

const spell = (member_name: string, from: string, to: string, source_ids: string): MedlemskapRow =>
  ({ foerbund_id: "test", member_code: member_name.slice(0, 4), member_name, stadsdel: "", from, to, source_ids }) as unknown as MedlemskapRow;
const source = (id: string) => ({ id, citation: `Källa ${id}` }) as unknown as KallorRow;

describe("membersNow (fixture spells)", () => {
  it("founding members proven by a later source: the day, the source and 'since founded'", () => {
    const m = membersNow([spell("Aby", "2006-11-27", ">=2015-04", "rr2015-a;ar2014"), spell("Bby", "2006-11-27", ">=2015-04", "rr2015-a;ar2014")], "2006-11-27", ">=2015-04", "", source);
    expect(m.members).toEqual(["Aby", "Bby"]);
    expect(m.provenWhen).toBe("i april 2015");
    expect(m.day).toBe("2015-04-30");
    // April 2015 is proven by the 2015 report's list, not by the annual report for 2014.
    expect(m.source?.id).toBe("rr2015-a");
    expect(m.since).toBe("Samma medlemmar sedan förbundet bildades 27 november 2006.");
    expect(m.after).toMatch(/ingen uppgift om medlemmarna efter april 2015/);
  });

  it("a join known only between two dates is the latest change, said as a bound", () => {
    const m = membersNow(
      [spell("Aby", "2005-05", ">=2023-03-14", "om"), spell("Cby", "2017..2023-03-14", ">=2023-03-14", "om"), spell("Dby", "2017", ">=2023-03-14", "om")],
      "2005-05",
      ">=2023-03-14",
      "",
      source,
    );
    expect(m.provenWhen).toBe("den 14 mars 2023");
    expect(m.members).toEqual(["Aby", "Cby", "Dby"]);
    expect(m.since).toBe("Senaste ändringen: Cby gick med mellan 2017 och 14 mars 2023 (källorna anger bara en gräns).");
    expect(m.sinceBounded).toBe(true);
  });

  it("an ended förbund: members up to the end, a departure before it, no 'after' sentence", () => {
    const m = membersNow([spell("Aby", "2010-01-01", "2020-01-01", "s1"), spell("Bby", "2010-01-01", "2015-06-01", "s2")], "2010-01-01", "2020-01-01", "merged", source);
    expect(m.ended).toBe("Upphörde 1 januari 2020 (gick upp i ett nytt förbund).");
    expect(m.day).toBe("2019-12-31");
    expect(m.members).toEqual(["Aby"]);
    expect(m.provenWhen).toBe("fram till 1 januari 2020");
    expect(m.since).toBe("Senaste ändringen: Bby lämnade förbundet 1 juni 2015.");
    expect(m.after).toBe("");
  });

  it("no proven membership: says so and names the possible members first", () => {
    const m = membersNow([spell("Aby", "2010..2016", "<=2017", "x")], "2010..2016", "<=2017", "dissolved", source);
    expect(m.members).toEqual([]);
    expect(m.possible).toEqual(["Aby"]);
    expect(m.source).toBeNull();
  });
});
