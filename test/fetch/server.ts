/**
 * TEST HELPER — a local HTTP server on 127.0.0.1 standing in for the
 * publishers, with answers built from their documented shapes (see
 * test/fixtures/live/README.md). Each test sets `route` to decide answers.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FetchConfig } from "../../src/pipeline/fetch/config";

export interface Seen {
  method: string;
  path: string;
  body: string;
}

export type Route = (req: Seen, res: ServerResponse, base: string) => void;

export interface LocalServer {
  base: string;
  seen: Seen[];
  route: Route;
  close(): Promise<void>;
}

export async function startServer(): Promise<LocalServer> {
  const state: LocalServer = { base: "", seen: [], route: (_req, res) => json(res, 404, { error: "no route" }), close: async () => {} };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const seen = { method: req.method ?? "GET", path: req.url ?? "/", body };
      state.seen.push(seen);
      state.route(seen, res, state.base);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export function fixture(name: string): any {
  return JSON.parse(readFileSync(`test/fixtures/live/${name}`, "utf8"));
}

/** Fetch settings pointing at the local server; no real waiting between retries. */
export function testConfig(base: string, over: Partial<FetchConfig> = {}): FetchConfig {
  return {
    koladaBase: `${base}/kolada/v3`,
    scbBase: `${base}/scb/api/v2`,
    fkBase: `${base}/fk/v1`,
    http: { timeoutMs: 2_000, retries: 2, backoffMs: 1, sleep: async () => {} },
    koladaPerPage: 5000,
    scbCallsPerWindow: 30,
    scbWindowMs: 10_000,
    scbMaxCells: 10_000,
    lastYear: 2024,
    ...over,
  };
}
