/** The deltagare snapshot is checked against its provenance like every other snapshot folder. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadParticipants } from "../../src/pipeline/participants";

const tmp = mkdtempSync(join(tmpdir(), "finsam-deltagare-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function copy(name: string): string {
  const dir = join(tmp, name);
  cpSync("data/snapshot/deltagare", join(dir, "deltagare"), { recursive: true });
  return dir;
}

describe("data/snapshot/deltagare", () => {
  it("loads as committed", () => {
    expect(loadParticipants("data/snapshot").national.length).toBeGreaterThan(0);
  });

  it("fails naming the file when a committed value was changed by hand", () => {
    const dir = copy("edited");
    const file = join(dir, "deltagare/national.csv");
    writeFileSync(file, readFileSync(file, "utf8").replace("28381", "28382"));
    expect(() => loadParticipants(dir)).toThrow(/deltagare\/national\.csv.*the file differs from what the importer wrote/);
  });

  it("fails naming the first missing line when a committed file was cut", () => {
    const dir = copy("cut");
    const file = join(dir, "deltagare/national.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    writeFileSync(file, lines.slice(0, 10).join("\n") + "\n");
    expect(() => loadParticipants(dir)).toThrow(/national\.csv, row 11: .*has 10 lines where 52 were written \(cut\?\)/);
  });
});
