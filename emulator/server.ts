// The HTTP server: one request's path through the emulator is
//   request target    -> 400 when it is not a URL or its percent-encoding is broken
//   body              -> 400 when it is not JSON or nests too deep (after the token check)
//   control surface?  -> handled directly (no token, not logged, never delayed)
//   latencyMs         -> every Metronome request waits that long first
//   bearer token      -> 401 with Metronome's error shape
//   armed fault       -> status / latency now, *-after-apply after the route
//   Idempotency-Key   -> replay or 409 before the route runs; after it, the
//                        answer is stored unless the request failed validation
//   route             -> JSON answer; state saved after every POST
// Every Metronome-path answer is logged as it went on the wire.

import * as http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { timingSafeEqual } from "node:crypto";
import { ApiError, errorBody } from "./errors";
import { FaultQueue, type Fault } from "./faults";
import { IdempotencyCache, hashBody, persistsUnderKey, sha256 } from "./idempotency";
import { RequestLog } from "./request-log";
import { Store } from "./store";
import { fieldsOutsideSpec } from "./strict-fields";
import { handleControl } from "./routes/control";
import { matchRoute, pathExists } from "./routes/index";
import type { Body } from "./rules/fields";

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const CONTROL_PREFIX = "/_emulator/";

export interface ServerOptions {
  port: number;
  bearerToken: string;
  dataFile?: string;
  /** Added to every Metronome request (not the control surface). */
  latencyMs: number;
  /** Refuse body fields outside the spec's list for the endpoint (strict-fields.ts). */
  strictFields: boolean;
  /** Ignore what no source says Metronome does (routes/types.ts). */
  ignoreUnsourced: boolean;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = new Store(options.dataFile);
  const faults = new FaultQueue();
  const log = new RequestLog();
  const idempotency = new IdempotencyCache(store.state);
  const tokenHash = sha256(options.bearerToken);
  const timers = new Set<NodeJS.Timeout>();
  let closing = false;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  function send(res: http.ServerResponse, answer: Answer): void {
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
      ...answer.headers,
    });
    res.end(text);
  }

  /** The status the client actually received: 0 when the socket was already gone. */
  function sent(res: http.ServerResponse, answer: Answer): number {
    const alive = !res.destroyed && !res.socket?.destroyed;
    send(res, answer);
    return alive ? answer.status : 0;
  }

  function authorized(req: http.IncomingMessage): boolean {
    const header = req.headers.authorization ?? "";
    const match = /^Bearer (.+)$/i.exec(header.trim());
    if (!match) return false;
    // Compare digests: constant time, and equal lengths whatever was sent.
    return timingSafeEqual(Buffer.from(sha256(match[1] as string), "hex"), Buffer.from(tokenHash, "hex"));
  }

  function runRoute(method: string, path: string, query: URLSearchParams, body: Body | undefined): Answer {
    const match = matchRoute(method, path);
    if (!match) {
      return pathExists(path)
        ? { status: 405, body: { message: `method ${method} not allowed on ${path}` } }
        : { status: 404, body: { message: `no such endpoint: ${method} ${path}`, code: "NotFound" } };
    }
    if (body === undefined) return { status: 400, body: { message: "request body must be a JSON object" } };
    const outside = options.strictFields ? fieldsOutsideSpec(method, path, body) : [];
    if (outside.length > 0) {
      const list = outside.join(", ");
      return { status: 400, body: { message: `strict mode: ${list} ${outside.length === 1 ? "is not a request field" : "are not request fields"} of ${method} ${path} in Metronome's spec` } };
    }
    try {
      const result = match.route.handler({ body, query, params: match.params, store, now: Date.now(), ignoreUnsourced: options.ignoreUnsourced });
      return { status: result.status ?? 200, body: result.body };
    } catch (err) {
      if (err instanceof ApiError) return { status: err.status, body: errorBody(err) };
      // Never leak internals; the test output shows the stack on the server side.
      console.error("[metronome-emulator] internal error:", err);
      return { status: 500, body: { message: "Internal server error" } };
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string): Promise<void> {
    const method = req.method ?? "GET";
    const target = parseTarget(req.url);
    if (typeof target === "string") {
      send(res, { status: 400, body: { message: target } });
      return;
    }
    const { url, path } = target;
    const parsed = parseBody(raw);
    const bodyError = typeof parsed === "string" ? parsed : undefined;
    const body = typeof parsed === "string" ? undefined : parsed.body;

    if (path.startsWith(CONTROL_PREFIX)) {
      if (bodyError !== undefined || body === undefined) {
        send(res, { status: 400, body: { message: bodyError ?? "request body must be a JSON object" } });
        return;
      }
      try {
        const result = handleControl(method, path, body, { store, faults, log });
        if (result.mutated) store.save();
        send(res, result);
      } catch (err) {
        send(res, err instanceof ApiError ? { status: err.status, body: errorBody(err) } : { status: 500, body: { message: String(err) } });
      }
      return;
    }

    if (options.latencyMs > 0) await sleep(options.latencyMs);
    if (closing) return;

    const record = (status: number): void => log.record({ method, path, status });

    if (!authorized(req)) {
      record(sent(res, { status: 401, body: { message: "Unauthorized: a valid bearer token is required" } }));
      return;
    }

    if (bodyError !== undefined) {
      record(sent(res, { status: 400, body: { message: bodyError } }));
      return;
    }

    const fault: Fault | undefined = faults.take(path);
    if (fault?.kind === "latency") await sleep(fault.latencyMs ?? 0);
    if (closing) return;
    if (fault?.kind === "status") {
      // Refused before applying; not stored under any Idempotency-Key, so a
      // retry with the same key runs for real (as after a 429 or a 503).
      const headers: Record<string, string> =
        fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : {};
      record(sent(res, { status: fault.status ?? 500, body: { message: `emulator fault: status ${fault.status}` }, headers }));
      return;
    }

    const idemKey = method === "POST" ? headerValue(req.headers["idempotency-key"]) : undefined;
    let answer: Answer;
    if (idemKey !== undefined) {
      const bodyHash = hashBody(body, raw);
      const now = Date.now();
      const found = idempotency.lookup(tokenHash, idemKey, path, bodyHash, now);
      if (found.kind === "conflict") {
        answer = {
          status: 409,
          body: { message: "This Idempotency-Key has already been used with different request parameters." },
        };
      } else if (found.kind === "replay") {
        answer = { status: found.record.status, body: found.record.body, headers: { "idempotent-replayed": "true" } };
      } else {
        answer = afterApply(runRoute(method, path, url.searchParams, body), fault);
        // Only a request that passed validation is persisted, with what it
        // answered: a 5xx after applying is replayed as that 5xx.
        if (persistsUnderKey(answer.status)) {
          idempotency.store(tokenHash, idemKey, { path, bodyHash, status: answer.status, body: answer.body, storedAt: new Date(now).toISOString() }, now);
        }
      }
    } else {
      answer = afterApply(runRoute(method, path, url.searchParams, body), fault);
    }
    if (method === "POST") store.save();

    if (fault?.kind === "drop-after-apply") {
      req.socket.destroy();
      record(0);
      return;
    }
    record(sent(res, answer));
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => {
      if (tooLarge) {
        send(res, { status: 413, body: { message: "request body too large" } });
        return;
      }
      handle(req, res, Buffer.concat(chunks).toString("utf8")).catch((err) => {
        console.error("[metronome-emulator] internal error:", err);
        send(res, { status: 500, body: { message: "Internal server error" } });
      });
    });
  });

  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (closing) return resolve();
        closing = true;
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive and in-flight sockets would otherwise hold close() open.
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      }),
  };
}

