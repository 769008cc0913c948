// A thin, typed client for the Metronome endpoints this package uses. It adds
// exactly three things to HTTP: typed errors (errors/), a retry policy that
// never re-sends an ambiguous write (retry.ts), and a timeout on a stalled
// answer (transport.ts). Shapes are the wire types from ../api/wire.ts, unchanged.

import { Agent, type Dispatcher } from "undici";
import type {
  AddCustomFieldKeyBody,
  ArchiveCommitBody,
  Commit,
  CreateCommitBody,
  CreateContractBody,
  CreateCustomerBody,
  CreateCustomerResponse,
  CreateProductBody,
  Customer,
  DeleteCustomFieldValuesBody,
  EditCommitBody,
  IdResponse,
  ListCommitsBody,
  ListCommitsResponse,
  ListCreditTypesQuery,
  ListCreditTypesResponse,
  SetCustomFieldValuesBody,
  UpdateEndDateBody,
} from "../api/wire";
import { ENDPOINTS, type Endpoint } from "./endpoints";
import { MetronomeApiError } from "./errors";
import { paginateBodyCursor } from "./pagination";
import { makeRedactor } from "./redact";
import { DEFAULT_RETRY_POLICY, realRuntime, runWithRetries, type RetryPolicy, type RetryRuntime } from "./retry";
import { exchange, type TransportConfig } from "./transport";

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

export interface WriteOptions {
  /** Sent as `Idempotency-Key`: Metronome replays the stored result for a repeat. */
  idempotencyKey?: string;
}

export interface CommitRef {
  id: string;
}

/**
 * A commit write, as the client tells its observers: once before the request
 * is sent (`phase: "start"`) and once when it has ended, answered or failed
 * (`"end"`). A create adds a commit and changes none (its id is known at the
 * end, when it succeeded); any other write changes the commit it names.
 */
export interface CommitWrite {
  kind: "create" | "change";
  phase: "start" | "end";
  /** The customer, when the request names it (custom-field writes name only the commit). */
  customerId: string | undefined;
  /** The commit written: named by the request, or answered by a successful create. */
  commitId: string | undefined;
}

