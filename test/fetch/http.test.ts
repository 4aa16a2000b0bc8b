/**
 * Retries, backoff, timeouts and error messages of the fetch stage's HTTP,
 * against a local server on 127.0.0.1.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FetchError, httpRequest, parseJsonBody, rateLimiter } from "../../src/pipeline/fetch/http";
import { json, startServer, type LocalServer } from "./server";

let server: LocalServer;
beforeAll(async () => (server = await startServer()));
afterAll(() => server.close());
beforeEach(() => (server.seen.length = 0));

function options(waits: number[] = []) {
  return { timeoutMs: 1_000, retries: 3, backoffMs: 100, sleep: async (ms: number) => void waits.push(ms) };
}

describe("fetch HTTP", () => {
  it("retries after 429 and succeeds, backing off (Retry-After wins when longer)", async () => {
    let calls = 0;
    server.route = (_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(429, { "retry-after": "2" });
        return res.end("slow down");
      }
      if (calls === 2) return json(res, 503, { error: "busy" });
      json(res, 200, { values: [] });
    };
    const waits: number[] = [];
    const res = await httpRequest({ url: `${server.base}/x` }, options(waits));
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(3);
    expect(waits).toEqual([2000, 200]);
  });

  it("gives up on a steady 500 after the configured attempts, naming URL and status", async () => {
    server.route = (_req, res) => json(res, 500, { error: "internal" });
    const err = await httpRequest({ url: `${server.base}/always-500` }, options()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).status).toBe(500);
    expect((err as Error).message).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/always-500 \(HTTP 500\): gave up after 4 attempts; last answer: .*internal/);
    expect(server.seen).toHaveLength(4);
  });

  it("does not retry a 404 (the request itself is wrong)", async () => {
    server.route = (_req, res) => json(res, 404, { error: "no such KPI" });
    await expect(httpRequest({ url: `${server.base}/missing` }, options())).rejects.toThrow(/\/missing \(HTTP 404\): the publisher refused the request/);
    expect(server.seen).toHaveLength(1);
  });

  it("reports a truncated JSON body with the URL", async () => {
    const text = JSON.stringify({ values: [{ kpi: "N00957", municipality: "0114", period: 2023, values: [] }], next_url: "" });
    server.route = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(text.slice(0, 40));
    };
    const res = await httpRequest({ url: `${server.base}/cut` }, options());
    expect(() => parseJsonBody(res)).toThrow(/\/cut \(HTTP 200\): the body is not complete JSON \(40 bytes; .*\); truncated answer\?/);
  });

  it("treats a connection cut before the announced length as a network error, retried then reported", async () => {
    server.route = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write('{"values": [');
      setTimeout(() => res.socket?.destroy(), 10);
    };
    await expect(httpRequest({ url: `${server.base}/cut-socket` }, options())).rejects.toThrow(/\/cut-socket: gave up after 4 attempts; last answer: network error/);
    expect(server.seen).toHaveLength(4);
  });

  it("times out a request that never answers", async () => {
    server.route = () => {};
    await expect(httpRequest({ url: `${server.base}/silent` }, { ...options(), timeoutMs: 50, retries: 1 })).rejects.toThrow(/\/silent: gave up after 2 attempts; last answer: no complete answer within 50 ms/);
  });

  it("spaces calls to at most N per window", async () => {
    let clock = 0;
    const waits: number[] = [];
    const limit = rateLimiter(3, 10_000, async (ms) => void (waits.push(ms), (clock += ms)), () => clock);
    for (let i = 0; i < 7; i++) {
      await limit();
      clock += 100;
    }
    // Calls 4 and 7 each wait until the call three before them is 10 s old.
    expect(waits).toEqual([9_700, 9_700]);
  });
});
