/** The ranking's count note on year pages: kommuner counted once, registry range and the published count. FIXTURE rows. */
import { describe, expect, it } from "vitest";
import { rankingCountNote } from "../../src/site/foerbund/year-rankings";

const m = (foerbund_id: string, member_code: string, stadsdel = "") => ({ foerbund_id, member_code, stadsdel });

describe("rankingCountNote", () => {
  it("counts each kommun once and names those in two areas", () => {
    const note = rankingCountNote({
      year: 2012,
      rankedIds: ["a", "b"],
      members: [m("a", "0114"), m("a", "0115"), m("b", "0115"), m("b", "0117"), m("c", "0120")],
      registry: { certain: 30, possible: 86 },
      published: { value: 83, qualifier: "", citation: "Försäkringskassan" },
    });
    expect(note).toBe(
      "Rangordningen har 2 förbund med värde, med 3 kommuner i sina områden (varje kommun räknad en gång). 1 av kommunerna står i två områden, eftersom källorna inte visar vilken dag de bytte förbund. Registret har 30–86 förbund den 31 december 2012. Publicerat antal förbund i landet 2012: 83 (Försäkringskassan).",
    );
  });

  it("says when no national count is published for the year", () => {
    const note = rankingCountNote({ year: 2020, rankedIds: ["a"], members: [m("a", "0114")], registry: { certain: 5, possible: 5 }, published: null });
    expect(note).toMatch(/Registret har 5 förbund den 31 december 2020\. Inget publicerat antal förbund i landet finns för 2020\.$/);
  });
});
