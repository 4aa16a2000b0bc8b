/**
 * The maintainer's two commands for SCB and Försäkringskassan, end to end
 * against a local server answering in the documented shapes (constructed in
 * test code, not real data):
 *   npm run fetch -- --to X --only scb,fk
 *   npm run import -- --from X --out <snapshot> --only fk-live,scb-live
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FK_TABLES } from "../../src/pipeline/fetch/fk";
import { SCB_AGES } from "../../src/pipeline/fetch/scb";
import { SCB_CIVILSTAND } from "../../src/pipeline/import/scb-live";
import { provenanceSchema } from "../../src/pipeline/schema";
import { json, startServer, type LocalServer } from "../fetch/server";
import { fkWorkbook } from "./fk-fixture";

const run = promisify(execFile);
const tsx = (args: string[], env: NodeJS.ProcessEnv = {}) => run(process.execPath, ["--import", "tsx", ...args], { env: { ...process.env, ...env } });
const ALL = "Samtliga 16-64 år";

/** TAB638 in JSON-stat 2.0 for the regions asked, year 2023, every cell 1 person (made up). */
function scbAnswer(body: string) {
  const regions: string[] = JSON.parse(body).selection.find((s: { variableCode: string }) => s.variableCode === "Region").valueCodes;
  const index = (codes: readonly string[]) => ({ category: { index: Object.fromEntries(codes.map((c, i) => [c, i])) } });
  const size = [regions.length, SCB_CIVILSTAND.length, SCB_AGES.length, 2, 1, 1];
  return {
    _fixture: "CONSTRUCTED from the documented JSON-stat 2.0 shape of SCB PxWebApi 2.0 TAB638; values made up.",
    id: ["Region", "Civilstand", "Alder", "Kon", "ContentsCode", "Tid"], size,
    dimension: { Region: index(regions), Civilstand: index(SCB_CIVILSTAND), Alder: index(SCB_AGES), Kon: index(["1", "2"]), ContentsCode: index(["BE0101N1"]), Tid: index(["2023"]) },
    value: new Array(size.reduce((a, b) => a * b, 1)).fill(1),
  };
}

function sendXlsx(res: ServerResponse, path: string): void {
  const t = FK_TABLES.find((x) => path.endsWith(`/${x.dataset}/${x.table}.xlsx`))!;
  const bytes = fkWorkbook(t, [
    [2022, 12, "01 Stockholms län", "0114 Upplands Väsby", "Kvinnor och män", ALL, 20.4],
    [2023, 12, "01 Stockholms län", "0114 Upplands Väsby", "Kvinnor och män", ALL, 21.0],
  ]);
  res.writeHead(200, { "content-length": bytes.length });
  res.end(bytes);
}

let server: LocalServer;
beforeAll(async () => {
  server = await startServer();
  server.route = (req, res) => (req.path.startsWith("/scb/") ? json(res, 200, scbAnswer(req.body)) : sendXlsx(res, req.path));
});
afterAll(() => server.close());

describe("fetch and import for SCB and Försäkringskassan", { timeout: 180_000 }, () => {
  it("fetches both into a folder and imports them as sealed fk-live and scb-live folders", async () => {
    const to = mkdtempSync(join(tmpdir(), "cli-fkscb-"));
    const areas = join(to, "kommuner.csv");
    writeFileSync(areas, "kommunkod,name,lanskod\n0114,Upplands Väsby,01\n0115,Vallentuna,01\n");
    const env = { FINSAM_SCB_BASE: `${server.base}/scb/api/v2`, FINSAM_FK_BASE: `${server.base}/fk/v1` };
    const fetched = await tsx(["scripts/fetch.ts", "--to", to, "--only", "scb,fk", "--areas", areas], env);
    expect(fetched.stdout).toMatch(/fetched scb: 1 files[\s\S]*fetched fk: 2 files/);

    const snap = mkdtempSync(join(tmpdir(), "cli-fkscb-snap-"));
    cpSync("data/snapshot/areas", join(snap, "areas"), { recursive: true });
    mkdirSync(join(snap, "kolada", "values"), { recursive: true });
    // The archive's 2022 value agrees with the made-up workbook at one decimal, so the cross-check passes.
    writeFileSync(join(snap, "kolada", "values", "n00957.csv"), "kpi,level,code,year,sex,value,status,note\nN00957,kommun,0114,2022,T,20.44,published,\n");
    const imported = await tsx(["scripts/import.ts", "--from", to, "--out", snap, "--only", "fk-live,scb-live"]);
    expect(imported.stdout).toContain("imported fk-live: 4 values");
    expect(imported.stdout).toContain("imported scb-live: 12 values");
    for (const source of ["fk-live", "scb-live"]) {
      const prov = provenanceSchema.parse(JSON.parse(readFileSync(join(snap, source, "provenance.json"), "utf8")));
      expect(prov.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256 ?? ""))).toBe(true);
    }
    // 4 marital statuses × 4 ages × 2 sexes, one person each.
    expect(readFileSync(join(snap, "scb-live", "values", "n01954.csv"), "utf8")).toContain("N01954,kommun,0114,2023,T,32,published");
    expect(readFileSync(join(snap, "fk-live", "provenance.json"), "utf8")).toContain("Kontroll mot Kolada N00957: 1 värden finns i båda");
  });

  it("writes nothing when the cross-check fails", async () => {
    const to = mkdtempSync(join(tmpdir(), "cli-fkscb-"));
    await tsx(["scripts/fetch.ts", "--to", to, "--only", "fk"], { FINSAM_FK_BASE: `${server.base}/fk/v1` });
    const snap = mkdtempSync(join(tmpdir(), "cli-fkscb-snap-"));
    cpSync("data/snapshot/areas", join(snap, "areas"), { recursive: true });
    mkdirSync(join(snap, "kolada", "values"), { recursive: true });
    writeFileSync(join(snap, "kolada", "values", "n00957.csv"), "kpi,level,code,year,sex,value,status,note\nN00957,kommun,0114,2022,T,19.9,published,\n");
    const err = await tsx(["scripts/import.ts", "--from", to, "--out", snap, "--only", "fk-live"]).catch((e: { stderr: string }) => e);
    expect((err as { stderr: string }).stderr).toContain("import failed, nothing written: fk/ohm-ohalsotal/SJPohttal.xlsx, sheet \"Blad1\", row 4, column \"G4 (Ohälsotalet)\", value 20.4: Försäkringskassan gives 20.4");
    expect(existsSync(join(snap, "fk-live"))).toBe(false);
  });
});