export type CommitWriteObserver = (write: CommitWrite) => void;

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
  readonly #writeObservers: CommitWriteObserver[] = [];

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
  }

  // ---- commits ------------------------------------------------------------

  /**
   * Calls `observer` around every commit write this client sends (see
   * `CommitWrite`), e.g. so that a cache of commits never outlives a write.
   */
  observeCommitWrites(observer: CommitWriteObserver): void {
    this.#writeObservers.push(observer);
  }

  /** Creates a customer-level commit. Never retried except on 429. */
  async createCommit(body: CreateCommitBody, opts?: WriteOptions): Promise<CommitRef> {
    let ref: CommitRef | undefined;
    return this.#observed("create", body.customer_id, () => ref?.id, async () => {
      ref = idOf(await this.#call(ENDPOINTS.createCommit, { body, ...opts }));
      return ref;
    });
  }

  /** One page of a customer's commits; `limit` and `next_page` go in `body`. */
  async listCommitsPage(body: ListCommitsBody): Promise<ListCommitsResponse> {
    const response = await this.#call(ENDPOINTS.listCommits, { body });
    return asPage<Commit>(response, ENDPOINTS.listCommits);
  }

  /** Every commit matching `body`, page after page, fetched lazily. */
  listCommits(body: ListCommitsBody): AsyncGenerator<Commit, void, undefined> {
    return paginateBodyCursor((page: ListCommitsBody) => this.listCommitsPage(page), body);
  }

  async listAllCommits(body: ListCommitsBody): Promise<Commit[]> {
    const all: Commit[] = [];
    for await (const commit of this.listCommits(body)) all.push(commit);
    return all;
  }

  /**
   * One commit, archived or not; undefined when Metronome does not know it.
   * Metronome has no get-by-id, so this is a list filtered by `commit_id`.
   */
  async getCommit(customerId: string, commitId: string): Promise<Commit | undefined> {
    const page = await this.listCommitsPage({ customer_id: customerId, commit_id: commitId, include_archived: true });
    return page.data.find((commit) => commit.id === commitId);
  }

  /** Moves a PREPAID commit's access and/or invoice end earlier. */
  async updateCommitEndDate(body: UpdateEndDateBody, opts?: WriteOptions): Promise<CommitRef> {
    return this.#observed("change", body.customer_id, () => body.commit_id, async () =>
      idOf(await this.#call(ENDPOINTS.updateCommitEndDate, { body, ...opts })),
    );
  }

  /** Edits a commit in place; schedule changes are deltas by schedule-item id. */
  async editCommit(body: EditCommitBody, opts?: WriteOptions): Promise<CommitRef> {
    return this.#observed("change", body.customer_id, () => body.commit_id, async () =>
      idOf(await this.#call(ENDPOINTS.editCommit, { body, ...opts })),
    );
  }

  /** Archives a commit (refused while finalized invoices reference it). */
  async archiveCommit(body: ArchiveCommitBody, opts?: WriteOptions): Promise<CommitRef> {
    return this.#observed("change", body.customer_id, () => body.commit_id, async () =>
      idOf(await this.#call(ENDPOINTS.archiveCommit, { body, ...opts })),
    );
  }

  /** Sets the given custom-field values; other keys are kept. */
  async setCustomFieldValues(body: SetCustomFieldValuesBody, opts?: WriteOptions): Promise<void> {
    await this.#observed("change", undefined, () => body.entity_id, () => this.#call(ENDPOINTS.setCustomFieldValues, { body, ...opts }));
  }

  async deleteCustomFieldValues(body: DeleteCustomFieldValuesBody, opts?: WriteOptions): Promise<void> {
    await this.#observed("change", undefined, () => body.entity_id, () => this.#call(ENDPOINTS.deleteCustomFieldValues, { body, ...opts }));
  }

  /** Runs a commit write, telling the observers before it is sent and after it has ended. */
  async #observed<T>(kind: CommitWrite["kind"], customerId: string | undefined, commitId: () => string | undefined, send: () => Promise<T>): Promise<T> {
    const tell = (phase: CommitWrite["phase"]) => {
      for (const observer of this.#writeObservers) observer({ kind, phase, customerId, commitId: commitId() });
    };
    tell("start");
    try {
      return await send();
    } finally {
      tell("end");
    }
  }

  // ---- what commits refer to ---------------------------------------------

  async createCustomer(body: CreateCustomerBody, opts?: WriteOptions): Promise<Customer> {
    const response = await this.#call(ENDPOINTS.createCustomer, { body, ...opts });
    const customer = (response as Partial<CreateCustomerResponse> | undefined)?.data;
    if (customer === undefined || typeof customer.id !== "string") throw malformed(ENDPOINTS.createCustomer);
    return customer;
  }

  /** The customer, or a NotFoundError when Metronome has none with this id. */
  async getCustomer(customerId: string): Promise<Customer> {
    const endpoint = { ...ENDPOINTS.getCustomer, path: ENDPOINTS.getCustomer.path.replace("{customer_id}", encodeURIComponent(customerId)) };
    const customer = ((await this.#call(endpoint, {})) as Partial<CreateCustomerResponse> | undefined)?.data;
    if (customer === undefined || typeof customer.id !== "string") throw malformed(endpoint);
    return customer;
  }

  async createProduct(body: CreateProductBody, opts?: WriteOptions): Promise<CommitRef> {
    return idOf(await this.#call(ENDPOINTS.createProduct, { body, ...opts }), ENDPOINTS.createProduct);
  }

  async createContract(body: CreateContractBody, opts?: WriteOptions): Promise<CommitRef> {
    return idOf(await this.#call(ENDPOINTS.createContract, { body, ...opts }), ENDPOINTS.createContract);
  }

  /** Allows a custom-field key on an entity type (commits may only carry allowed keys). */
  async addCustomFieldKey(body: AddCustomFieldKeyBody, opts?: WriteOptions): Promise<void> {
    await this.#call(ENDPOINTS.addCustomFieldKey, { body, ...opts });
  }

  /** One page of credit types (pricing units); this endpoint pages by query string. */
  async listCreditTypes(query: ListCreditTypesQuery = {}): Promise<ListCreditTypesResponse> {
    const response = await this.#call(ENDPOINTS.listCreditTypes, { query: { ...query } });
    return asPage(response, ENDPOINTS.listCreditTypes);
  }

  // ---- lifecycle -----------------------------------------------------------

  /** Closes the client's own connection pool. A dispatcher passed in is the caller's to close. */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#transport.dispatcher.close();
  }

  async #call(
    endpoint: Endpoint,
    request: { body?: unknown; query?: Record<string, string | number | boolean | undefined>; idempotencyKey?: string | undefined },
  ): Promise<unknown> {
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

// ---- response shape checks --------------------------------------------------
// Light checks only: enough that a caller never gets `undefined` where the
// types promise an id. A success answer we cannot read is, for a write, as
// ambiguous as no answer.

function malformed(endpoint: Endpoint): MetronomeApiError {
  return new MetronomeApiError("success response has an unexpected shape", {
    method: endpoint.method,
    path: endpoint.path,
    mayHaveApplied: endpoint.kind === "write",
  });
}

function idOf(response: unknown, endpoint: Endpoint = ENDPOINTS.createCommit): CommitRef {
  const id = (response as Partial<IdResponse> | undefined)?.data?.id;
  if (typeof id !== "string") throw malformed(endpoint);
  return { id };
}

function asPage<T>(response: unknown, endpoint: Endpoint): { data: T[]; next_page: string | null } {
  const page = response as { data?: unknown; next_page?: unknown } | undefined;
  if (page === undefined || !Array.isArray(page.data)) throw malformed(endpoint);
  const next = page.next_page;
  return { data: page.data as T[], next_page: typeof next === "string" && next !== "" ? next : null };
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
