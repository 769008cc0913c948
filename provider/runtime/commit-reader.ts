// Coalesced commit reads, one reader per client (so per plugin process).
//
// Metronome has no get-by-id for commits: a read is a list call filtered by
// `commit_id`. `pulumi refresh` reads every commit of a stack, `--parallel`
// at a time, and one plugin process serves them all (reference
// docs/pulumi-dynamic.md), so read one by one a refresh of 1,000 commits is
// 1,000 list calls. A customer's commits come 25 to a page, so the reads for
// one customer are much cheaper as one paged listing:
//
//   - a read with nothing else going on is sent at once, as the one
//     `commit_id` lookup it always was (no added latency);
//   - while reads are arriving together (other requests in flight, or reads
//     answered from the cache moments ago), a read waits a short window
//     (2 ms) for company; the reads of a customer that meet in the window, or
//     that arrive in such a stream or moments after the customer was read,
//     are answered by walking that customer's list (archived commits
//     included) until all are found, at most one page more than there are
//     reads; what the walk does not find is looked up by id;
//   - the pages walked stay cached for at most `ttlMs` (1 s by default) to
//     answer that customer's next reads; later reads resume the walk where it
//     stopped instead of starting over;
//   - the read-backs of commits just created through the client walk the
//     customer's list from the page where it ended last time (new commits
//     come last); read-backs that arrive while such a walk is in flight wait
//     for it, and every commit it finds (created moments before it was
//     served) answers a later read-back at no cost. A create changes no
//     commit, so it leaves the cache as it is; pages walked for read-backs
//     answer only read-backs;
//   - any other write to the customer through the client (edit, archive,
//     end date; custom fields by the commit's owner) empties its cache and
//     cuts it off from requests already in flight, so a read after it
//     always goes to Metronome; for the TTL after such a write, the
//     customer's reads are looked up by id.
// The client tells the reader of every write (`observeWrites`), before it
// is sent and once it has ended; the reader heeds the commit ones.
//
// Only hits are served from the cache: a commit missing from it is looked up
// by id, so a commit created elsewhere moments ago is never reported gone.
// What is held is bounded (`maxCachedCommits`, `maxCustomers`); past that the
// oldest customers are forgotten, which costs requests, never correctness.

import type { ClientWrite, MetronomeClient, WriteEntity } from "../client";

/**
 * How a reader lists one kind: the page of a customer's list a walk reads,
 * and the lookup of one record by id. What a reader answers is what these
 * return: commits archived or not; credits live only (Metronome's credit
 * carries no mark of being archived, so a credit is archived exactly when
 * only `include_archived` lists it).
 */
export interface ReadSource<R extends { id: string }> {
  /** The kind whose writes invalidate what is read. */
  entity: WriteEntity;
  walkPage(client: MetronomeClient, customerId: string, nextPage: string | undefined): Promise<{ data: R[]; next_page: string | null }>;
  lookup(client: MetronomeClient, customerId: string, id: string): Promise<{ data: R[] }>;
}

/** What the reader holds: any record with an id (the kind's own type at `get`). */
type Held = { id: string };

export interface CommitReaderOptions {
  /** How long a read waits for others to share its request, when reads are arriving together. Default 2 ms. */
  windowMs?: number;
  /** How long pages of a customer's list answer reads of that customer. Default 1 000 ms, at most 2 000. */
  ttlMs?: number;
  /** Commits held across all customers. Default 5 000 (about 5 to 10 MB). */
  maxCachedCommits?: number;
  /** Customers tracked at once. Default 1 000. */
  maxCustomers?: number;
  /** Pages one request for a customer may walk. Default 40 (1 000 commits). */
  maxPagesPerWalk?: number;
  /** Clock in ms (tests). Default `Date.now`. */
  now?: () => number;
}

/** Counters for tests and the benchmark. */
export interface CommitReaderStats {
  /** Reads asked for. */
  reads: number;
  /** Reads answered from cached pages. */
  cacheHits: number;
  /** `commit_id` lookups sent. */
  lookups: number;
  /** List pages fetched by walks. */
  pages: number;
  /** Commits held right now. */
  cachedCommits: number;
}

interface Waiter {
  commitId: string;
  resolve(commit: Held | undefined): void;
  reject(error: unknown): void;
}

