/**
 * Kolada v3 fetch against a local server answering in the documented shape:
 * paging across next_url, batches of at most 25 ids, ambiguous paging, a
 * changed schema, and nothing written when a part fails.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { batches, fetchKolada } from "../../src/pipeline/fetch/kolada";
import { runFetch } from "../../src/pipeline/fetch/index";
import { manifestSchema } from "../../src/pipeline/fetch/provenance";
import { fixture, json, startServer, testConfig, type LocalServer, type Route } from "./server";

let server: LocalServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());
beforeEach(() => (server.seen.length = 0));

/** Answers /kpi, /municipality and /data; `data` decides the data pages. */
function kolada(data: Route, kpiIds?: string[], munIds?: string[]): Route {
  return (req, res, base) => {
    const path = req.path.replace(/^\/kolada\/v3/, "");
    if (path.startsWith("/kpi/")) {
      const ids = decodeURIComponent(path.slice(5).split("?")[0]!).split(",");
      const meta = fixture("kolada-kpi.json").values[0];
      return json(res, 200, { values: ids.map((id) => ({ ...meta, id })), next_url: "" });
    }
    if (path.startsWith("/municipality")) {
      if (!munIds) return json(res, 200, fixture("kolada-municipality.json"));
      return json(res, 200, { values: munIds.map((id) => ({ id, title: `Kommun ${id}`, type: "K" })), next_url: "" });
    }
    if (path.startsWith("/data/") || path.startsWith("/oudata/")) return data(req, res, base);
    json(res, 404, { error: "unknown path" });
  };
}

const dataPage = (values: unknown[], next?: string | null) => ({ values, ...(next === undefined ? {} : { next_url: next }) });
const row = (kpi: string, municipality: string, period: number) => ({ kpi, municipality, period, values: [{ gender: "T", count: 1, status: "", value: 10 }] });

