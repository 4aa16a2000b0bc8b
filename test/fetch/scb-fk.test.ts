/**
 * SCB PxWebApi 2.0 (TAB638 population) and Försäkringskassan (xlsx files)
 * against a local server answering in the documented shapes.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ServerResponse } from "node:http";
import { fetchFk, FK_TABLES } from "../../src/pipeline/fetch/fk";
import { fkWorkbook } from "../import/fk-fixture";
import { fetchScb, SCB_AGES } from "../../src/pipeline/fetch/scb";
import { fixture, json, startServer, testConfig, type LocalServer } from "./server";

let server: LocalServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());
beforeEach(() => (server.seen.length = 0));

/** A JSON-stat answer with exactly the regions asked for (the rest of the fixture's dimensions). */
function scbAnswer(body: string) {
  const regions: string[] = JSON.parse(body).selection.find((s: { variableCode: string }) => s.variableCode === "Region").valueCodes;
  const base = fixture("scb-tab638.json");
  const size = [regions.length, 1, 2, 2, 1, 1];
  return { ...base, size, dimension: { ...base.dimension, Region: { label: "region", category: { index: Object.fromEntries(regions.map((r, i) => [r, i])) } } }, value: Array.from({ length: size.reduce((a, b) => a * b, 1) }, (_, i) => 100 + i) };
}

describe("SCB fetch", () => {
  it("posts a TAB638 selection per batch of regions, each under the cell limit", async () => {
    server.route = (req, res) => json(res, 200, scbAnswer(req.body));
    const kommuner = Array.from({ length: 20 }, (_, i) => String(114 + i).padStart(4, "0"));
    // 3 years (2022–2024) × 4 marital statuses × 49 ages × 2 sexes = 1 176 cells per region → 8 regions per call.
    const out = await fetchScb(testConfig(server.base, { scbMaxCells: 10_000 }), kommuner);
    expect(server.seen.map((s) => s.path)).toEqual(Array(3).fill("/scb/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2"));
    const selections = server.seen.map((s) => JSON.parse(s.body).selection);
    expect(selections.map((sel) => sel[0].valueCodes.length)).toEqual([8, 8, 4]);
    expect(selections[0][0]).toMatchObject({ variableCode: "Region", codeList: "vs_RegionKommun07" });
    expect(selections[0].find((s: { variableCode: string }) => s.variableCode === "Alder").valueCodes).toEqual(SCB_AGES);
    expect(selections[0].find((s: { variableCode: string }) => s.variableCode === "Tid").valueCodes).toEqual(["FROM(2022)"]);
    expect(out.files.map((f) => [f.path, f.method, f.request_body !== null])).toEqual([
      ["data/regions-001.json", "POST", true],
      ["data/regions-002.json", "POST", true],
      ["data/regions-003.json", "POST", true],
    ]);
  });

  it("fails clearly when a dimension is missing (changed schema) or the cells do not add up (truncated)", async () => {
    server.route = (req, res) => {
      const a = scbAnswer(req.body);
      json(res, 200, { ...a, id: a.id.filter((d: string) => d !== "Alder") });
    };
    await expect(fetchScb(testConfig(server.base), ["0114"])).rejects.toThrow(/TAB638\/data\?lang=sv&outputFormat=json-stat2 \(HTTP 200\): field missing: dimension Alder/);
    server.route = (req, res) => json(res, 200, { ...scbAnswer(req.body), value: [1, 2] });
    await expect(fetchScb(testConfig(server.base), ["0114"])).rejects.toThrow(/value has 2 cells but size \[1, 1, 2, 2, 1, 1\] says 4: truncated answer\?/);
    server.route = (req, res) => json(res, 200, { ...scbAnswer(req.body), dimension: undefined });
    await expect(fetchScb(testConfig(server.base), ["0114"])).rejects.toThrow(/not JSON-stat 2.0 as documented: dimension:/);
  });

  it("fails when the answer lacks a region that was asked for", async () => {
    server.route = (req, res) => json(res, 200, scbAnswer(JSON.stringify({ selection: [{ variableCode: "Region", valueCodes: ["0114"] }] })));
    await expect(fetchScb(testConfig(server.base), ["0114", "0115"])).rejects.toThrow(/lacks regions 0115/);
  });
});

describe("Försäkringskassan fetch", () => {
  /** Workbooks constructed in test code from the documented layout (test/import/fk-fixture.ts), not real files. */
  const workbook = (path: string, header?: string[]) => {
    const t = FK_TABLES.find((x) => path.endsWith(`/${x.dataset}/${x.table}.xlsx`))!;
    return fkWorkbook(t, [[2024, 12, "01 Stockholms län", "0114 Upplands Väsby", "Kvinnor och män", "Samtliga 16-64 år", 21.5]], { header });
  };
  const send = (res: ServerResponse, bytes: Buffer) => {
    res.writeHead(200, { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-length": bytes.length });
    res.end(bytes);
  };

  it("downloads both documented xlsx files as they are", async () => {
    server.route = (req, res) => send(res, workbook(req.path));
    const out = await fetchFk(testConfig(server.base));
    expect(server.seen.map((s) => s.path)).toEqual(["/fk/v1/ohm-ohalsotal/SJPohttal.xlsx", "/fk/v1/ohm-sjptal/SJPsjptal.xlsx"]);
    expect(out.files.map((f) => f.path)).toEqual(["ohm-ohalsotal/SJPohttal.xlsx", "ohm-sjptal/SJPsjptal.xlsx"]);
    expect(Buffer.from(out.tree.get("ohm-ohalsotal/SJPohttal.xlsx") as Uint8Array).equals(workbook("/ohm-ohalsotal/SJPohttal.xlsx"))).toBe(true);
  });

  it("fails naming the URL and the column when the header changed, and when the body is not a workbook", async () => {
    server.route = (req, res) => send(res, workbook(req.path, ["År", "Månad", "Län", "Kommunnamn", "Kön", "Ålder", "Ohälsotalet"]));
    await expect(fetchFk(testConfig(server.base))).rejects.toThrow(/fk\/v1\/ohm-ohalsotal\/SJPohttal\.xlsx \(HTTP 200\): ohm-ohalsotal\/SJPohttal\.xlsx, sheet "Blad1", row 3, column "Kommun": column not found/);
    server.route = (req, res) => send(res, workbook(req.path).subarray(0, 200));
    await expect(fetchFk(testConfig(server.base))).rejects.toThrow(/SJPohttal\.xlsx \(HTTP 200\): ohm-ohalsotal\/SJPohttal\.xlsx: not a zip archive/);
  });
});
