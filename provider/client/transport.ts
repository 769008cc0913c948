// One HTTP exchange with Metronome: send, give up when the answer stalls for
// `timeoutMs`, and turn every failure into a typed error. No retries here
// (see retry.ts), and nothing logged: the request headers hold the token.

import { request, type Dispatcher } from "undici";
import type { Endpoint } from "./endpoints";
import {
  ConnectionLostError,
  MetronomeApiError,
  TimeoutError,
  errorFromResponse,
  parseErrorBody,
} from "./errors";
import type { Redactor } from "./redact";
import { parseRetryAfter } from "./retry-after";

export interface TransportConfig {
  /** Origin plus optional path prefix, without a trailing slash. */
  baseUrl: string;
  /** The full `Authorization` header value. Never copied anywhere else. */
  authorization: string;
  timeoutMs: number;
  dispatcher: Dispatcher;
  redact: Redactor;
  userAgent: string;
}

export interface Exchange {
  endpoint: Endpoint;
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  idempotencyKey?: string;
  /** 1-based, recorded on errors. */
  attempt: number;
}

// Failures that happen before any byte of the request can have reached the
// server: even a write is certainly not applied.
const NOT_CONNECTED_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_CLOSED",
  "UND_ERR_DESTROYED",
]);

const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);

/** Sends one request; resolves to the parsed JSON body (undefined when empty). */
export async function exchange(config: TransportConfig, ex: Exchange): Promise<unknown> {
  const { endpoint } = ex;
  const isWrite = endpoint.kind === "write";
  const where = { method: endpoint.method, path: endpoint.path, attempts: ex.attempt };
  // Serialized before anything is sent: a body that cannot be serialized is a
  // programming error and should surface as the TypeError it is.
  const payload = ex.body === undefined ? undefined : JSON.stringify(ex.body);

  const headers: Record<string, string> = {
    authorization: config.authorization,
    accept: "application/json",
    "user-agent": config.userAgent,
  };
  if (payload !== undefined) headers["content-type"] = "application/json";
  if (ex.idempotencyKey !== undefined) headers["idempotency-key"] = ex.idempotencyKey;

  // The timeout is undici's own, per phase: the headers must arrive within
  // `timeoutMs` of sending, and the body may never pause longer than that.
  // Its timers share one tick of about half a second, so a timeout fires up
  // to about a second late; a timer and an AbortController of our own per
  // request cost more than the rest of the exchange's own work
  // (bench/RESULTS.md). Timing out only decides when to stop waiting: what a
  // timed-out write may have done is settled by the caller (mayHaveApplied).
  let status: number;
  let responseHeaders: Record<string, string | string[] | undefined>;
  let text: string;
  try {
    const url = ex.query === undefined ? config.baseUrl + endpoint.path : buildUrl(config.baseUrl, endpoint.path, ex.query);
    const response = await request(url, {
      dispatcher: config.dispatcher,
      method: endpoint.method,
      headers,
      body: payload,
      headersTimeout: config.timeoutMs,
      bodyTimeout: config.timeoutMs,
    });
    status = response.statusCode;
    responseHeaders = response.headers;
    // Always drain the body, even for errors: an unread body pins the socket
    // and defeats keep-alive reuse.
    text = await response.body.text();
  } catch (error) {
    throw transportError(error, { isWrite, timeoutMs: config.timeoutMs, redact: config.redact, where });
  }
  // No yield here for undici to free the connection first: it frees it one
  // event-loop turn after the body ends, so a caller's next request, sent at
  // once, takes a second pooled connection. Sequential traffic alternates
  // between two kept-alive connections, which costs less than a turn of the
  // loop per request.

  if (status >= 200 && status < 300) {
    if (text.trim() === "") return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // The call succeeded but we cannot read what it did: for a write, that
      // is as ambiguous as a lost answer.
      throw new MetronomeApiError(`${status} response body is not JSON`, {
        ...where,
        status,
        mayHaveApplied: isWrite,
      });
    }
  }

  const parsed = parseErrorBody(text, config.redact);
  throw errorFromResponse({
    ...where,
    status,
    isWrite,
    ...parsed,
    ...optionalRetryAfter(responseHeaders),
  });
}

function buildUrl(baseUrl: string, path: string, query: Exchange["query"]): string {
  const url = new URL(baseUrl + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function optionalRetryAfter(headers: Record<string, string | string[] | undefined>): { retryAfterMs?: number } {
  const first = (name: string): string | undefined => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const retryAfterMs = parseRetryAfter(first("retry-after"), first("retry-after-ms"));
  return retryAfterMs === undefined ? {} : { retryAfterMs };
}

interface FailureContext {
  isWrite: boolean;
  timeoutMs: number;
  redact: Redactor;
  where: { method: string; path: string; attempts: number };
}

function transportError(error: unknown, ctx: FailureContext): MetronomeApiError {
  const code = errorCode(error);
  const cause = sanitizedCause(error, code, ctx.redact);
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new TimeoutError({ ...ctx.where, timeoutMs: ctx.timeoutMs, mayHaveApplied: ctx.isWrite, cause });
  }
  const connected = code === undefined || !NOT_CONNECTED_CODES.has(code);
  return new ConnectionLostError({
    ...ctx.where,
    connected,
    reason: cause.message,
    // Unknown failures count as "connected": when in doubt, a write is ambiguous.
    mayHaveApplied: ctx.isWrite && connected,
    cause,
  });
}

function errorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== "object") return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") return code;
  // Node's happy-eyeballs connect reports every address's failure in an AggregateError.
  if (error instanceof AggregateError) return errorCode(error.errors[0]);
  return undefined;
}

/**
 * A fresh Error holding only the failure's name, code and (redacted) message.
 * undici's own error objects can reference sockets and request state, so they
 * are never attached as `cause` themselves.
 */
function sanitizedCause(error: unknown, code: string | undefined, redact: Redactor): Error {
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name : "Error";
  const cause = new Error(redact(code === undefined ? message : `${message} (${code})`));
  cause.name = redact(name);
  return cause;
}
