import { describe, it, expect } from "vitest";
import { DataInputError } from "../../src/pipeline/errors";
import { loadRegistry } from "../../src/pipeline/registry/load";
import { BASE_FIXTURE, FIXTURE_KOMMUNER, writeFixture, type FixtureFiles } from "./helpers";

/** Load a FIXTURE registry and return the DataInputError it must raise. */
function errorOf(files: FixtureFiles): DataInputError {
  const dir = writeFixture(files);
  try {
    loadRegistry(dir, FIXTURE_KOMMUNER);
  } catch (e) {
    if (e instanceof DataInputError) return e;
    throw e;
  }
  throw new Error("expected a DataInputError, but the fixture loaded");
}

function expectAt(e: DataInputError, file: string, row: number, column: string) {
  expect(e.location.file.endsWith(file)).toBe(true);
  expect(e.location.row).toBe(row);
  expect(e.location.column).toBe(column);
  expect(e.message).toContain(file);
  expect(e.message).toContain(`row ${row}`);
  expect(e.message).toContain(`column "${column}"`);
}

const spells = (...rows: string[]) => ({ "spells.csv": [BASE_FIXTURE["spells.csv"][0]!, ...rows] });
const foerbund = (...rows: string[]) => ({ "foerbund.csv": [BASE_FIXTURE["foerbund.csv"][0]!, ...rows] });

