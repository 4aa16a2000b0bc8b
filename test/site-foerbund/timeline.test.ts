/** Timeline spans from FIXTURE spells: certain vs only possible days. */
import { describe, expect, it } from "vitest";
import { dayToYear, lastDay, spellSpans, timelineRows } from "../../src/site/foerbund/timeline";

const AXIS: [string, string] = ["2004-01-01", "2025-01-01"];
const spell = (from: string, to: string, member_code = "0114", stadsdel = "") => ({ foerbund_id: "fixture", member_code, stadsdel, from, to });

describe("spellSpans", () => {
  it("an exact spell is certain from start to (exclusive) end", () => {
    const s = spellSpans(spell("2007-01-01", "2015-01-01"), ...AXIS);
    expect(s.spans).toEqual([{ kind: "certain", from: "2007-01-01", until: "2015-01-01" }]);
    expect(s).toMatchObject({ openStart: false, openEnd: false, neverCertain: false });
    expect(lastDay(s.spans[0]!)).toBe("2014-12-31");
  });
  it("a Bilaga 4 spell (<=2015-04 … >=2015-04) is possible back to the axis, certain in April 2015, open after", () => {
    const s = spellSpans(spell("<=2015-04", ">=2015-04"), ...AXIS);
    expect(s.spans).toEqual([
      { kind: "possible", from: "2004-01-01", until: "2015-04-30" },
      { kind: "certain", from: "2015-04-30", until: "2015-05-01" },
      { kind: "possible", from: "2015-05-01", until: "2025-01-01" },
    ]);
    expect(s).toMatchObject({ openStart: true, openEnd: true, neverCertain: false });
  });
  it("a start range is possible from its first day and certain from its last", () => {
    const s = spellSpans(spell("2006-11-27..2014", ">=2015-04"), ...AXIS);
    expect(s.spans.map((x) => [x.kind, x.from, x.until])).toEqual([
      ["possible", "2006-11-27", "2014-12-31"],
      ["certain", "2014-12-31", "2015-05-01"],
      ["possible", "2015-05-01", "2025-01-01"],
    ]);
    expect(s.openStart).toBe(false);
  });
  it("a planned membership (>=X … >=X) is never certain", () => {
    const s = spellSpans(spell(">=2019-12-09", ">=2019-12-09"), ...AXIS);
    expect(s.spans).toEqual([{ kind: "possible", from: "2019-12-09", until: "2025-01-01" }]);
    expect(s.neverCertain).toBe(true);
  });
  it("an end '<=Y' is never certain but bounds the possible span", () => {
    const s = spellSpans(spell("2005", "<=2015-04"), ...AXIS);
    expect(s.spans).toEqual([{ kind: "possible", from: "2005-01-01", until: "2015-04-30" }]);
    expect(s.neverCertain).toBe(true);
  });
});

describe("timelineRows", () => {
  it("groups spells per member and stadsdel and sorts by first possible day", () => {
    const rows = timelineRows(
      [spell("2010-01-01", "2012-01-01", "0115"), spell("2005", "2008", "0114"), spell("2009", "2011", "0114"), spell("2005", "2019-07-01", "1480", "Centrum")],
      ...AXIS,
      (c) => ({ "0114": "Upplands Väsby", "0115": "Vallentuna", "1480": "Göteborg" })[c] ?? c,
    );
    expect(rows.map((r) => [r.key, r.label, r.spells.length])).toEqual([
      // Both start in 2005: name order decides.
      ["1480:Centrum", "Göteborg: Centrum", 1],
      ["0114", "Upplands Väsby", 2],
      ["0115", "Vallentuna", 1],
    ]);
  });
  it("places days on a year axis", () => {
    expect(dayToYear("2015-01-01")).toBe(2015);
    expect(dayToYear("2016-07-02")).toBeCloseTo(2016.5, 2);
  });
});