/** What the reader knows of one customer. */
interface CustomerView {
  readonly customerId: string;
  /** Bumped whenever the cache is emptied (a write, the TTL): a walk begun before cannot fill it. */
  generation: number;
  /** Commits seen by the current walk of the customer's list. */
  cache: Map<string, Held>;
  /** The current walk was for read-backs of created commits: its pages answer only those. */
  readBacksOnly: boolean;
  /** When the current walk began; the cache is good for `ttlMs` from here. */
  walkStartedAt: number;
  /** Where the walk goes on: undefined before the first page, null once the list has ended. */
  cursor: string | null | undefined;
  /** Pages the current walk has read. */
  walkPages: number;
  /** The current walk began at the tail, not at the list's start (so its pages say nothing of the list's length). */
  fromTail: boolean;
  /** Pages a full walk of this customer took last time, or more than a walk stopped by its budget read (a size hint that outlives writes). */
  pagesHint: number | undefined;
  /** Where the last page of the list began when a walk last reached its end (`from` undefined: the first page); a position, so it outlives writes. */
  tail: { from: string | undefined } | undefined;
  /** Commits created through the client whose read-back has not come yet. */
  created: Set<string>;
  /** When a request for this customer was last sent (since its last write). */
  lastSentAt: number | undefined;
  /** When the client last wrote to this customer. */
  lastWrittenAt: number | undefined;
  /** Reads not yet sent. */
  waiting: Waiter[];
  /** A flush is scheduled. */
  scheduled: boolean;
  /** The scheduled flush waits the window: reads are arriving together (requests in flight, or recent cache hits). */
  inBurst: boolean;
  /** The walk in flight, if any (one per customer at a time). */
  walk: Promise<void> | undefined;
}

const readers = new WeakMap<MetronomeClient, Map<ReadSource<{ id: string }>, RecordReader<{ id: string }>>>();

/**
 * The reader of `client` for `source`, made (and observing its writes) on
 * first use. Call it once when the client is made, so that writes already in
 * flight when the first read comes cannot go unseen.
 */
export function readerFor<R extends { id: string }>(client: MetronomeClient, source: ReadSource<R>): RecordReader<R> {
  let bySource = readers.get(client);
  if (bySource === undefined) {
    bySource = new Map();
    readers.set(client, bySource);
  }
  let reader = bySource.get(source) as RecordReader<R> | undefined;
  if (reader === undefined) {
    reader = new RecordReader(client, source);
    bySource.set(source, reader as unknown as RecordReader<{ id: string }>);
  }
  return reader;
}

export class RecordReader<R extends { id: string }> {
  readonly #client: MetronomeClient;
  readonly #source: ReadSource<R>;
  readonly #windowMs: number;
  readonly #ttlMs: number;
  readonly #maxCachedCommits: number;
  readonly #maxCustomers: number;
  readonly #maxPagesPerWalk: number;
  readonly #now: () => number;
  /** Per customer, least recently used first. */
  readonly #views = new Map<string, CustomerView>();
  /** commit id -> customer id, for writes that name only the commit (at most `maxCachedCommits` entries). */
  readonly #owners = new Map<string, string>();
  #requestsInFlight = 0;
  /** When a read was last answered from the cache (reads are streaming in, as in a refresh). */
  #lastHitAt = Number.NEGATIVE_INFINITY;
  #cachedCommits = 0;
  readonly #stats = { reads: 0, cacheHits: 0, lookups: 0, pages: 0 };

  /** Observes `client`'s writes of the source's kind, so that they invalidate what they touch. */
  constructor(client: MetronomeClient, source: ReadSource<R>, options: CommitReaderOptions = {}) {
    this.#client = client;
    this.#source = source;
    this.#windowMs = options.windowMs ?? 2;
    this.#ttlMs = Math.min(options.ttlMs ?? 1_000, 2_000);
    this.#maxCachedCommits = options.maxCachedCommits ?? 5_000;
    this.#maxCustomers = options.maxCustomers ?? 1_000;
    this.#maxPagesPerWalk = options.maxPagesPerWalk ?? 40;
    this.#now = options.now ?? Date.now;
    client.observeWrites((write) => this.#observe(write));
  }

  /** The record as its source reads it (commits: archived or not; credits: live), or undefined. */
  get(customerId: string, commitId: string): Promise<R | undefined> {
    return this.#read(customerId, commitId) as Promise<R | undefined>;
  }

  #read(customerId: string, commitId: string): Promise<Held | undefined> {
    this.#stats.reads++;
    this.#remember(this.#owners, commitId, customerId);
    const view = this.#view(customerId);
    this.#expire(view);
    const hit = this.#cached(view, commitId);
    if (hit !== undefined) {
      view.created.delete(commitId);
      this.#stats.cacheHits++;
      this.#lastHitAt = this.#now();
      return Promise.resolve(structuredClone(hit));
    }
    return new Promise((resolve, reject) => {
      // A read after an edit or archive goes out at once: a customer just
      // changed is never walked (see #flush), so waiting for company could
      // only cost time.
      const waiter = { commitId, resolve, reject };
      if (this.#recentlyWritten(view) && !view.scheduled && view.walk === undefined) {
        view.lastSentAt = this.#now();
        this.#lookUpEach(view.customerId, new Map([[commitId, [waiter]]]));
        return;
      }
      view.waiting.push(waiter);
      this.#schedule(view);
    });
  }

