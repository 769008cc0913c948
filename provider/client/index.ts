// The Metronome API client: public surface.
export {
  MetronomeClient,
  type CommitRef,
  type CommitWrite,
  type CommitWriteObserver,
  type MetronomeClientOptions,
  type WriteOptions,
} from "./client";
export * from "./errors";
export { ENDPOINTS, type Endpoint, type EndpointName } from "./endpoints";
export {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  isRetryable,
  retryDelayMs,
  runWithRetries,
  type RequestKind,
  type RetryPolicy,
  type RetryRuntime,
} from "./retry";
export { parseRetryAfter } from "./retry-after";
export { paginateBodyCursor, type CursorPage } from "./pagination";
