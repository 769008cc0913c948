// A thin, typed client for the Metronome endpoints this package uses, grouped
// by resource (resources/: `client.commits.edit(...)`, `client.credits.list(...)`).
// It adds exactly three things to HTTP: typed errors (errors/), a retry policy
// that never re-sends an ambiguous write (retry.ts), and a timeout on a stalled
// answer (transport.ts). Shapes are the wire types from ../api/wire.ts, unchanged.

import { Agent, type Dispatcher } from "undici";
import type { Endpoint } from "./endpoints";
import { makeRedactor } from "./redact";
import { Commits, Contracts, CreditTypes, Credits, CustomFields, Customers, Products } from "./resources";
import type { CallRequest, ResourceContext } from "./resources/context";
import type { EntityRef } from "./responses";
import { DEFAULT_RETRY_POLICY, realRuntime, runWithRetries, type RetryPolicy, type RetryRuntime } from "./retry";
import { exchange, type TransportConfig } from "./transport";
import type { PendingWrite, WriteObserver } from "./writes";

export interface MetronomeClientOptions {
  /** e.g. "https://api.metronome.com" or an emulator's url. A path prefix is kept. */
  baseUrl: string;
  bearerToken: string;
  /**
   * How long an attempt waits for the response headers, and at most between
   * two pieces of the body, in ms. Default 60 000.
   */
  timeoutMs?: number;
  /** Retries for reads, and for 429s on writes. Default 4. */
  maxRetries?: number;
  /** First backoff step. Default 500. */
  retryBaseDelayMs?: number;
  /** Backoff ceiling. Default 8 000. */
  retryMaxDelayMs?: number;
  /** Ceiling on an honoured `Retry-After`. Default 60 000. */
  retryAfterMaxMs?: number;
  /** Bring your own undici dispatcher; by default each client owns one keep-alive Agent. */
  dispatcher?: Dispatcher;
  /** Clock and dice for the retry loop; tests inject these. */
  retryRuntime?: RetryRuntime;
}

export type { WriteOptions } from "./resources/context";

/** The record a write touched, a commit or a credit (`EntityRef` under the name commit callers use). */
export type CommitRef = EntityRef;

const USER_AGENT = "pulumi-metronome";
// Header values may not carry control characters; checking here gives an
// error that cannot echo the value, unlike the HTTP library's own.
const HEADER_SAFE = /^[\x20-\x7e]+$/;

export class MetronomeClient {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly retryPolicy: Readonly<RetryPolicy>;
  // Private fields: invisible to JSON.stringify, util.inspect and Object.keys,
  // so logging the client cannot print the token.
  readonly #transport: TransportConfig;
  readonly #ownsDispatcher: boolean;
  readonly #runtime: RetryRuntime;
  readonly #writeObservers: WriteObserver[] = [];

  readonly commits: Commits;
  readonly credits: Credits;
  readonly customFields: CustomFields;
  readonly customers: Customers;
  readonly products: Products;
  readonly contracts: Contracts;
  readonly creditTypes: CreditTypes;

  constructor(options: MetronomeClientOptions) {
    const { bearerToken } = options;
    if (typeof bearerToken !== "string" || bearerToken === "") throw new TypeError("bearerToken is required");
    if (!HEADER_SAFE.test(bearerToken)) throw new TypeError("bearerToken contains characters not allowed in an HTTP header");
    this.baseUrl = normalizeBaseUrl(options.baseUrl);
    this.timeoutMs = positive(options.timeoutMs, 60_000, "timeoutMs");
    this.retryPolicy = Object.freeze({
      maxRetries: nonNegativeInt(options.maxRetries, DEFAULT_RETRY_POLICY.maxRetries, "maxRetries"),
      baseDelayMs: positive(options.retryBaseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs, "retryBaseDelayMs"),
      maxDelayMs: positive(options.retryMaxDelayMs, DEFAULT_RETRY_POLICY.maxDelayMs, "retryMaxDelayMs"),
      maxRetryAfterMs: nonNegative(options.retryAfterMaxMs, DEFAULT_RETRY_POLICY.maxRetryAfterMs, "retryAfterMaxMs"),
    });
    this.#ownsDispatcher = options.dispatcher === undefined;
    this.#runtime = options.retryRuntime ?? realRuntime;
    this.#transport = {
      baseUrl: this.baseUrl,
      authorization: `Bearer ${bearerToken}`,
      timeoutMs: this.timeoutMs,
      // One Agent per client: its keep-alive pool reuses connections across
      // every call, which matters when a deploy lists and edits many commits.
      dispatcher: options.dispatcher ?? new Agent(),
      redact: makeRedactor(bearerToken),
      userAgent: USER_AGENT,
    };
    const context: ResourceContext = {
      call: (endpoint, request) => this.#call(endpoint, request),
      observed: (write, send) => this.#observed(write, send),
    };
    this.commits = new Commits(context);
    this.credits = new Credits(context);
    this.customFields = new CustomFields(context);
    this.customers = new Customers(context);
    this.products = new Products(context);
    this.contracts = new Contracts(context);
    this.creditTypes = new CreditTypes(context);
  }

  // ---- resources ---------------------------------------------------------

  /**
   * Calls `observer` around every commit, credit and custom-field write this
   * client sends (see `ClientWrite`), e.g. so that a cache of commits never
   * outlives a write.
   */
  observeWrites(observer: WriteObserver): void {
    this.#writeObservers.push(observer);
  }

  /** Runs a write, telling the observers before it is sent and after it has ended. */
  async #observed<T>(write: PendingWrite, send: () => Promise<T>): Promise<T> {
    const { kind, entity, customerId } = write;
    const tell = (phase: "start" | "end") => {
      for (const observer of this.#writeObservers) observer({ kind, phase, entity, customerId, entityId: write.entityId() });
    };
    tell("start");
    try {
      return await send();
    } finally {
      tell("end");
    }
  }

  // ---- lifecycle -----------------------------------------------------------

  /** Closes the client's own connection pool. A dispatcher passed in is the caller's to close. */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#transport.dispatcher.close();
  }

  async #call(endpoint: Endpoint, request: CallRequest): Promise<unknown> {
    const { idempotencyKey } = request;
    if (idempotencyKey !== undefined && !(idempotencyKey.length <= 255 && HEADER_SAFE.test(idempotencyKey))) {
      throw new TypeError("idempotencyKey must be 1 to 255 printable ASCII characters");
    }
    const { body, query } = request;
    return runWithRetries(
      endpoint.kind,
      (attempt) => exchange(this.#transport, { endpoint, attempt, body, query, idempotencyKey }),
      this.retryPolicy,
      this.#runtime,
    );
  }
}

// ---- option validation ---------------------------------------------------------

function normalizeBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError("baseUrl must be an absolute http(s) URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError("baseUrl must be an absolute http(s) URL");
  if (url.search !== "" || url.hash !== "") throw new TypeError("baseUrl must not carry a query or fragment");
  return url.toString().replace(/\/+$/, "");
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number`);
  return value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a non-negative number`);
  return value;
}

function nonNegativeInt(value: number | undefined, fallback: number, name: string): number {
  const n = nonNegative(value, fallback, name);
  if (!Number.isInteger(n)) throw new RangeError(`${name} must be an integer`);
  return n;
}
