import { describe, expect, it } from "vitest";
import { codeColumns, readSnippets, type SnippetResource } from "../../src/site/data-snippets";
import { datapackage } from "../../src/site/data";
import { formatBytes } from "../../src/site/format";

// A resource in the shape datapackage.json has; columns as in the published ohalsotal.
const OHALSOTAL: SnippetResource = {
  name: "ohalsotal",
  path: "ohalsotal.csv",
  schema: { fields: ["kpi", "level", "code", "name", "year", "sex", "value", "status", "note"].map((name) => ({ name, type: name === "year" ? "integer" : name === "value" ? "number" : "string" })) },
};
const URL = "https://finsam-i-siffror.example/data/ohalsotal.csv";

describe("read snippets on the data page", () => {
  const s = readSnippets(OHALSOTAL, URL);
  it("read the code column as text in each language, and nothing else forced", () => {
    expect(s.python).toBe(`import pandas as pd\nohalsotal = pd.read_csv("${URL}", dtype={"code": str})`);
    expect(s.r).toBe(`ohalsotal <- read.csv("${URL}", encoding = "UTF-8", colClasses = c(code = "character"))`);
    expect(s.duckdb).toBe(`SELECT * FROM read_csv('${URL}', header = true, types = {'code': 'VARCHAR'});`);
  });
  it("make an identifier R and Python accept from a hyphenated name", () => {
    expect(readSnippets({ ...OHALSOTAL, name: "forbund-indikatorer" }, URL).python).toContain("forbund_indikatorer = pd.read_csv(");
  });
  it("find every code column of the published datasets, and only text ones", () => {
    const pkg = datapackage();
    const found = Object.fromEntries(pkg.resources.filter((r) => r.schema).map((r) => [r.name, codeColumns({ name: r.name, path: r.path, schema: r.schema! })]));
    expect(found["kommuner"]).toEqual(["kommunkod", "lanskod"]);
    expect(found["ohalsotal"]).toEqual(["code"]);
    expect(found["medlemsstatus-per-datum"]).toEqual(["kommunkod"]);
    for (const r of pkg.resources.filter((x) => x.schema))
      for (const f of r.schema!.fields) if (/kod$|(^|_)code$/.test(f.name)) expect(found[r.name], `${r.name}.${f.name}`).toContain(f.name);
  });
});

describe("file sizes", () => {
  it("are written in decimal units, Swedish style", () => {
    expect(formatBytes(448)).toBe("448 byte");
    expect(formatBytes(11_961)).toBe("12 kB");
    expect(formatBytes(8_177_730)).toBe("8,2 MB");
  });
});