/** A `status-after-apply` fault replaces the answer of a request that ran. */
function afterApply(answer: Answer, fault: Fault | undefined): Answer {
  if (fault?.kind !== "status-after-apply") return answer;
  return { status: fault.status ?? 500, body: { message: `emulator fault: status ${fault.status} (request was applied)` } };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v === "" ? undefined : v;
}

/** Deeper JSON than any Metronome body needs; the routes walk bodies recursively. */
const MAX_BODY_DEPTH = 64;

/** The request target as a URL and its path, or why it cannot be served. */
function parseTarget(raw: string | undefined): { url: URL; path: string } | string {
  let url: URL;
  try {
    url = new URL(raw ?? "/", "http://emulator");
  } catch {
    return "malformed request target";
  }
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return "malformed percent-encoding in the request path";
  }
  return { url, path: url.pathname };
}

/** How deeply arrays and objects nest in a parsed JSON value (walked without recursion). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== "object") continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_BODY_DEPTH) return deepest;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * The JSON object in a body ({} for an empty body); `body` undefined when it
 * is JSON but not an object (routes answer that themselves); a string saying
 * why when it cannot be parsed at all.
 */
function parseBody(raw: string): { body: Body | undefined } | string {
  if (raw.trim() === "") return { body: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return "request body must be a JSON object (it is not valid JSON)";
  }
  if (depthOf(parsed) > MAX_BODY_DEPTH) return `request body nests deeper than ${MAX_BODY_DEPTH} levels`;
  return { body: parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Body) : undefined };
}