  /**
   * What the cache answers for the commit. Pages walked for read-backs answer
   * only read-backs: a create changes no commit, but any other read may
   * follow a change made elsewhere, and gets pages walked for reads.
   */
  #cached(view: CustomerView, commitId: string): Held | undefined {
    if (view.readBacksOnly && !view.created.has(commitId)) return undefined;
    return view.cache.get(commitId);
  }

  #recentlyWritten(view: CustomerView): boolean {
    return view.lastWrittenAt !== undefined && this.#now() - view.lastWrittenAt <= this.#ttlMs;
  }

  /** Forgets what is cached for the customer; requests already in flight can no longer fill it. */
  invalidate(customerId: string): void {
    const view = this.#views.get(customerId);
    if (view === undefined) return;
    this.#resetWalk(view);
    view.lastSentAt = undefined;
  }

  /** `invalidate` for every customer. */
  invalidateAll(): void {
    for (const customerId of this.#views.keys()) this.invalidate(customerId);
  }

  stats(): CommitReaderStats {
    return { ...this.#stats, cachedCommits: this.#cachedCommits };
  }

  // ---- scheduling -----------------------------------------------------------

  /**
   * Sends the customer's waiting reads soon: once the code that asked has
   * run to its next await when nothing else is going on (reads asked for
   * together, as by `Promise.all`, still meet; a lone read waits for no turn
   * of the event loop), after the window when reads are arriving together
   * (other requests in flight, or reads answered from the cache moments ago),
   * so that company can join.
   * A walk in flight for the customer sends them when it ends: it may well
   * answer them.
   */
  #schedule(view: CustomerView): void {
    if (view.scheduled || view.walk !== undefined) return;
    view.scheduled = true;
    const streaming = this.#requestsInFlight > 0 || this.#now() - this.#lastHitAt <= this.#ttlMs;
    view.inBurst = streaming && this.#windowMs > 0;
    const flush = (): void => {
      view.scheduled = false;
      this.#flush(view);
    };
    if (view.inBurst) setTimeout(flush, this.#windowMs);
    else queueMicrotask(flush);
  }

  #flush(view: CustomerView): void {
    if (view.walk !== undefined) return; // it flushes again when it ends
    this.#expire(view);
    const waiters = view.waiting;
    view.waiting = [];
    const missing = new Map<string, Waiter[]>();
    for (const waiter of waiters) {
      const hit = this.#cached(view, waiter.commitId);
      if (hit !== undefined) view.created.delete(waiter.commitId);
      if (hit !== undefined) {
        this.#stats.cacheHits++;
        this.#lastHitAt = this.#now();
        waiter.resolve(structuredClone(hit));
      } else {
        missing.set(waiter.commitId, [...(missing.get(waiter.commitId) ?? []), waiter]);
      }
    }
    if (missing.size === 0) return;

    // Read-backs of commits just created walk from where the list ended
    // last time: that is where new commits are. Otherwise walk the
    // customer's list when several reads meet, when it was read moments
    // ago, or when reads are arriving together (a refresh going through the
    // stack: its other commits are on their way), as long as the walk costs
    // at most one request more than a lookup per read. Not for a customer
    // just changed: its reads follow edits of commits that may be anywhere
    // in the list, so they are looked up by id.
    const now = this.#now();
    const recentlyRead = view.lastSentAt !== undefined && now - view.lastSentAt <= this.#ttlMs;
    const recentlyWritten = this.#recentlyWritten(view);
    const readBacks = [...missing.keys()].some((id) => view.created.has(id));
    // Reads other than read-backs start over from pages walked for reads.
    if (!readBacks && view.readBacksOnly) this.#resetWalk(view);
    const readsTogether = missing.size >= 2 || recentlyRead || view.inBurst;
    view.lastSentAt = now;
    view.inBurst = false;
    for (const id of missing.keys()) view.created.delete(id);
    const budget = Math.min(missing.size + 1, this.#maxPagesPerWalk);
    if (readBacks && !recentlyWritten && view.tail !== undefined && (view.cursor === null || view.cursor === undefined)) {
      // Only pages from the tail on: those before it are dropped, so what is cached is never older than the TTL.
      const from = view.tail.from;
      this.#resetWalk(view);
      view.cursor = from;
      view.fromTail = from !== undefined;
      view.readBacksOnly = true;
      view.walk = this.#walk(view, missing, budget).finally(() => this.#walkEnded(view));
      return;
    }
    const listEnded = view.cursor === null; // every page already seen: a miss is new or gone
    const fitsBudget = view.cursor !== undefined || view.pagesHint === undefined || view.pagesHint <= budget;
    if ((readsTogether || readBacks) && !recentlyWritten && !listEnded && fitsBudget) {
      if (readBacks && view.cache.size === 0) view.readBacksOnly = true;
      view.walk = this.#walk(view, missing, budget).finally(() => this.#walkEnded(view));
    } else {
      this.#lookUpEach(view.customerId, missing);
    }
  }

  #walkEnded(view: CustomerView): void {
    view.walk = undefined;
    if (view.waiting.length > 0) this.#schedule(view);
  }

  // ---- requests -------------------------------------------------------------

  /**
   * Walks the customer's list from where the current walk stopped until every
   * missing commit is found, the list ends or `budget` pages are read; what
   * it did not find is looked up by id. Pages fill the cache only while no
   * write has touched the customer since the walk began.
   */
  async #walk(view: CustomerView, missing: Map<string, Waiter[]>, budget: number): Promise<void> {
    const generation = view.generation;
    const current = (): boolean => view.generation === generation;
    let cursor = view.cursor;
    if (view.cache.size === 0) view.walkStartedAt = this.#now();
    let pages = 0;
    let unfound = missing.size;
    try {
      while (unfound > 0 && cursor !== null && pages < budget) {
        const pageFrom = cursor;
        const page = await this.#request(() => this.#source.walkPage(this.#client, view.customerId, pageFrom));
        this.#stats.pages++;
        pages++;
        cursor = page.next_page;
        if (cursor === null) view.tail = { from: pageFrom };
        for (const commit of page.data) {
          const waiters = missing.get(commit.id);
          if (waiters !== undefined) {
            missing.delete(commit.id);
            unfound--;
            waiters.forEach((waiter) => waiter.resolve(structuredClone(commit)));
          }
        }
        if (current()) {
          this.#store(view, page.data);
          view.cursor = cursor;
          view.walkPages++;
          if (cursor === null && !view.fromTail) view.pagesHint = view.walkPages;
        }
      }
      // Stopped by the budget: the list is longer than that, whatever it was thought to be.
      if (cursor !== null && unfound > 0 && current() && !view.fromTail) view.pagesHint = Math.max(view.pagesHint ?? 0, view.walkPages + 1);
    } catch (error) {
      rejectAll([...missing.values()].flat(), error);
      return;
    }
    // Not in the list (gone, or created after the walk began), or past the budget.
    if (missing.size > 0) this.#lookUpEach(view.customerId, missing);
  }

  /** One `commit_id` lookup per missing commit, sent together. */
  #lookUpEach(customerId: string, missing: Map<string, Waiter[]>): void {
    for (const [commitId, waiters] of missing) {
      this.#stats.lookups++;
      this.#request(() => this.#source.lookup(this.#client, customerId, commitId)).then(
        (page) => {
          const commit = page.data.find((c) => c.id === commitId);
          waiters.forEach((waiter) => waiter.resolve(commit === undefined ? undefined : structuredClone(commit)));
        },
        (error: unknown) => rejectAll(waiters, error),
      );
    }
  }

  async #request<T>(send: () => Promise<T>): Promise<T> {
    this.#requestsInFlight++;
    try {
      return await send();
    } finally {
      this.#requestsInFlight--;
    }
  }

  // ---- writes -----------------------------------------------------------------

  /**
   * A write through the client, before it is sent and once it has ended. A
   * change invalidates the customer it touches both times, so no read that
   * starts after the write began is answered by a request sent before it
   * ended. A create changes no commit: the commit it made is marked for its
   * read-back.
   */
  #observe(write: ClientWrite): void {
    if (write.entity !== this.#source.entity) return;
    const commitId = write.entityId;
    const customerId = write.customerId ?? (commitId === undefined ? undefined : this.#owners.get(commitId));
    if (write.kind === "change") {
      this.#written(customerId);
      return;
    }
    if (write.phase === "start" || customerId === undefined || commitId === undefined) return;
    const view = this.#view(customerId);
    this.#remember(this.#owners, commitId, customerId);
    view.created.add(commitId);
    if (view.created.size > this.#maxCachedCommits) view.created.delete(view.created.values().next().value as string);
  }

  /** A change to the customer (every customer, when it is not known whose commit was changed). */
  #written(customerId: string | undefined): void {
    const now = this.#now();
    const views = customerId === undefined ? [...this.#views.values()] : [this.#view(customerId)];
    for (const view of views) {
      this.invalidate(view.customerId);
      view.lastWrittenAt = now;
    }
  }

  // ---- bookkeeping ------------------------------------------------------------

  /** The customer's view, made if needed and marked most recently used. */
  #view(customerId: string): CustomerView {
    let view = this.#views.get(customerId);
    if (view !== undefined) {
      this.#views.delete(customerId);
    } else {
      view = {
        customerId,
        generation: 0,
        cache: new Map(),
        readBacksOnly: false,
        walkStartedAt: 0,
        cursor: undefined,
        walkPages: 0,
        fromTail: false,
        pagesHint: undefined,
        tail: undefined,
        created: new Set(),
        lastSentAt: undefined,
        lastWrittenAt: undefined,
        waiting: [],
        scheduled: false,
        inBurst: false,
        walk: undefined,
      };
    }
    this.#views.set(customerId, view);
    if (this.#views.size > this.#maxCustomers) this.#evict(() => this.#views.size > this.#maxCustomers, view);
    return view;
  }

  /** Ends the customer's walk once it is older than the TTL. */
  #expire(view: CustomerView): void {
    if (view.cursor !== undefined && this.#now() - view.walkStartedAt > this.#ttlMs) this.#resetWalk(view);
  }

  #resetWalk(view: CustomerView): void {
    view.generation++;
    this.#cachedCommits -= view.cache.size;
    view.cache = new Map();
    view.cursor = undefined;
    view.walkPages = 0;
    view.fromTail = false;
    view.readBacksOnly = false;
  }

  #store(view: CustomerView, commits: Held[]): void {
    this.#evict(() => this.#cachedCommits + commits.length > this.#maxCachedCommits, view);
    if (this.#cachedCommits + commits.length > this.#maxCachedCommits) return; // no room even alone
    for (const commit of commits) {
      if (!view.cache.has(commit.id)) this.#cachedCommits++;
      view.cache.set(commit.id, commit);
    }
  }

  /**
   * Drops the least recently used customers' caches (and idle customers
   * altogether) while `tooMuch()`, never `keep` nor a customer with reads
   * pending or a walk in flight.
   */
  #evict(tooMuch: () => boolean, keep?: CustomerView): void {
    for (const view of this.#views.values()) {
      if (!tooMuch()) return;
      if (view === keep || view.waiting.length > 0 || view.scheduled || view.walk !== undefined) continue;
      this.#resetWalk(view);
      this.#views.delete(view.customerId);
    }
  }

  #remember(map: Map<string, string>, key: string, value: string): void {
    map.delete(key);
    map.set(key, value);
    if (map.size > this.#maxCachedCommits) map.delete(map.keys().next().value as string);
  }
}

/**
 * Rejects every waiter with its own copy of the error: callers decorate the
 * error they get (explain.ts prefixes its message), and one shared instance
 * would carry every caller's prefix.
 */
function rejectAll(waiters: Waiter[], error: unknown): void {
  waiters.forEach((waiter, i) => waiter.reject(i === 0 ? error : copyOf(error)));
}

function copyOf(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  for (const key of Reflect.ownKeys(error)) {
    Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(error, key)!);
  }
  return copy;
}
