/** The name in force on a date, for year pages and rankings. FIXTURE names shaped like Umeåregionen's. */
import { describe, expect, it } from "vitest";
import { nameInForce } from "../../src/site/foerbund/dates";

const names = [
  { name: "Umeå", from: "2005-05", to: "2011..2015-04" },
  { name: "Umeå-Vännäs", from: "2011..2015-04", to: "2015-04..2023-03-14" },
  { name: "Umeåregionen", from: "2015-05..2023-03-14", to: ">=2023-03-14" },
];

describe("nameInForce", () => {
  it("uses the name proven in use, else the latest-starting possible name", () => {
    expect(nameInForce(names, "2008-12-31")).toBe("Umeå");
    expect(nameInForce(names, "2015-04-30")).toBe("Umeå-Vännäs");
    expect(nameInForce(names, "2019-12-31")).toBe("Umeåregionen");
    expect(nameInForce(names, "2024-12-31")).toBe("Umeåregionen");
  });
  it("is null before any name", () => {
    expect(nameInForce(names, "2004-12-31")).toBeNull();
  });
});
