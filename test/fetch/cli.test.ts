/**
 * The two commands a maintainer runs, end to end against a local server:
 * `npm run fetch -- --to X --only kolada` then
 * `npm run import -- --from X --out <snapshot> --only kolada-live`.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture, json, startServer, type LocalServer } from "./server";

const run = promisify(execFile);
// node --import tsx, not npx: npx resolution costs seconds per call on a busy machine.
const tsx = (args: string[], env: NodeJS.ProcessEnv = {}) => run(process.execPath, ["--import", "tsx", ...args], { env: { ...process.env, ...env } });

let server: LocalServer;
beforeAll(async () => {
  server = await startServer();
  server.route = (req, res) => {
    const path = req.path.replace(/^\/kolada\/v3/, "");
    if (path.startsWith("/kpi/")) {
      const ids = decodeURIComponent(path.slice(5).split("?")[0]!).split(",");
      return json(res, 200, { values: ids.map((id) => ({ ...fixture("kolada-kpi.json").values[0], id })), next_url: "" });
    }
    if (path.startsWith("/municipality")) return json(res, 200, fixture("kolada-municipality.json"));
    json(res, 200, fixture("kolada-data.json"));
  };
});
afterAll(() => server.close());

// Each case starts Node with tsx once or twice; on a loaded 2-core machine that takes a while.
describe("fetch and import commands", { timeout: 120_000 }, () => {
  it("--help documents the command", async () => {
    const { stdout } = await tsx(["scripts/fetch.ts", "--help"]);
    for (const word of ["--to <folder>", "--only", "--since", "kolada-v3/", "scb-v2/", "fk/", "manifest.json", "FINSAM_KOLADA_BASE"]) expect(stdout).toContain(word);
  });

  it("fetches into a folder and imports it as kolada-live next to a copy of the archive snapshot", async () => {
    const to = mkdtempSync(join(tmpdir(), "cli-fetch-"));
    const { stdout } = await tsx(["scripts/fetch.ts", "--to", to, "--only", "kolada"], { FINSAM_KOLADA_BASE: `${server.base}/kolada/v3` });
    expect(stdout).toMatch(/fetched kolada: \d+ files/);
    const snap = mkdtempSync(join(tmpdir(), "cli-snap-"));
    // The fixture's two kommuner only: the import checks that every kommun has a row.
    mkdirSync(join(snap, "areas"), { recursive: true });
    writeFileSync(join(snap, "areas", "kommuner.csv"), "kommunkod,name,lanskod\n0114,Upplands Väsby,01\n0115,Vallentuna,01\n");
    writeFileSync(join(snap, "areas", "lan.csv"), "lanskod,name\n01,Stockholms län\n");
    mkdirSync(join(snap, "kolada", "values"), { recursive: true });
    // The archive's real 2022 rows would disagree with the made-up fixture, so this archive has only 2021.
    writeFileSync(join(snap, "kolada", "values", "n00957.csv"), "kpi,level,code,year,sex,value,status,note\nN00957,kommun,0114,2021,T,20,published,\n");
    const imported = await tsx(["scripts/import.ts", "--from", to, "--out", snap, "--only", "kolada-live"]);
    expect(imported.stdout).toMatch(/imported kolada-live: 14 values/);
    expect(readFileSync(join(snap, "kolada-live", "values", "n00957.csv"), "utf8")).toContain("N00957,kommun,0114,2022,T,22.14,published,,data/k001-m001-p001.json");
    // Sealed as the other sources are, so load.ts accepts it: every written file listed with its sha256.
    const provenance = JSON.parse(readFileSync(join(snap, "kolada-live", "provenance.json"), "utf8")) as { files: Array<{ path: string; sha256?: string }> };
    expect(provenance.files.map((f) => f.path)).toEqual(expect.arrayContaining(["deltagarbedomning.csv", "kpi-metadata.csv", "sources.csv", "values/n00957.csv"]));
    expect(provenance.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256 ?? ""))).toBe(true);
  });

  it("refuses to import an incremental (--since) fetch, writing nothing", async () => {
    const to = mkdtempSync(join(tmpdir(), "cli-fetch-"));
    await tsx(["scripts/fetch.ts", "--to", to, "--only", "kolada", "--since", "2026-06-01"], { FINSAM_KOLADA_BASE: `${server.base}/kolada/v3` });
    const snap = mkdtempSync(join(tmpdir(), "cli-snap-"));
    cpSync("data/snapshot/areas", join(snap, "areas"), { recursive: true });
    const err = await tsx(["scripts/import.ts", "--from", to, "--out", snap, "--only", "kolada-live"]).catch((e: { stderr: string }) => e);
    expect((err as { stderr: string }).stderr).toContain('import failed, nothing written: kolada-v3/manifest.json, column "since", value "2026-06-01": an incremental fetch (--since) cannot be imported');
    expect(existsSync(join(snap, "kolada-live"))).toBe(false);
  });
});