describe("Kolada v3 fetch", () => {
  it("splits id lists into batches of at most 25", () => {
    expect(batches(Array.from({ length: 51 }, (_, i) => i)).map((b) => b.length)).toEqual([25, 25, 1]);
  });

  it("follows next_url across pages and keeps every page with its URL and sha256", async () => {
    server.route = kolada((req, res, base) => {
      if (req.path.includes("page=2")) return json(res, 200, dataPage([row("N00957", "0115", 2023)], ""));
      json(res, 200, dataPage([row("N00957", "0114", 2023)], `${base}/kolada/v3/data/kpi/N00957/municipality/0000,0001,0114,0115?per_page=5000&page=2`));
    });
    const out = await fetchKolada(testConfig(server.base), { kpis: ["N00957"] });
    const dataFiles = out.files.filter((f) => f.path.startsWith("data/"));
    expect(dataFiles.map((f) => f.path)).toEqual(["data/k001-m001-p001.json", "data/k001-m001-p002.json"]);
    expect(dataFiles[1]!.url).toContain("page=2");
    expect(dataFiles.every((f) => /^[0-9a-f]{64}$/.test(f.sha256) && f.retrieved_at && f.method === "GET")).toBe(true);
    // Riket 0000 is asked for even when /municipality does not list it; the group G37329 is not.
    expect(server.seen.find((s) => s.path.includes("/data/"))!.path).toContain("/municipality/0000,0001,0114,0115?");
  });

  it("asks for at most 25 KPIs and 25 municipalities per path segment", async () => {
    const kpis = Array.from({ length: 27 }, (_, i) => `N${String(10000 + i)}`);
    const muns = Array.from({ length: 30 }, (_, i) => String(1000 + i));
    server.route = kolada((_req, res) => json(res, 200, dataPage([], "")), undefined, muns);
    const out = await fetchKolada(testConfig(server.base), { kpis });
    const dataPaths = server.seen.filter((s) => s.path.includes("/data/")).map((s) => decodeURIComponent(s.path));
    expect(dataPaths).toHaveLength(2 * 2);
    for (const p of dataPaths) {
      const [, kpiSeg, munSeg] = /\/kpi\/([^/]+)\/municipality\/([^?]+)/.exec(p)!;
      expect(kpiSeg!.split(",").length).toBeLessThanOrEqual(25);
      expect(munSeg!.split(",").length).toBeLessThanOrEqual(25);
    }
    // All 27 KPIs and 31 areas (30 + riket) are covered exactly once.
    const kpiSegs = new Set(dataPaths.map((p) => /\/kpi\/([^/]+)\//.exec(p)![1]));
    expect([...kpiSegs].flatMap((s) => s!.split(",")).sort()).toEqual([...kpis].sort());
    expect(server.seen.filter((s) => s.path.startsWith("/kolada/v3/kpi/")).length).toBe(2);
    expect(out.notes[0]).toContain("31 areas");
  });

  it("asks /oudata by year for KPIs whose metadata says has_ou_data, and keeps the pages", async () => {
    server.route = (req, res, base) => {
      if (req.path.startsWith("/kolada/v3/kpi/")) return json(res, 200, fixture("kolada-kpi.json"));
      kolada((_r, s) => json(s, 200, dataPage([], "")))(req, res, base);
    };
    const out = await fetchKolada(testConfig(server.base), { kpis: ["N00957", "U40460"] });
    const ou = server.seen.filter((s) => s.path.includes("/oudata/")).map((s) => decodeURIComponent(s.path));
    // 2010–2024 is 15 years: one batch.
    expect(ou).toEqual(["/kolada/v3/oudata/kpi/U40460/year/" + Array.from({ length: 15 }, (_, i) => 2010 + i).join(",") + "?per_page=5000"]);
    expect(out.files.map((f) => f.path)).toContain("oudata/k001-y001-p001.json");
  });

  it("checks each /oudata row: a row without the unit's id (ou) fails naming the field", async () => {
    server.route = (req, res, base) => {
      if (req.path.startsWith("/kolada/v3/kpi/")) return json(res, 200, fixture("kolada-kpi.json"));
      if (req.path.includes("/oudata/")) return json(res, 200, dataPage([{ kpi: "U40460", municipality: "0114", period: 2024, values: [] }], ""));
      kolada((_r, s) => json(s, 200, dataPage([], "")))(req, res, base);
    };
    await expect(fetchKolada(testConfig(server.base), { kpis: ["N00957", "U40460"] })).rejects.toThrow(/\/oudata\/kpi\/U40460\/year\/.*field missing at values\[0\]\.ou/);
  });

  it("passes --since to Kolada as from_date", async () => {
    server.route = kolada((_req, res) => json(res, 200, dataPage([], "")));
    await fetchKolada(testConfig(server.base), { kpis: ["N00957"], since: "2026-06-01" });
    expect(server.seen.find((s) => s.path.includes("/data/"))!.path).toContain("from_date=2026-06-01");
  });

  it("fails loudly on a full page without next_url, and on v2's next_page alone", async () => {
    const cfg = testConfig(server.base, { koladaPerPage: 2 });
    server.route = kolada((_req, res) => json(res, 200, dataPage([row("N00957", "0114", 2023), row("N00957", "0115", 2023)])), undefined, ["0114"]);
    await expect(fetchKolada(cfg, { kpis: ["N00957"] })).rejects.toThrow(/\/data\/kpi\/N00957\/municipality\/.*\(HTTP 200\): a full page \(2 rows\) without next_url/);
    server.route = kolada((_req, res) => json(res, 200, { values: [row("N00957", "0114", 2023)], next_page: 2 }), undefined, ["0114"]);
    await expect(fetchKolada(cfg, { kpis: ["N00957"] })).rejects.toThrow(/next_page \(Kolada v2 paging\) but no next_url/);
  });

  it("fails on a paging loop and on a next_url that leaves the configured base", async () => {
    server.route = kolada((req, res, base) => json(res, 200, dataPage([], `${base}${req.path}`)));
    await expect(fetchKolada(testConfig(server.base), { kpis: ["N00957"] })).rejects.toThrow(/paging loop/);
    server.route = kolada((_req, res) => json(res, 200, dataPage([], "https://example.org/v3/data?page=2")));
    await expect(fetchKolada(testConfig(server.base), { kpis: ["N00957"] })).rejects.toThrow(/leaves the configured base/);
  });

  it("names the URL and the missing field when the response schema changed", async () => {
    const broken = { kpi: "N00957", municipality: "0114", period: 2023, values: [{ gender: "T", count: 1, status: "" }] };
    server.route = kolada((_req, res) => json(res, 200, dataPage([row("N00957", "0115", 2023), broken], "")));
    await expect(fetchKolada(testConfig(server.base), { kpis: ["N00957"] })).rejects.toThrow(
      /kolada\/v3\/data\/kpi\/N00957\/.*\(HTTP 200\): field missing at values\[1\]\.values\[0\]\.value/,
    );
  });

  it("fails when Kolada has no metadata for a KPI asked for", async () => {
    server.route = (req, res) => (req.path.includes("/kpi/") ? json(res, 200, { values: [], next_url: "" }) : json(res, 404, {}));
    await expect(fetchKolada(testConfig(server.base), { kpis: ["U40469"] })).rejects.toThrow(/no metadata for U40469/);
  });

  it("writes nothing when a later part fails, and leaves the previous download as it was", async () => {
    const to = mkdtempSync(join(tmpdir(), "fetch-"));
    mkdirSync(join(to, "kolada-v3"));
    writeFileSync(join(to, "kolada-v3", "manifest.json"), "previous");
    server.route = (req, res, base) => {
      if (req.path.startsWith("/fk/")) return json(res, 500, { error: "down" });
      kolada((_r, s) => json(s, 200, fixture("kolada-data.json")))(req, res, base);
    };
    await expect(runFetch(testConfig(server.base), { to, only: ["kolada", "fk"], kommunkoder: [], kpis: ["N00957"] })).rejects.toThrow(/fk\/v1\/ohm-ohalsotal\/SJPohttal\.xlsx \(HTTP 500\)/);
    expect(readFileSync(join(to, "kolada-v3", "manifest.json"), "utf8")).toBe("previous");
    expect(readdirSync(to)).toEqual(["kolada-v3"]);
  });

  it("writes the responses byte for byte with a manifest when every part succeeds", async () => {
    const to = mkdtempSync(join(tmpdir(), "fetch-"));
    server.route = kolada((_r, s) => json(s, 200, fixture("kolada-data.json")));
    await runFetch(testConfig(server.base), { to, only: ["kolada"], kommunkoder: [], kpis: ["N00957", "U40460"] });
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(to, "kolada-v3", "manifest.json"), "utf8")));
    expect(manifest.licence).toMatch(/Kolada/);
    expect(manifest.files.every((f) => f.licence === manifest.licence && f.retrieved_at && /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    for (const f of manifest.files) expect(existsSync(join(to, "kolada-v3", f.path))).toBe(true);
    const page = manifest.files.find((f) => f.path.startsWith("data/"))!;
    expect(readFileSync(join(to, "kolada-v3", page.path), "utf8")).toBe(JSON.stringify(fixture("kolada-data.json")));
  });
});
