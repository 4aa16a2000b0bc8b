/**
 * HTTP for the fetch stage: a timeout on every request, retries with
 * exponential backoff on 429 and 5xx (and on network errors), and an error
 * that names the URL and the status, so a failed refresh says where it broke.
 */
import { createHash } from "node:crypto";

export class FetchError extends Error {
  readonly url: string;
  readonly status: number | null;
  constructor(url: string, status: number | null, problem: string) {
    super(`${url}${status === null ? "" : ` (HTTP ${status})`}: ${problem}`);
    this.name = "FetchError";
    this.url = url;
    this.status = status;
  }
}

export interface HttpOptions {
  timeoutMs: number;
  /** Attempts after the first one, for 429, 5xx and network errors. */
  retries: number;
  /** First wait; doubled after each attempt (a Retry-After header in seconds wins when longer). */
  backoffMs: number;
  /** Injected so tests do not wait for real. */
  sleep?: (ms: number) => Promise<void>;
  /** Called before every request (a rate limiter); resolves when the request may go. */
  beforeRequest?: () => Promise<void>;
}

export interface HttpRequest {
  url: string;
  method?: "GET" | "POST";
  /** JSON body for POST. */
  body?: unknown;
  /** The Accept header (default application/json; Försäkringskassan's files are xlsx). */
  accept?: string;
}

export interface HttpResponse {
  url: string;
  method: "GET" | "POST";
  requestBody: string | null;
  status: number;
  bytes: Uint8Array;
  text: string;
  sha256: string;
  retrievedAt: string;
  attempts: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryable(status: number): boolean {
  return status === 429 || status >= 500;
}

export async function httpRequest(req: HttpRequest, options: HttpOptions): Promise<HttpResponse> {
  const method = req.method ?? "GET";
  const requestBody = req.body === undefined ? null : JSON.stringify(req.body);
  const sleep = options.sleep ?? realSleep;
  let wait = options.backoffMs;
  let lastProblem = "";
  let lastStatus: number | null = null;
  for (let attempt = 1; attempt <= options.retries + 1; attempt++) {
    await options.beforeRequest?.();
    let response: Response;
    let bytes: Uint8Array;
    try {
      const accept = req.accept ?? "application/json";
      response = await fetch(req.url, {
        method,
        headers: requestBody === null ? { accept } : { accept, "content-type": "application/json" },
        body: requestBody ?? undefined,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      // Reading the body is inside the try: a connection cut mid-body is a network error too.
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      const e = error as Error;
      lastStatus = null;
      lastProblem = e.name === "TimeoutError" ? `no complete answer within ${options.timeoutMs} ms` : `network error: ${e.message}${causeOf(e)}`;
      if (attempt <= options.retries) {
        await sleep(wait);
        wait *= 2;
        continue;
      }
      break;
    }
    if (response.ok) {
      return {
        url: req.url,
        method,
        requestBody,
        status: response.status,
        bytes,
        text: new TextDecoder("utf-8", { fatal: false }).decode(bytes),
        sha256: createHash("sha256").update(bytes).digest("hex"),
        retrievedAt: new Date().toISOString(),
        attempts: attempt,
      };
    }
    lastStatus = response.status;
    lastProblem = `${response.statusText || "error"}: ${new TextDecoder().decode(bytes).slice(0, 200)}`;
    if (!retryable(response.status)) throw new FetchError(req.url, response.status, `the publisher refused the request (${lastProblem})`);
    if (attempt <= options.retries) {
      const retryAfter = Number(response.headers.get("retry-after"));
      await sleep(Number.isFinite(retryAfter) && retryAfter * 1000 > wait ? retryAfter * 1000 : wait);
      wait *= 2;
    }
  }
  throw new FetchError(req.url, lastStatus, `gave up after ${options.retries + 1} attempts; last answer: ${lastProblem}`);
}

function causeOf(e: Error): string {
  const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause ? ` (${cause.code ?? cause.message ?? "unknown cause"})` : "";
}

/** Parse a JSON body; a truncated or garbled body names the URL and where the text ends. */
export function parseJsonBody(res: HttpResponse): unknown {
  try {
    return JSON.parse(res.text);
  } catch (error) {
    throw new FetchError(res.url, res.status, `the body is not complete JSON (${res.bytes.length} bytes; ${(error as Error).message}); truncated answer?`);
  }
}

/**
 * At most `calls` requests in any window of `windowMs` (SCB: 30 per 10 s).
 * Requests are spaced by remembering when the last `calls` ones started.
 */
export function rateLimiter(calls: number, windowMs: number, sleep: (ms: number) => Promise<void> = realSleep, now: () => number = Date.now): () => Promise<void> {
  const started: number[] = [];
  return async () => {
    if (started.length >= calls) {
      const oldest = started[started.length - calls]!;
      const wait = oldest + windowMs - now();
      if (wait > 0) await sleep(wait);
    }
    started.push(now());
    if (started.length > calls) started.splice(0, started.length - calls);
  };
}
