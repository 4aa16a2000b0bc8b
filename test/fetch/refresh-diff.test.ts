/** The refresh pull request's summary: rows added, removed and changed per dataset, new years, values that moved. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffDatasets, formatDiff } from "../../scripts/refresh-diff";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "diff-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const HEADER = "kpi,level,code,year,sex,value,status,note\n";

describe("refresh diff", () => {
  it("counts added, removed and changed rows, new years and the values that moved", () => {
    const before = folder({ "ohalsotal.csv": HEADER + "N00957,kommun,0114,2021,T,20.1,published,\nN00957,kommun,0114,2022,T,21,published,\nN00957,kommun,0115,2022,T,19,published,\n", "same.csv": "a,b\n1,2\n" });
    const after = folder({ "ohalsotal.csv": HEADER + "N00957,kommun,0114,2021,T,20.1,published,\nN00957,kommun,0114,2022,T,21.4,published,\nN00957,kommun,0114,2023,T,22,published,\nN00957,kommun,0114,2024,T,,not_published,x\n", "same.csv": "a,b\n1,2\n" });
    const changes = diffDatasets(before, after);
    expect(changes).toEqual([
      { file: "ohalsotal.csv", added: 2, removed: 1, changed: 1, newYears: [2023, 2024], moves: [{ key: "N00957|kommun|0114|2022|T", before: "21", after: "21.4" }] },
    ]);
    const md = formatDiff(changes, "Datamängder");
    expect(md).toContain("| `ohalsotal.csv` | 2 | 1 | 1 | 2023, 2024 |");
    expect(md).toContain("- `ohalsotal.csv` N00957|kommun|0114|2022|T: 21 → 21.4");
    expect(formatDiff(diffDatasets(before, before), "X")).toBe("### X\n\nInga ändringar.\n");
  });

  it("lists a dataset that is new after the refresh", () => {
    const changes = diffDatasets(folder({}), folder({ "values/u40460.csv": HEADER + "U40460,kommun,0114,2024,T,81,published,\n" }));
    expect(changes).toEqual([{ file: "values/u40460.csv", added: 1, removed: 0, changed: 0, newYears: [2024], moves: [] }]);
  });
});