describe("loadRegistry on FIXTURE registries", () => {
  it("loads the valid base fixture and derives predecessors from successors", () => {
    const reg = loadRegistry(writeFixture(), FIXTURE_KOMMUNER);
    expect(reg.foerbund.map((f) => f.id)).toEqual(["alpha", "beta"]);
    expect(reg.spells).toHaveLength(3);
    expect(reg.predecessors.get("beta")).toEqual(["alpha"]);
    expect(reg.spells[2]!.from).toMatchObject({ earliest: null, latest: "2011-12-31" });
  });

  it("rejects a member certainly in two förbund at the same time", () => {
    const e = errorOf(spells("alpha,0114,,2005-01-01,2010-06-01,src-a,", "beta,0114,,2010-01-01,>=2012-12-31,src-a,"));
    expectAt(e, "spells.csv", 3, "from");
    expect(e.message).toContain("alpha");
    expect(e.message).toContain("2010-01-01");
  });

  it("rejects a whole-kommun spell overlapping a stadsdel spell of the same kommun", () => {
    const e = errorOf(spells("alpha,1480,Centrum,2005-01-01,2010-01-01,src-a,", "beta,1480,,2008,>=2012-12-31,src-a,"));
    expectAt(e, "spells.csv", 3, "from");
  });

  it("rejects the same stadsdel in two förbund at once", () => {
    const e = errorOf(spells("alpha,1480,Centrum,2005-01-01,2010-01-01,src-a,", "beta,1480,Centrum,2009-01-01,>=2012-12-31,src-a,"));
    expectAt(e, "spells.csv", 3, "from");
  });

  it("accepts different stadsdelar of one kommun, a handover on an unknown day, and spells whose bounds keep them in order", () => {
    const dir = writeFixture(
      spells(
        "alpha,1480,Centrum,2005-01-01,2010-01-01,src-a,",
        "beta,1480,Väster,2005-01-01,>=2012-12-31,src-a,",
        // The same date code as the old spell's end and the new spell's start: one handover, day unknown.
        "alpha,0114,,2005-01-01,2008..2010,src-a,handover",
        "beta,0114,,2008..2010,>=2012-12-31,src-a,handover",
        // Ordered by their bounds: the old spell ends by 2010-06 at the latest, the new one starts 2010-06 at the latest.
        "alpha,0115,,<=2009,2009..2010-06,src-a,",
        "beta,0115,,2010-01..2010-06,>=2012-12-31,src-a,",
      ),
    );
    expect(() => loadRegistry(dir, FIXTURE_KOMMUNER)).not.toThrow();
  });

  it("rejects two spells of one kommun that may overlap (a kommun is in at most one förbund at a time)", () => {
    // Neither can be read as before the other: alpha may run to the end of 2012, beta certainly runs from 2011-12-31.
    const e = errorOf(spells("alpha,0114,,2005-01-01,<=2012,src-a,", "beta,0114,,2010..2011,>=2012-12-31,src-a,"));
    expectAt(e, "spells.csv", 3, "from");
    expect(e.message).toContain("may be in two förbund at once");
  });

  it("rejects a predecessor that is never ended although its member has moved on", () => {
    // The Södra Norrbotten defect: the old förbund's spell runs on (">=2015-04") after the member joins the new one.
    const e = errorOf(spells("alpha,0114,,<=2005,>=2009-04,src-a,", "beta,0114,,2010,>=2012-12-31,src-a,"));
    expectAt(e, "spells.csv", 3, "from");
  });

  it("rejects a spell that ends before it starts", () => {
    expectAt(errorOf(spells("beta,0114,,2010-01-01,2009-12-31,src-a,")), "spells.csv", 2, "to");
  });

  it("rejects a förbund that ends before it is founded", () => {
    expectAt(errorOf(foerbund("alpha,en_kommun,01,2005-01-01,<=2004,,,src-a,", "beta,flera_kommuner,01,2010-01-01,,,,src-a,")), "foerbund.csv", 2, "ended");
  });

  it("rejects a member code that is not in the kommun list", () => {
    const e = errorOf(spells("beta,0999,,2010-01-01,>=2012-12-31,src-a,"));
    expectAt(e, "spells.csv", 2, "member_code");
    expect(e.location.value).toBe("0999");
  });

  it("rejects a member code that is not a 4-character string", () => {
    expectAt(errorOf(spells("beta,114,,2010-01-01,>=2012-12-31,src-a,")), "spells.csv", 2, "member_code");
  });

  it("rejects a source id that does not exist (spells, förbund, names)", () => {
    expectAt(errorOf(spells("beta,0114,,2010-01-01,>=2012-12-31,src-zz,")), "spells.csv", 2, "source_ids");
    expectAt(errorOf(foerbund("alpha,en_kommun,01,2005-01-01,2010-01-01,merged,beta,src-a,", "beta,flera_kommuner,01,2010-01-01,,,,src-a;nope,")), "foerbund.csv", 3, "source_ids");
    expectAt(errorOf({ "names.csv": [BASE_FIXTURE["names.csv"][0]!, "alpha,A,2005,2010,src-a", "beta,B,2010,>=2012,missing"] }), "names.csv", 3, "source_ids");
  });

  it("rejects a förbund, a name or a spell with no source", () => {
    expectAt(errorOf(foerbund("alpha,en_kommun,01,2005-01-01,2010-01-01,merged,beta,,", "beta,flera_kommuner,01,2010-01-01,,,,src-a,")), "foerbund.csv", 2, "source_ids");
    expectAt(errorOf({ "names.csv": [BASE_FIXTURE["names.csv"][0]!, "alpha,A,2005,2010,", "beta,B,2010,>=2012,src-a"] }), "names.csv", 2, "source_ids");
    expectAt(errorOf(spells("beta,0114,,2010-01-01,>=2012-12-31,,")), "spells.csv", 2, "source_ids");
  });

  it("rejects an unknown foerbund_id in spells and names", () => {
    expectAt(errorOf(spells("gamma,0114,,2010-01-01,>=2012-12-31,src-a,")), "spells.csv", 2, "foerbund_id");
    expectAt(errorOf({ "names.csv": [...BASE_FIXTURE["names.csv"], "gamma,Gamma,2010,>=2012,src-a"] }), "names.csv", 4, "foerbund_id");
  });

  it("rejects a successor id that does not exist", () => {
    expectAt(errorOf(foerbund("alpha,en_kommun,01,2005-01-01,2010-01-01,merged,omega,src-a,", "beta,flera_kommuner,01,2010-01-01,,,,src-a,")), "foerbund.csv", 2, "successor_ids");
  });

  it("rejects duplicate ids", () => {
    expectAt(errorOf(foerbund("alpha,en_kommun,01,2005-01-01,2010-01-01,,,src-a,", "alpha,flera_kommuner,01,2010-01-01,,,,src-a,")), "foerbund.csv", 3, "id");
    expectAt(errorOf({ "sources.csv": [...BASE_FIXTURE["sources.csv"], "src-a,Again,https://example.org/x,,,Q"] }), "sources.csv", 4, "id");
  });

  it("rejects an unknown source or a bad scope in complete_lists.csv", () => {
    expectAt(errorOf({ "complete_lists.csv": ["id,date,scope,source_id,note", "l1,2015-04,riket,nope,"] }), "complete_lists.csv", 2, "source_id");
    expectAt(errorOf({ "complete_lists.csv": ["id,date,scope,source_id,note", "l1,2015-04,sverige,src-a,"] }), "complete_lists.csv", 2, "scope");
  });

  it("rejects a förbund with no name", () => {
    expectAt(errorOf({ "names.csv": [BASE_FIXTURE["names.csv"][0]!, "alpha,Fixture Alpha,2005-01-01,2010-01-01,src-a"] }), "foerbund.csv", 3, "id");
  });

  it("rejects bad cells with the column named: date grammar, kind, länskod, end_reason without end", () => {
    expectAt(errorOf(spells("beta,0114,,ca 2010,>=2012-12-31,src-a,")), "spells.csv", 2, "from");
    expectAt(errorOf(spells("beta,0114,,2010,,src-a,")), "spells.csv", 2, "to");
    expectAt(errorOf(foerbund("alpha,kommunal,01,2005,2010,,,src-a,")), "foerbund.csv", 2, "kind");
    expectAt(errorOf(foerbund("alpha,en_kommun,1,2005,2010,,,src-a,")), "foerbund.csv", 2, "lan_codes");
    expectAt(errorOf(foerbund("alpha,en_kommun,01,2005,,merged,,src-a,")), "foerbund.csv", 2, "end_reason");
  });

  it("rejects a source without url or seed file, and an over-long quote", () => {
    expectAt(errorOf({ "sources.csv": [BASE_FIXTURE["sources.csv"][0]!, "src-a,A,,,,Q", "src-b,B,,seed.txt,1,Q"] }), "sources.csv", 2, "url");
    expectAt(errorOf({ "sources.csv": [...BASE_FIXTURE["sources.csv"], `src-c,C,https://example.org,,,${"x".repeat(301)}`] }), "sources.csv", 4, "quote");
  });

  it("names a missing file", () => {
    const dir = writeFixture();
    const e = (() => {
      try {
        loadRegistry(dir + "-does-not-exist", FIXTURE_KOMMUNER);
      } catch (err) {
        return err as DataInputError;
      }
      throw new Error("no error");
    })();
    expect(e).toBeInstanceOf(DataInputError);
    expect(e.message).toContain("sources.csv");
  });
});
